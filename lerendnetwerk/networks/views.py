"""Network pages: the public district overview, members' pages and the coordinator's overview.

Every view checks one named permission from rules.py before it shows or changes anything.
"""

from typing import TYPE_CHECKING

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lerendnetwerk.accounts import selectors as account_selectors
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .access import network_for
from .forms import (
    CommitmentConfirmForm,
    FacilitatorsNetworkForm,
    InviteManagerForm,
    InviteMemberForm,
    ManagerCommitmentForm,
    NetworkEditForm,
    NetworkForm,
    NewCycleForm,
    PrerequisiteForm,
)
from .models import Membership, Prerequisite

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.accounts.models import User

    from .models import Network

# Readable Dutch URL parts for the prerequisites.
PREREQUISITE_SLUGS = {
    "management": Prerequisite.Kind.MANAGEMENT_COMMITMENT,
    "motivatie": Prerequisite.Kind.PARTICIPANT_MOTIVATION,
    "tijd": Prerequisite.Kind.TIME,
    "budget-en-expert": Prerequisite.Kind.BUDGET_AND_EXPERT,
}


# --- Members ----------------------------------------------------------------------------------


@login_required
def network_list(request: "AuthenticatedHttpRequest") -> HttpResponse:
    networks = list(selectors.networks_for_user(user=request.user))
    return render(request, "networks/list.html", {"networks": networks})


@login_required
def network_create(request: "AuthenticatedHttpRequest") -> HttpResponse:
    if not request.user.has_perm("networks.create_network"):
        raise PermissionDenied
    form = NetworkForm(
        request.POST or None,
        districts=region_selectors.districts_coordinated_by(user_id=request.user.pk),
    )
    if request.method == "POST" and form.is_valid():
        network = services.network_create(
            name=form.cleaned_data["name"],
            district=form.cleaned_data["district"],
            description=form.cleaned_data["description"],
            created_by=request.user,
        )
        messages.success(request, _("The network has been started. Now invite its facilitator."))
        return redirect("networks:invite", slug=network.slug)
    return render(request, "networks/create.html", {"form": form})


