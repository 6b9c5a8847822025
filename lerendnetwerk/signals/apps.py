from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "lerendnetwerk.signals"
