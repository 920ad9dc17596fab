"""Error pages wear the app's layout and offer a way back, even when the database is down."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views.defaults import permission_denied, server_error

from careerscout.tests.factories import make_user

LAYOUT = 'class="site-header"'
WAY_BACK = 'href="/">Back to Today</a>'


@pytest.mark.django_db
def test_a_missing_page_is_styled_with_the_navigation_and_a_way_back(client):
    client.force_login(make_user("alice"))
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in html
    assert LAYOUT in html and 'aria-label="Main"' in html
    assert WAY_BACK in html


@pytest.mark.django_db
def test_another_persons_record_answers_the_same_styled_404(client):
    from careerscout.tests.factories import make_contact

    contact = make_contact(make_user("bob"), "Ana")
    client.force_login(make_user("alice"))
    response = client.get(contact.get_absolute_url())
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.django_db
def test_a_refusal_is_styled_with_a_way_back():
    request = RequestFactory().get("/somewhere/")
    request.user = make_user("alice")
    response = permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert "You cannot open this page" in html
    assert LAYOUT in html and WAY_BACK in html


@pytest.mark.django_db
def test_an_expired_form_explains_itself_instead_of_djangos_csrf_page():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("alice"))
    response = client.post("/people/new/", {"name": "Ana"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "That form could not be sent" in html and "nothing was saved" in html
    assert "CSRF verification failed" not in html
    assert LAYOUT in html and WAY_BACK in html


def test_the_server_error_page_renders_without_a_request_context_or_database():
    """No django_db mark: any query here would fail the test."""
    response = server_error(RequestFactory().get("/boom/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "css/app.css" in html and LAYOUT in html and WAY_BACK in html
