"""The design system page shows every token and component, to signed-in people only."""

from django.conf import settings
from django.test import TestCase

from careerscout.design import COLOURS
from careerscout.tests.factories import make_user


class DesignPageTests(TestCase):
    def test_it_shows_every_colour_chip_component_and_chart(self):
        self.client.force_login(make_user("alice"))
        with self.assertNumQueries(2):  # the session and the user
            html = self.client.get("/design/").content.decode()
        css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text(encoding="utf-8")
        for token, _use in COLOURS:
            assert f"swatch--{token}" in html
            assert f".swatch--{token} {{ background: var(--{token}); }}" in css, token
            assert f"--{token}:" in css, f"--{token} is not defined"
        for piece in [
            'class="chip chip--good status status--thanked"',
            'class="chip chip--ended status status--no_reply"',
            'class="button button--primary"',
            'class="empty"',
            'class="message message--error"',
            'class="chart__neck"',
            'class="errorlist"',
        ]:
            assert piece in html, piece

    def test_signed_out_people_are_sent_to_log_in(self):
        response = self.client.get("/design/")
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")
