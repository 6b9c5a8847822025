from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Knowledge exchange (kennisruil): each organisation's KnowledgeOffer, experts' profiles in a
    public directory, and facilitators' requests to an expert for an agenda item.
    """

    name = "lerendnetwerk.knowledge"

    def ready(self) -> None:
        from lerendnetwerk.networks import manager_panels

        from . import panel, scopes

        scopes.connect()

        manager_panels.register(
            manager_panels.ManagerPanel(key="knowledge", order=70, render=panel.render)
        )
