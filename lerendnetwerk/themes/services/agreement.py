"""The network's contract (Agreement): rules proposed together, published in versions.

Each member agrees to the current version; a new version asks everyone again, because an
acknowledgement belongs to one version.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.text import LONG_TEXT_MAX
from lerendnetwerk.networks.models import Network

from .. import notifications
from ..models import Agreement, AgreementAcknowledgement, AgreementSuggestion
from .common import require_member, require_text

SUGGESTION_MAX = 500


@transaction.atomic
def agreement_publish(*, network: Network, text: str, published_by: User) -> Agreement:
    """Publish a new version (number + 1, the full text); open suggestions count as weighed.
    The other members are notified."""
    text = require_text(
        text,
        field="text",
        message=_("Write the agreements of the network."),
        max_length=LONG_TEXT_MAX,
    )
    # Locked so that two publications at once cannot claim the same version number.
    Network.objects.select_for_update(no_key=True).get(pk=network.pk)
    current = Agreement.objects.filter(network=network).order_by("-version").first()
    if current is not None and current.text.strip() == text:
        raise ValidationError(
            {"text": _("This is the same text as the current version. Change something first.")}
        )
    last = Agreement.objects.filter(network=network).aggregate(last=Max("version"))["last"] or 0
    agreement = Agreement.objects.create(
        network=network, version=last + 1, text=text, published_by=published_by
    )
    AgreementSuggestion.objects.filter(network=network, taken_into__isnull=True).update(
        taken_into=agreement
    )
    pagecache.changed(agreement)
    notifications.agreement_published(
        network=network, version=agreement.version, published_by=published_by
    )
    return agreement


@transaction.atomic
def agreement_suggest(*, network: Network, author: User, text: str) -> AgreementSuggestion:
    require_member(network, author)
    text = require_text(
        text, field="text", message=_("Write the rule you propose."), max_length=SUGGESTION_MAX
    )
    return AgreementSuggestion.objects.create(network=network, author=author, text=text)


@transaction.atomic
def agreement_acknowledge(*, agreement: Agreement, member: User) -> AgreementAcknowledgement:
    """A member agrees to the current version. Agreeing twice changes nothing."""
    require_member(agreement.network_id, member)
    latest = Agreement.objects.filter(network_id=agreement.network_id).aggregate(v=Max("version"))[
        "v"
    ]
    if agreement.version != latest:
        raise ValidationError(
            _("There is a newer version of the contract. Read it and agree to that one.")
        )
    acknowledgement, _created = AgreementAcknowledgement.objects.get_or_create(
        agreement=agreement, member=member
    )
    return acknowledgement