@login_required
def network_edit(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.change_network")
    form = NetworkEditForm(
        request.POST or None,
        organisations=selectors.organisation_choices(network=network),
        facilitators_network=network.is_facilitators_network,
        initial={
            "name": network.name,
            "description": network.description,
            "organisations": selectors.network_organisations(network=network),
        },
    )
    if request.method == "POST" and form.is_valid():
        services.network_update(
            network=network,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            organisations=form.cleaned_data.get("organisations", ()),
        )
        messages.success(request, _("The network has been saved."))
        return redirect("pages:network", slug=network.slug)
    return render(request, "networks/edit.html", {"network": network, "form": form})


@login_required
def network_members(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.view_network")
    return render(
        request,
        "networks/members.html",
        {
            "network": network,
            "memberships": selectors.network_members(network=network),
            "may_manage": request.user.has_perm("networks.manage_members", network),
            "may_assign": request.user.has_perm("networks.assign_facilitator", network),
            "may_invite_facilitators": request.user.has_perm(
                "networks.invite_region_facilitators", network
            ),
        },
    )


@login_required
def network_invite(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.manage_members")
    may_assign = request.user.has_perm("networks.assign_facilitator", network)
    form = InviteMemberForm(
        request.POST or None,
        organisations=region_selectors.organisations_in_regions(
            regions=[network.district.region_id]
        ),
        may_assign_facilitator=may_assign,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_invite(network=network, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            # Only the address as typed, the same whether it has an account or not: the
            # account's name, and that it exists, are not the inviter's to learn.
            messages.success(
                request,
                _("We sent an invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("networks:members", slug=network.slug)
    return render(request, "networks/invite.html", {"network": network, "form": form})


@require_POST
@login_required
def membership_end(
    request: "AuthenticatedHttpRequest", slug: str, membership_id: int
) -> HttpResponse:
    network = network_for(request, slug, "networks.manage_members")
    membership = get_object_or_404(
        selectors.memberships_all(network=network).select_related("user"), pk=membership_id
    )
    try:
        services.membership_end(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s has left the network.") % {"name": membership.user.name}
        )
    return redirect("networks:members", slug=network.slug)


@login_required
def network_leave(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    """A member leaves the network themselves: a confirmation page, then a POST."""
    network = network_for(request, slug, "networks.leave_network")
    if request.method == "POST":
        try:
            services.membership_leave(network=network, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You have left %(network)s.") % {"network": network.name})
        return redirect("accounts:profile")
    return render(request, "networks/leave.html", {"network": network})


def profile_panel(request: "AuthenticatedHttpRequest") -> SafeString:
    """The networks a person is in, with their role and a way to leave (on their profile)."""
    return render_to_string(
        "networks/_profile_memberships.html",
        {"memberships": selectors.memberships_of(user=request.user)},
        request=request,
    )


@require_POST
@login_required
def membership_make_facilitator(
    request: "AuthenticatedHttpRequest", slug: str, membership_id: int
) -> HttpResponse:
    network = network_for(request, slug, "networks.assign_facilitator")
    membership = get_object_or_404(
        selectors.memberships_active(network=network).select_related("user"),
        pk=membership_id,
    )
    services.membership_add(network=network, user=membership.user, role=Membership.Role.FACILITATOR)
    messages.success(request, _("%(name)s is now a facilitator.") % {"name": membership.user.name})
    return redirect("networks:members", slug=network.slug)


@require_POST
@login_required
def invitation_answer(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    """The invited person accepts or declines; to anyone else the invitation does not exist."""
    invitation = selectors.membership_invitation(pk=pk)
    if not rules.has_perm("networks.answer_invitation", request.user, invitation):
        raise Http404
    assert invitation is not None  # the rule says no to a missing invitation
    network = invitation.network
    try:
        if request.POST.get("answer") == "accept":
            services.membership_invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, _("Welcome to %(network)s.") % {"network": network.name})
            return redirect("pages:network", slug=network.slug)
        services.membership_invitation_decline(invitation=invitation, user=request.user)
        messages.success(
            request,
            _("You declined the invitation to %(network)s.") % {"network": network.name},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("pages:invitations")


# --- Prerequisites and phases -----------------------------------------------------------------


@login_required
def network_prerequisites(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.view_network")
    recorded = {p.kind: p for p in selectors.network_prerequisites(network=network)}
    items = [
        {"kind": kind, "slug": url_slug, "record": recorded.get(kind)}
        for url_slug, kind in PREREQUISITE_SLUGS.items()
    ]
    return render(
        request,
        "networks/prerequisites.html",
        {
            "network": network,
            "items": items,
            "commitments": selectors.manager_commitments(network=network),
            "may_record": request.user.has_perm("networks.record_prerequisite", network),
            "started": bool(network.current_cycle and network.current_cycle.phase),
        },
    )


@login_required
def prerequisite_record(
    request: "AuthenticatedHttpRequest", slug: str, kind_slug: str
) -> HttpResponse:
    network = network_for(request, slug, "networks.record_prerequisite")
    kind = PREREQUISITE_SLUGS.get(kind_slug)
    if kind is None:
        raise Http404
    form = PrerequisiteForm(
        request.POST or None,
        kind=kind,
        recorded=selectors.prerequisite_recorded(network=network, kind=kind),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.prerequisite_record(
                network=network,
                kind=kind,
                recorded_by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Recorded: %(prerequisite)s.") % {"prerequisite": Prerequisite.Kind(kind).label},
            )
            return redirect("networks:prerequisites", slug=network.slug)
    return render(
        request,
        "networks/prerequisite_form.html",
        {
            "network": network,
            "kind": Prerequisite.Kind(kind),
            "form": form,
            "commitments": selectors.manager_commitments(network=network),
        },
    )


@login_required
def manager_commitment_add(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.record_prerequisite")
    form = ManagerCommitmentForm(
        request.POST or None,
        managers=account_selectors.managers_in_region(region=network.district.region_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.manager_commitment_record(
                network=network, proposed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The manager's commitment has been recorded; we asked them to confirm it."),
            )
            return redirect("networks:prerequisite", slug=network.slug, kind_slug="management")
    return render(request, "networks/commitment_form.html", {"network": network, "form": form})


@login_required
def commitment_confirm(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    """The manager confirms their commitment, as proposed or changed (the form is also on the
    manager's page; this page shows it again when what they typed needs correcting)."""
    network = network_for(request, slug, "networks.confirm_commitment")
    commitment = selectors.manager_commitment_current(network=network, manager=request.user)
    form = CommitmentConfirmForm(request.POST or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        try:
            services.manager_commitment_confirm(
                network=network, manager=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your commitment to %(network)s is confirmed.") % {"network": network.name},
            )
            return redirect("pages:manager")
    return render(
        request,
        "networks/commitment_confirm.html",
        {"network": network, "form": form, "commitment": commitment},
    )


@login_required
def manager_invite(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    """The facilitator invites the manager of a member organisation."""
    network = network_for(request, slug, "networks.invite_manager")
    form = InviteManagerForm(request.POST or None, organisations=network.organisations.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.manager_invite(network=network, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            # Only the address as typed, as for members: whether it has an account is not
            # the inviter's to learn.
            messages.success(
                request,
                _("We sent an invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("networks:prerequisites", slug=network.slug)
    return render(request, "networks/manager_invite.html", {"network": network, "form": form})


def _new_cycle_form(request: "AuthenticatedHttpRequest", network: "Network") -> NewCycleForm:
    recorded = {p.kind: p for p in selectors.network_prerequisites(network=network)}
    return NewCycleForm(
        request.POST or None,
        prerequisites=[
            (kind, label, recorded.get(kind)) for kind, label in Prerequisite.Kind.choices
        ],
        memberships=selectors.memberships_active(network=network)
        .exclude(user=request.user)
        .select_related("user")
        .order_by("user__name", "pk"),
    )


@login_required
def network_new_cycle(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.move_phase")
    form = _new_cycle_form(request, network)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_start_cycle(
                network=network,
                theme=form.cleaned_data["theme"],
                started_by=request.user,
                still_true=form.still_true(),
                new_evidence=form.new_evidence(),
                ending=form.cleaned_data["ending"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("A new cycle has started. The managers are asked to confirm their commitment."),
            )
            return redirect("pages:network", slug=network.slug)
    return render(
        request,
        "networks/new_cycle.html",
        {
            "network": network,
            "form": form,
            "commitments": selectors.manager_commitments(network=network),
        },
    )


def commitments_panel(request: "AuthenticatedHttpRequest") -> SafeString:
    """Nothing of its own: the manager's page shows the commitments per network itself."""
    return SafeString("")


def commitments_waiting(manager: "User") -> int:
    return selectors.manager_commitments_waiting(manager=manager)


# --- Coordination -----------------------------------------------------------------------------


@login_required
def coordination(request: "AuthenticatedHttpRequest") -> HttpResponse:
    if not request.user.has_perm("networks.coordinate"):
        raise PermissionDenied

    def page() -> HttpResponse:
        overview = selectors.coordinator_overview(user=request.user)
        return render(
            request,
            "networks/coordination.html",
            {
                "networks": overview.networks,
                "facilitators_networks": overview.facilitators_networks,
                "may_start_facilitators_network": overview.regions_without_facilitators_network > 0,
                "phase_counts": selectors.phase_counts(networks=overview.networks),
                "moved_with_open": selectors.moved_on_with_open_questions(
                    networks=overview.networks
                ),
                # What the region keeps itself: links to the pages of the apps that own it.
                "regions": list(region_selectors.regions_coordinated_by(user_id=request.user.pk)),
            },
        )

    # What the region's networks do bumps the region's scope.
    scopes = [pagecache.region(pk) for pk in coordinator_region_ids(request.user)]
    return pagecache.cached(request, scopes, page)


# --- The region's facilitators' network --------------------------------------------------------


@login_required
def facilitators_network_create(request: "AuthenticatedHttpRequest") -> HttpResponse:
    """A coordinator starts the facilitators' network of one of their regions."""
    if not request.user.has_perm("networks.create_network"):
        raise PermissionDenied
    open_regions = selectors.regions_without_facilitators_network(
        region_ids=coordinator_region_ids(request.user)
    )
    if not open_regions:
        messages.info(request, _("Each of your regions has its facilitators' network already."))
        return redirect("networks:coordination")
    form = FacilitatorsNetworkForm(
        request.POST or None,
        districts=region_selectors.districts_of_regions(region_ids=open_regions),
        initial={"name": _("Facilitators' network")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            network = services.facilitators_network_create(
                created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The facilitators' network has been started. Now invite the facilitators."),
            )
            return redirect("networks:facilitators_invite", slug=network.slug)
    return render(request, "networks/facilitators_create.html", {"form": form})


@login_required
def facilitators_invite(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    """Invite all the region's facilitators who are not yet members: the list, then a POST."""
    network = network_for(request, slug, "networks.invite_region_facilitators")
    if request.method == "POST":
        invited = services.facilitators_invite(network=network, invited_by=request.user)
        messages.success(
            request,
            ngettext(
                "We invited %(count)d facilitator.",
                "We invited %(count)d facilitators.",
                invited,
            )
            % {"count": invited},
        )
        return redirect("networks:members", slug=network.slug)
    waiting = selectors.invited_emails(network=network)
    facilitators = list(selectors.facilitators_not_yet_members(network=network))
    return render(
        request,
        "networks/facilitators_invite.html",
        {
            "network": network,
            "to_invite": [f for f in facilitators if f.email not in waiting],
            "invited": [f for f in facilitators if f.email in waiting],
        },
    )
