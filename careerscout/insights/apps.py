from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "careerscout.insights"
    verbose_name = "Insights"

    def ready(self):
        from careerscout.conversations.signals import notes_edited_after_call

        from .capture import resync_after_call

        notes_edited_after_call.connect(resync_after_call, dispatch_uid="insights.resync")
