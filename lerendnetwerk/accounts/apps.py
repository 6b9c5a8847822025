from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lerendnetwerk.accounts"
