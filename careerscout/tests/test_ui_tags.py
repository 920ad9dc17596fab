"""The design system's template tags: icons that screen readers skip or name, and status chips."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load ui %}" + source).render(Context(context))


def test_a_decorative_icon_is_hidden_from_screen_readers():
    html = render('{% icon "users" %}')
    assert html.startswith("<svg")
    assert 'aria-hidden="true"' in html
    assert 'class="icon"' in html
    assert "aria-label" not in html


def test_an_icon_that_stands_alone_is_named():
    html = render('{% icon "trash" label=name %}', name='Delete "Ada" <now>')
    assert html.startswith(
        '<span class="icon-label" role="img" aria-label="Delete &quot;Ada&quot; &lt;now&gt;">'
    )
    assert "<svg" in html


def test_a_status_chip_shows_the_words_an_icon_and_its_tone():
    html = render("{% status_chip 'thanked' 'Thanked' %}")
    assert html.startswith('<span class="chip chip--good status status--thanked">')
    assert html.endswith("Thanked</span>")
    assert 'aria-hidden="true"' in html
    assert "chip--ended" in render("{% status_chip 'no_reply' 'No reply' %}")
    assert "chip--active" in render("{% status_chip 'requested' 'Requested' %}")


def test_a_status_chip_escapes_its_label():
    assert "&lt;b&gt;" in render("{% status_chip 'held' label %}", label="<b>")


def test_every_status_has_its_own_icon():
    from careerscout.careers.models import Career
    from careerscout.lib.vocabulary import ConversationStatus
    from careerscout.templatetags.ui import STATUS_ICONS

    statuses = {*ConversationStatus.values, *Career.Status.values}
    assert statuses <= STATUS_ICONS.keys()
