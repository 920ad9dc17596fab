"""The API's documentation page can read the schema it is given."""

import json
from collections import Counter

import pytest

from careerscout.tests.factories import make_user

pytestmark = pytest.mark.django_db


def repeated_keys(text: str) -> list[str]:
    """Keys that appear twice in one JSON object: Swagger UI's YAML parser refuses them."""
    repeated: list[str] = []

    def collect(pairs: list[tuple[str, object]]) -> dict:
        repeated.extend(key for key, count in Counter(k for k, _ in pairs).items() if count > 1)
        return dict(pairs)

    json.loads(text, object_pairs_hook=collect)
    return repeated


def test_the_openapi_schema_names_each_response_status_once(client):
    client.force_login(make_user("alice"))
    schema = client.get("/api/openapi.json").content.decode()
    assert repeated_keys(schema) == []
    assert '"422"' in schema


def test_a_repeated_key_is_noticed():
    assert repeated_keys('{"a": {"422": 1, "422": 2}}') == ["422"]
