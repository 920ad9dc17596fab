import os

import hypothesis
from django.conf import settings


def pytest_configure(config):
    """Quick password hashing and a task queue that runs nothing on its own, for every test
    (including class-level fixtures, which run before function-scoped ones)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


# Property-based tests: a modest number of examples in the normal suite, many more in
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz). No example database: every run starts fresh.
settings_profiles = {
    "default": {"max_examples": 30, "deadline": 2000},
    "fuzz": {"max_examples": 3000, "deadline": 5000},
}
for name, values in settings_profiles.items():
    hypothesis.settings.register_profile(
        name,
        database=None,
        suppress_health_check=[
            hypothesis.HealthCheck.too_slow,
            hypothesis.HealthCheck.function_scoped_fixture,
            hypothesis.HealthCheck.differing_executors,
        ],
        **values,
    )
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
