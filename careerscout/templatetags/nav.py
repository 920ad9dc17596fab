"""`{% load nav %}`: which section of the main navigation a page belongs to."""

from django import template
from django.http import HttpRequest

register = template.Library()

# A conversation's prep brief and live notes are served by the questions app, but a person
# reaches them from the conversation and expects Conversations to stay lit.
SECTION_BY_PATH = {"/conversations/": "conversations"}


@register.simple_tag
def nav_section(request: HttpRequest) -> str:
    for prefix, section in SECTION_BY_PATH.items():
        if request.path.startswith(prefix):
            return section
    match = request.resolver_match
    if match is None:
        return ""
    return match.namespace or match.url_name or ""
