from django.apps import AppConfig


class ShowcasesConfig(AppConfig):
    """A network's products and good practice: files and links with consent, published on the
    network's public page when the network chooses.
    """

    name = "lerendnetwerk.showcases"
