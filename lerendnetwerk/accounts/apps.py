from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lerendnetwerk.accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import middleware, scopes, throttling

        scopes.connect()

        user_logged_in.connect(middleware.session_start, dispatch_uid="accounts.session_start")
        user_login_failed.connect(throttling.login_failed, dispatch_uid="accounts.login_failed")
