"""Small factories for the fixed cast of the test suite: Alice (the owner) and Charlie."""

import itertools

from django.contrib.auth import get_user_model

from careerscout.people.models import Contact

PASSWORD = "a-long-test-password"
_counter = itertools.count(1)


def make_user(username: str = "", **fields):
    username = username or f"user{next(_counter)}"
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, **{"name": username.title(), **fields}
    )


def make_contact(user, name: str = "", tags: list[str] | None = None, **fields) -> Contact:
    contact = Contact.objects.create(user=user, name=name or f"Person {next(_counter)}", **fields)
    if tags:
        contact.set_tags(tags)
    return contact
