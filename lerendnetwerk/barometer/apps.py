from django.apps import AppConfig


class BarometerConfig(AppConfig):
    name = "lerendnetwerk.barometer"

    def ready(self) -> None:
        from lerendnetwerk.networks import sections
        from lerendnetwerk.networks.sections import Section

        from . import invalidation, notifications

        invalidation.connect()
        notifications.register()
        sections.register(
            Section(
                key="barometer",
                label="Netwerkbarometer",
                url_name="barometer:network",
                order=50,
                permission="barometer.view_barometer",
            )
        )
