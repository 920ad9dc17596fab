"""`{{ value|md }}`: user text inside a Markdown template (the report), shown as typed."""

from django import template

from careerscout.lib.markdown import escape_markdown

register = template.Library()


@register.filter
def md(value) -> str:
    return escape_markdown("" if value is None else value)
