"""factory_boy factories for the foundation's models, shared by every app's tests."""

from typing import Any

from django.test import Client
from django.utils.text import slugify
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory, Password

from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import needs_second_factor
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


def totp_device(user: User) -> TOTPDevice:
    """The person's confirmed TOTP app (made when missing); `django_otp.oath.totp(device.bin_key)`
    gives its current code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test", confirmed=True)


def verify_second_factor(client: Client, user: User) -> None:
    """Mark the client's session as having given the second factor, as otp_verify does."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()


def login(user: User) -> Client:
    """A logged-in client; coordinators and staff have given their second factor as well (the
    whole flow is tested in accounts/tests/test_second_factor.py)."""
    client = Client()
    client.force_login(user)
    if needs_second_factor(user):
        verify_second_factor(client, user)
    return client
