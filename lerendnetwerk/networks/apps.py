from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "lerendnetwerk.networks"
