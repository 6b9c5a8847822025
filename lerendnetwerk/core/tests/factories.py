"""factory_boy factories for the foundation's models, shared by every app's tests."""

from typing import Any

from django.test import Client
from django.utils.text import slugify
from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory, Password

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import District, Organisation, Region

PASSWORD = "een-goed-wachtwoord-42"


class RegionFactory(DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = Sequence(lambda n: f"Gemeente {n}")
    slug = LazyAttribute(lambda o: slugify(o.name))


class DistrictFactory(DjangoModelFactory[District]):
    class Meta:
        model = District

    region = SubFactory(RegionFactory)
    name = Sequence(lambda n: f"Wijk {n}")
    slug = LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = Sequence(lambda n: f"Basisschool De Regenboog {n}")
    kind = Organisation.Kind.PRIMARY_SCHOOL
    district = SubFactory(DistrictFactory)


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User

    email = Sequence(lambda n: f"persoon{n}@example.org")
    name = Sequence(lambda n: f"Persoon {n}")
    password = Password(PASSWORD)


class NetworkFactory(DjangoModelFactory[Network]):
    """A network created through the service, so it has its first cycle like a real one."""

    class Meta:
        model = Network

    name = Sequence(lambda n: f"Lerend Netwerk {n}")
    district = SubFactory(DistrictFactory)

    @classmethod
    def _create(cls, model_class: type[Network], *args: object, **kwargs: Any) -> Network:
        return network_services.network_create(created_by=None, **kwargs)


def add_member(network: Network, user: User | None = None, role: str = "participant") -> User:
    user = user or UserFactory.create()
    network_services.membership_add(network=network, user=user, role=role)
    return user


def make_facilitator(network: Network) -> User:
    return add_member(network, role=Membership.Role.FACILITATOR)


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
