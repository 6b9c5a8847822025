"""The results of networks near the end of a cycle (Inbedding, Verankering), and of the demo
logins' own network, through the real services: a photo of a reading morning, published with the
consent of the people shown, and the network's handover notes, not published yet. The files are
made here (a small PNG drawn with Pillow, a text document), so the demo needs nothing from
outside."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.showcases import services

PHASES = {Phase.EMBEDDING, Phase.ANCHORING}
HANDOVER_NOTES = (
    "Warme overdracht: wat we afspraken\n\n"
    "1. De pedagogisch medewerker en de leerkracht van groep 1 spreken elkaar voor de start.\n"
    "2. We gebruiken één overdrachtsformulier voor de hele wijk.\n"
    "3. Ouders zijn bij het gesprek, als zij dat willen.\n"
)


def _photo() -> bytes:
    """A drawing of a circle of children around a book: no real people in the demo."""
    image = Image.new("RGB", (480, 320), "#f4efe1")
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 130, 280, 190), fill="#2f5d8a")
    for n, (x, y) in enumerate([(120, 90), (360, 90), (90, 220), (390, 220), (240, 260)]):
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill=("#d9822b", "#6a9f58")[n % 2])
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed_showcases(network: Network, *, always: bool = False) -> None:
    cycle = network.current_cycle
    if cycle is None or (cycle.phase not in PHASES and not always):
        return
    memberships = list(
        network_selectors.memberships_active(network=network).select_related("user").order_by("pk")
    )
    facilitator = next((m.user for m in memberships if m.role == Membership.Role.FACILITATOR), None)
    participant = next(
        (m.user for m in memberships if m.role == Membership.Role.PARTICIPANT), facilitator
    )
    if facilitator is None or participant is None:
        return
    photo = services.showcase_create(
        network=network,
        uploaded_by=participant,
        title="Voorleesochtend met peuters en groep 1",
        description=(
            "Peuters en kleuters luisterden samen naar één prentenboek; de ouders lazen mee. "
            "Zo leerden de kinderen hun nieuwe juf al kennen."
        ),
        kind="photo",
        upload=SimpleUploadedFile("voorleesochtend.png", _photo(), content_type="image/png"),
        consent=True,
    )
    services.showcase_publish(showcase=photo, published_by=facilitator)
    services.showcase_create(
        network=network,
        uploaded_by=facilitator,
        title="Afspraken warme overdracht",
        description="Wat we in het netwerk hebben afgesproken; nog te bespreken met de teams.",
        kind="document",
        upload=SimpleUploadedFile(
            "afspraken-warme-overdracht.txt", HANDOVER_NOTES.encode(), content_type="text/plain"
        ),
    )
