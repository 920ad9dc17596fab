from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careerscout.accounts"
    verbose_name = "Accounts"
