"""Schema-driven fuzzing of the JSON API with Schemathesis: every endpoint in
/api/openapi.json, called with generated input and a real token, must never answer 500,
must answer what its schema promises, and must give every error as `{"detail": …}`.

A few examples per endpoint here (about half a minute); `make fuzz` runs many more.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.tests.factories import make_contact, make_user
from careerscout.wsgi import application

EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 8


@schemathesis.check
def errors_have_a_detail(ctx, response, case) -> None:
    """The interface's error shape, for every status from 400 up."""
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            raise AssertionError(
                f"{response.status_code} is not JSON: {response.content[:200]!r}"
            ) from None
        assert isinstance(body, dict) and isinstance(body.get("detail"), str), body


@pytest.fixture
def token(db) -> str:
    alice = make_user("alice")
    maya = make_contact(alice, "Maya Chen", emails=["maya@example.org"])
    career = Career.objects.create(user=alice, title="UX research")
    Conversation.plan(maya, [career])
    _token, plain = ApiToken.issue(alice, "schemathesis")
    return plain


# Reading the schema needs no database: it is built from the code.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.mark.api_fuzz
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_endpoint_answers_as_its_schema_says_and_never_fails(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    # The token is sent with every call, so the "ignores bad authentication" check cannot
    # apply (test_isolation.py and the API tests cover authentication). A schema cannot say
    # "a time zone that exists" or "a web address that resolves", so input it allows may
    # still be refused, with a 422 that names the field: that is checked, not waived.
    case.validate_response(response, excluded_checks=[ignored_auth, positive_data_acceptance])
