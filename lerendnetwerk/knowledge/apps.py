from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Knowledge exchange (kennisruil): each organisation's KnowledgeOffer, experts' profiles in a
    public directory, and facilitators' requests to an expert for an agenda item.
    """

    name = "lerendnetwerk.knowledge"
