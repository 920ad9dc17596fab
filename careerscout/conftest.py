from django.conf import settings


def pytest_configure(config):
    """Quick password hashing and a task queue that runs nothing on its own, for every test
    (including class-level fixtures, which run before function-scoped ones)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
