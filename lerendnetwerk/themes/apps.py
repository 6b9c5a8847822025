from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "lerendnetwerk.themes"
