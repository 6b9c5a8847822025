from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "lerendnetwerk.meetings"

    def ready(self) -> None:
        from lerendnetwerk.networks import leaving, sections
        from lerendnetwerk.networks.sections import Section

        from . import notifications
        from .services import rsvps_leave

        notifications.register()
        leaving.register("meetings.rsvps", rsvps_leave)

        sections.register(
            Section(
                key="meetings",
                label=_("Meetings"),
                url_name="meetings:network",
                order=30,
                permission="meetings.view_meetings",
                in_facilitators_network=True,
            )
        )
