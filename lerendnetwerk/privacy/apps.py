from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "lerendnetwerk.privacy"

    def ready(self) -> None:
        from lerendnetwerk.accounts import profile

        from . import views

        profile.register(profile.Panel(key="privacy", order=90, render=views.profile_panel))
