"""A region's own quality framework: its coordinators copy the shared one and keep the copy
(chapters and focus areas added, reworded, ordered, retired); a focus area a network chose is
never deleted; the shared framework stays the platform editors'; the region's networks choose
from the copy."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.models import AuditEntry
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    RegionFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes import selectors, services
from lerendnetwerk.themes.models import Chapter, FocusArea, QualityFramework, ThemeProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def amersfoort() -> Region:
    return RegionFactory.create(name="Amersfoort", slug="amersfoort")


@pytest.fixture
def other_coordinator(amersfoort: Region) -> User:
    user = UserFactory.create(name="Olga Elders", is_staff=True)
    user.coordinator_of.add(amersfoort)
    return user


@pytest.fixture
def own(utrecht: Region) -> QualityFramework:
    return services.framework_copy_for_region(region=utrecht)


def _url(name: str, *args: object, region: str = "utrecht") -> str:
    return reverse(f"themes:{name}", args=[region, *args])


def _chapters(framework: QualityFramework) -> list[Chapter]:
    return list(framework.chapters.order_by("number"))


def _area(framework: QualityFramework, title: str) -> FocusArea:
    return FocusArea.objects.get(chapter__framework=framework, title=title)


def test_a_coordinator_copies_the_shared_framework_for_the_regions_networks(
    coordinator, utrecht, amersfoort
):
    shared = QualityFramework.objects.get(region__isnull=True)
    http = login(coordinator)
    page = http.get(_url("framework"))
    assert page.status_code == 200 and not page.context["own"]
    assert _url("chapter_add") not in page.content.decode()
    assert http.get(_url("chapter_add")).status_code == 404  # nothing of its own to edit yet

    assert http.post(_url("framework_copy")).status_code == 302
    own = QualityFramework.objects.get(region=utrecht)
    assert [(c.number, c.title) for c in _chapters(own)] == [
        (c.number, c.title) for c in _chapters(shared)
    ]
    assert (
        FocusArea.objects.filter(chapter__framework=own).count()
        == FocusArea.objects.filter(chapter__framework=shared).count()
    )
    # Once only.
    http.post(_url("framework_copy"))
    assert QualityFramework.objects.filter(region=utrecht).count() == 1
    # Utrecht's networks choose from the copy; Amersfoort's still from the shared one.
    assert {c.framework for c in selectors.active_chapters(region_id=utrecht.pk)} == {own}
    assert {c.framework for c in selectors.active_chapters(region_id=amersfoort.pk)} == {shared}
    assert AuditEntry.objects.filter(
        user=coordinator, model="themes.qualityframework", action="add"
    ).exists()


def test_a_coordinator_keeps_the_chapters(coordinator, own):
    http = login(coordinator)
    assert http.post(_url("chapter_add"), {"title": "Samenwerken in de wijk"}).status_code == 302
    added = own.chapters.get(title="Samenwerken in de wijk")
    assert added.number == len(_chapters(own))
    http.post(_url("chapter_edit", added.pk), {"title": "Samen in de wijk"})
    http.post(_url("chapter_move", added.pk), {"direction": "up"})
    titles = [c.title for c in _chapters(own)]
    assert titles[-2] == "Samen in de wijk"
    assert [c.number for c in _chapters(own)] == list(range(1, len(titles) + 1))
    # An empty chapter can go; one with focus areas stays.
    http.post(_url("chapter_delete", added.pk))
    assert not Chapter.objects.filter(pk=added.pk).exists()
    first = _chapters(own)[0]
    http.post(_url("chapter_delete", first.pk))
    assert Chapter.objects.filter(pk=first.pk).exists()
    assert [c.number for c in _chapters(own)] == list(range(1, len(_chapters(own)) + 1))


def test_a_coordinator_adds_rewords_and_orders_focus_areas(coordinator, own):
    chapter = _chapters(own)[2]
    http = login(coordinator)
    kept = http.post(
        _url("focus_area_add", chapter.pk), {"title": "", "description": "Blijft staan."}
    )
    assert kept.status_code == 200 and "Blijft staan." in kept.content.decode()
    assert not chapter.focus_areas.filter(description="Blijft staan.").exists()
    http.post(
        _url("focus_area_add", chapter.pk),
        {"title": "Voorlezen met ouders", "description": "Samen voorlezen."},
    )
    area = _area(own, "Voorlezen met ouders")
    areas = list(chapter.focus_areas.order_by("order", "pk"))
    assert areas[-1] == area
    http.post(_url("focus_area_move", area.pk), {"direction": "up"})
    assert list(chapter.focus_areas.order_by("order", "pk"))[-2] == area
    http.post(_url("focus_area_edit", area.pk), {"title": "Voorlezen thuis", "description": ""})
    area.refresh_from_db()
    assert area.title == "Voorlezen thuis"


def test_a_retired_focus_area_is_no_longer_offered_and_chosen_ones_are_never_deleted(
    coordinator, utrecht, own, network, participant
):
    cycle = network.current_cycle
    chosen = _area(own, "Taalontwikkeling en woordenschat")
    proposal = services.theme_proposal_create(
        cycle=cycle,
        title="Woordenschat",
        why="Voor de praktijk.",
        proposed_by=participant,
        focus_area=chosen,
    )
    http = login(coordinator)
    page = http.get(_url("framework")).content.decode()
    assert _url("focus_area_delete", chosen.pk) not in page
    # Deleting a chosen focus area is refused, on the page and in the service.
    http.post(_url("focus_area_delete", chosen.pk))
    assert FocusArea.objects.filter(pk=chosen.pk).exists()
    with pytest.raises(ValidationError):
        services.focus_area_delete(focus_area=chosen)

    http.post(_url("focus_area_retire", chosen.pk))
    chosen.refresh_from_db()
    assert chosen.is_retired
    offered = {
        a.pk for c in selectors.active_chapters(region_id=utrecht.pk) for a in c.focus_areas.all()
    }
    assert chosen.pk not in offered
    form = login(participant).get(reverse("themes:propose", args=[network.slug]))
    assert "Taalontwikkeling en woordenschat" not in form.content.decode()
    with pytest.raises(ValidationError):
        services.theme_proposal_create(
            cycle=cycle,
            title="Nog eens",
            why="Waarom.",
            proposed_by=participant,
            focus_area=chosen,
        )
    proposal.refresh_from_db()
    assert proposal.focus_area == chosen  # the earlier choice keeps it

    http.post(_url("focus_area_retire", chosen.pk), {"retired": "no"})
    chosen.refresh_from_db()
    assert not chosen.is_retired

    # One nobody chose can be deleted.
    unused = _area(own, "Spel en ontwikkeling")
    http.post(_url("focus_area_delete", unused.pk))
    assert not FocusArea.objects.filter(pk=unused.pk).exists()
    actions = set(
        AuditEntry.objects.filter(model="themes.focusarea").values_list("action", "detail")
    )
    assert {
        ("change", "retire"),
        ("change", "bring back"),
        ("delete", "Spel en ontwikkeling"),
    } <= actions


def test_a_region_with_its_own_framework_no_longer_chooses_the_shared_one(
    own, network, participant, amersfoort
):
    shared_area = FocusArea.objects.get(
        chapter__framework__region__isnull=True, title="Taalontwikkeling en woordenschat"
    )
    with pytest.raises(ValidationError):
        services.theme_proposal_create(
            cycle=network.current_cycle,
            title="T",
            why="W",
            proposed_by=participant,
            focus_area=shared_area,
        )
    elsewhere = NetworkFactory.create(district=DistrictFactory.create(region=amersfoort))
    assert elsewhere.current_cycle is not None
    member = add_member(elsewhere)
    proposal = services.theme_proposal_create(
        cycle=elsewhere.current_cycle,
        title="T",
        why="W",
        proposed_by=member,
        focus_area=shared_area,
    )
    assert proposal.focus_area == shared_area
    # And no region chooses another region's.
    with pytest.raises(ValidationError):
        services.theme_proposal_create(
            cycle=elsewhere.current_cycle,
            title="T",
            why="W",
            proposed_by=member,
            focus_area=_area(own, "Spel en ontwikkeling"),
        )
    assert ThemeProposal.objects.count() == 1


def test_the_shared_framework_is_read_only_for_coordinators(coordinator, own):
    shared_chapter = Chapter.objects.filter(framework__region__isnull=True).first()
    shared_area = FocusArea.objects.filter(chapter__framework__region__isnull=True).first()
    assert shared_chapter is not None and shared_area is not None
    http = login(coordinator)
    assert http.post(_url("chapter_edit", shared_chapter.pk), {"title": "X"}).status_code == 404
    assert http.post(_url("focus_area_retire", shared_area.pk)).status_code == 404
    assert http.post(_url("focus_area_delete", shared_area.pk)).status_code == 404
    for change in (
        lambda: services.chapter_update(chapter=shared_chapter, title="X"),
        lambda: services.focus_area_retire(focus_area=shared_area),
        lambda: services.focus_area_add(chapter=shared_chapter, title="X", description=""),
    ):
        with pytest.raises(ValidationError):
            change()
    shared_area.refresh_from_db()
    assert not shared_area.is_retired


def test_another_regions_coordinator_cannot_reach_utrechts_framework(
    other_coordinator, participant, own
):
    http = login(other_coordinator)
    assert http.get(_url("framework")).status_code == 403
    assert http.post(_url("framework_copy")).status_code == 403
    area = _area(own, "Spel en ontwikkeling")
    chapter = area.chapter
    assert http.post(_url("focus_area_delete", area.pk)).status_code == 403
    # Under their own region's address, Utrecht's do not exist.
    assert http.post(_url("focus_area_delete", area.pk, region="amersfoort")).status_code == 404
    assert http.post(_url("chapter_delete", chapter.pk, region="amersfoort")).status_code == 404
    assert FocusArea.objects.filter(pk=area.pk).exists()
    assert login(participant).get(_url("framework")).status_code == 403
