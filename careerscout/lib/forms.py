from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Forms rendered with our own field layout: labels without Django's trailing colon."""

    field_template_name = "forms/field.html"
