"""`{% load nav %}`: which section of the main navigation a page belongs to."""

from django import template
from django.http import HttpRequest

register = template.Library()

# Pages served by one app but reached from another's: a conversation's prep brief and live
# notes (questions), its reflection and a career's learned and decide tabs (insights). The
# person expects the section they came from to stay lit.
SECTION_BY_PATH = {
    "/conversations/": "conversations",
    "/insights/reflect/": "conversations",
    "/insights/careers/": "careers",
}


@register.simple_tag
def nav_section(request: HttpRequest) -> str:
    for prefix, section in SECTION_BY_PATH.items():
        if request.path.startswith(prefix):
            return section
    match = request.resolver_match
    if match is None:
        return ""
    return match.namespace or match.url_name or ""
