import pytest


@pytest.fixture(autouse=True)
def fast_tests(settings):
    """Quick password hashing and a task queue that runs nothing on its own."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
