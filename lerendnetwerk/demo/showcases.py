"""The results of networks from Verdieping on, and of the demo logins' own network, through the
real services: what each network made on its theme (a photo published with the consent of the
people shown, a text, a document or an interview), the handover notes of networks near the end
of a cycle, not published yet, and what networks that started again published in their first
cycle. The files are made here (a small PNG drawn with Pillow, text documents), so the demo needs
nothing from outside."""

import io
from typing import NamedTuple

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Membership, Network
from lerendnetwerk.showcases import services
from lerendnetwerk.showcases.models import Showcase

PUBLISHING = {Phase.DEEPENING, Phase.EMBEDDING, Phase.ANCHORING}
NEAR_THE_END = {Phase.EMBEDDING, Phase.ANCHORING}
HANDOVER_NOTES = (
    "Warme overdracht: wat we afspraken\n\n"
    "1. De pedagogisch medewerker en de leerkracht van groep 1 spreken elkaar voor de start.\n"
    "2. We gebruiken één overdrachtsformulier voor de hele wijk.\n"
    "3. Ouders zijn bij het gesprek, als zij dat willen.\n"
)


class Result(NamedTuple):
    title: str
    description: str
    kind: str  # photo, text, document or interview
    text: str = ""  # the file's content, for all but a photo


READING_MORNING = Result(
    "Voorleesochtend met peuters en groep 1",
    "Peuters en kleuters luisterden samen naar één prentenboek; de ouders lazen mee. Zo leerden "
    "de kinderen hun nieuwe juf al kennen.",
    "photo",
)
# What a network on each demo theme (names.TOPICS) published.
RESULTS = {
    "Woordenschat en voorlezen": READING_MORNING,
    "Ouderbetrokkenheid bij de overgang naar groep 1": Result(
        "Draaiboek ouderavond 'Naar groep 1'",
        "Hoe we ouders van peuters samen met de basisschool uitnodigen, en wat ze die avond zien "
        "en doen.",
        "text",
        "Draaiboek ouderavond\n\n1. Uitnodiging via de peutergroep.\n2. Rondleiding door groep 1."
        "\n3. Vragen van ouders verzamelen en beantwoorden.\n",
    ),
    "Spelend leren": Result(
        "De spelhoek die meegroeit",
        "Foto's van een huishoek die we in peutergroep en groep 1 op dezelfde manier inrichten, "
        "zodat kinderen het spel herkennen.",
        "photo",
    ),
    "Warme overdracht": Result(
        "Eén overdrachtsformulier voor de wijk",
        "Het formulier dat peuteropvang en basisscholen in de wijk nu allemaal gebruiken, met "
        "een korte toelichting.",
        "document",
        HANDOVER_NOTES,
    ),
    "Executieve functies": Result(
        "Interview: plannen met kleuters",
        "Een leerkracht en een pedagogisch medewerker vertellen hoe zij kinderen helpen hun spel "
        "te plannen.",
        "interview",
        "Vraag: Wat deden jullie anders?\nAntwoord: We laten kinderen eerst vertellen wat ze "
        "gaan spelen, en kijken daarna samen terug.\n",
    ),
    "Ontluikende gecijferdheid": Result(
        "Rekenspellen van peutergroep tot groep 2",
        "Tien spellen met tellen, meten en vergelijken, en hoe ze van groep tot groep moeilijker "
        "worden.",
        "text",
        "Rekenspellen\n\n1. Hoeveel knopen?\n2. Wie is de langste?\n3. Boodschappen tellen.\n",
    ),
    "Meertaligheid als kracht": Result(
        "Thuistaal in de kring",
        "Kinderen leren elkaar een woord in hun thuistaal; op de foto een kring met prentenboeken "
        "in vier talen.",
        "photo",
    ),
    "Sociaal-emotionele ontwikkeling en welbevinden": Result(
        "Kijkwijzer welbevinden",
        "Een kijkwijzer die pedagogisch medewerkers en leerkrachten allebei gebruiken.",
        "document",
        "Kijkwijzer welbevinden\n\n- Zoekt het kind contact?\n- Durft het kind iets nieuws?\n",
    ),
    "Samen observeren en volgen": Result(
        "Samen kijken: verslag van drie observatierondes",
        "Wat we zagen toen we bij elkaar in de groep observeerden, en wat we daarna afspraken.",
        "text",
        "Observatierondes\n\nRonde 1: spel buiten.\nRonde 2: de kring.\nRonde 3: de overgang "
        "van spelen naar opruimen.\n",
    ),
}


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


def _publish(network: Network, result: Result, author: User, facilitator: User) -> Showcase:
    if result.kind == "photo":
        upload = SimpleUploadedFile("foto.png", _photo(), content_type="image/png")
    else:
        upload = SimpleUploadedFile(
            "resultaat.txt", result.text.encode(), content_type="text/plain"
        )
    showcase = services.showcase_create(
        network=network,
        uploaded_by=author,
        # Networks on one theme made the same kind of thing, each in their own district.
        title=f"{result.title} – {network.district.name}",
        description=result.description,
        kind=result.kind,
        upload=upload,
        consent=result.kind in Showcase.NEEDS_CONSENT,
    )
    services.showcase_publish(showcase=showcase, published_by=facilitator)
    return showcase


def seed_showcases(network: Network, *, always: bool = False) -> None:
    cycle = network.current_cycle
    if cycle is None:
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
    if cycle.number > 1:
        _first_cycle_result(network, participant, facilitator)
    if cycle.phase not in PUBLISHING and not always:
        return
    _publish(network, RESULTS.get(cycle.theme, READING_MORNING), participant, facilitator)
    if cycle.phase in NEAR_THE_END or always:
        services.showcase_create(
            network=network,
            uploaded_by=facilitator,
            title="Afspraken warme overdracht",
            description="Wat we in het netwerk hebben afgesproken; nog te bespreken met de teams.",
            kind="document",
            upload=SimpleUploadedFile(
                "afspraken-warme-overdracht.txt",
                HANDOVER_NOTES.encode(),
                content_type="text/plain",
            ),
        )


def _first_cycle_result(network: Network, author: User, facilitator: User) -> None:
    """What the network published at the end of its first cycle, on that cycle's theme."""
    first = Cycle.objects.get(network=network, number=1)
    if first.theme not in RESULTS:
        return
    showcase = _publish(network, RESULTS[first.theme], author, facilitator)
    Showcase.objects.filter(pk=showcase.pk).update(cycle=first)
