"""factory_boy factories for the foundation's models, shared by every app's tests."""

import factory
from django.test import Client
from django.utils.text import slugify

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import District, Organisation, Region

PASSWORD = "een-goed-wachtwoord-42"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Basisschool De Regenboog {n}")
    kind = Organisation.Kind.PRIMARY_SCHOOL
    district = factory.SubFactory(DistrictFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class NetworkFactory(factory.django.DjangoModelFactory):
    """A network created through the service, so it has its first cycle like a real one."""

    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Lerend Netwerk {n}")
    district = factory.SubFactory(DistrictFactory)

    @classmethod
    def _create(cls, model_class: type[Network], *args: object, **kwargs: object) -> Network:
        return network_services.network_create(created_by=None, **kwargs)  # type: ignore[arg-type]


def add_member(network: Network, user: User | None = None, role: str = "participant") -> User:
    user = user or UserFactory()
    network_services.membership_add(network=network, user=user, role=role)
    return user


def make_facilitator(network: Network) -> User:
    return add_member(network, role=Membership.Role.FACILITATOR)


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
