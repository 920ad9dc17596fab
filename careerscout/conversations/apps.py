from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "careerscout.conversations"
    verbose_name = "Conversations"
