from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lerendnetwerk.notifications"

    def ready(self) -> None:
        from lerendnetwerk.accounts import profile

        from . import views

        profile.register(profile.Panel(key="notifications", order=80, render=views.profile_panel))
