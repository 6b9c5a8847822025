"""The one table of what happens to a person's data: per field that points at a person (or holds
a name, an e-mail or an IP address), whether it is in their export and what erasure does.

`tests/test_policy.py` walks every model in the app registry and fails when such a field is not
declared here, so no new model holding personal data ships without a decision. The processing
register (`docs/processing-register.md`) explains the purposes and retention periods.
"""

from dataclasses import dataclass
from enum import StrEnum


class Erase(StrEnum):
    # The rows go: content that is the person's own (the diary, their goals, their memberships).
    DELETE = "delete"
    # The row stays without a person (the column becomes empty): authorship of what the group
    # made together (ideas, proposals, notes, agenda items, phase moves); pages show no name.
    UNLINK = "unlink"
    # The row moves to a "former participant" account, because the column needs a person and
    # the row is counted: meeting answers and attendance, feasibility marks on ideas.
    PLACEHOLDER = "placeholder"
    # No link to an account: removed after a period by `purge_personal_data`.
    RETENTION = "retention"
    # Not about a person (the name of a place, a group, a queue).
    NOT_PERSONAL = "not personal"


@dataclass(frozen=True)
class Rule:
    erase: Erase
    export: bool
    why: str
    # Fields never shown in an export: secrets (a feed's token, a password hash).
    hidden: tuple[str, ...] = ()


def _own(why: str, hidden: tuple[str, ...] = ()) -> Rule:
    return Rule(Erase.DELETE, export=True, why=why, hidden=hidden)


def _authored(why: str) -> Rule:
    return Rule(Erase.UNLINK, export=True, why=why)


def _counted(why: str) -> Rule:
    return Rule(Erase.PLACEHOLDER, export=True, why=why)


def _not_personal(why: str) -> Rule:
    return Rule(Erase.NOT_PERSONAL, export=False, why=why)


def _retention(why: str) -> Rule:
    return Rule(Erase.RETENTION, export=False, why=why)


USER_HIDDEN = ("password", "erasure_requested_at")

# "<app label>.<Model>.<field>" -> rule. Through tables of many-to-many fields are models too
# (`meetings.Meeting_preparers`).
POLICY: dict[str, Rule] = {
    # --- The person themselves
    "accounts.User.email": _own("the login and where e-mail goes", USER_HIDDEN),
    "accounts.User.name": _own("shown to the networks' members", USER_HIDDEN),
    "accounts.User.show_email_publicly": _own("the person's own choice", USER_HIDDEN),
    "accounts.User_coordinator_of.user": _own("regions the person coordinates"),
    "accounts.User_groups.user": _own("admin-site rights"),
    "accounts.User_user_permissions.user": _own("admin-site rights"),
    "accounts.Invitation.user": _own("invitations the person received"),
    "accounts.Invitation.invited_by": _authored("invitations the person sent"),
    "accounts.RoleInvitation.user": _own("roles offered to the person"),
    "accounts.RoleInvitation.invited_by": _authored("roles the person offered to others"),
    "admin.LogEntry.user": _own("what the person changed in the admin site"),
    # The secret never leaves the platform, not even in the person's own export.
    "otp_totp.TOTPDevice.user": _own("the person's authenticator app", ("key",)),
    "otp_totp.TOTPDevice.name": _not_personal("the label of an authenticator app"),
    # Staff access to personal data stays accountable after the account goes: the link is
    # emptied, the copied address is purged after RETENTION_AUDIT_DAYS.
    "core.AuditEntry.user": _authored("what the person, as staff, opened in the admin site"),
    "core.AuditEntry.email": _retention("who opened personal data in the admin site"),
    # --- Notifications
    "notifications.Notification.user": _own(
        "what the platform told the person and when they read it (old read ones are purged)"
    ),
    "notifications.NotificationPreference.user": _own("how the person gets notifications"),
    "notifications.Notification.url_name": _not_personal("the name of the page it links to"),
    "notifications.Notification.emailed_at": _not_personal("when it was e-mailed, no address"),
    # --- Networks
    "networks.Network.created_by": _authored("networks the person started"),
    "networks.Membership.user": _own("the networks the person was in, with their role"),
    "networks.PhaseTransition.moved_by": _authored("phase moves the person made"),
    "networks.Prerequisite.recorded_by": _authored("prerequisites the person recorded"),
    # Addressed by e-mail, not to an account: kept until answered or expired, then purged.
    "networks.MembershipInvitation.email": _retention("an invitation to an existing account"),
    "networks.MembershipInvitation.invited_by": _authored("invitations the person sent"),
    "networks.ManagerCommitment.manager": _own(
        "a manager's commitment to a network per cycle: role, time, budget, note, confirmation"
    ),
    "networks.ManagerCommitment.proposed_by": _authored("commitments the person proposed"),
    "networks.ManagerCommitment.confirmed_by": _authored("commitments the person confirmed"),
    "networks.ManagerReminder.manager": _own("when the manager was last reminded, and of how much"),
    # --- Meetings
    "meetings.Meeting.created_by": _authored("meetings the person planned"),
    "meetings.Meeting_preparers.user": _own("meetings the person helped prepare"),
    "meetings.AgendaItem.lead_user": _authored("agenda items the person led"),
    "meetings.Rsvp.user": _counted("answers and attendance: the network's figures count them"),
    "meetings.CalendarFeed.user": _own(
        "that a calendar feed exists (never its secret)", ("token",)
    ),
    # --- Themes
    "themes.ThemeProposal.proposed_by": _authored("themes the person proposed"),
    "themes.Theme.adopted_by": _authored("themes the person adopted"),
    "themes.Idea.author": _authored("ideas on the idea wall"),
    "themes.IdeaMark.member": _counted("feasibility marks: the idea wall counts them"),
    "themes.IdeaComment.author": _authored("comments on ideas"),
    "themes.DotVote.opened_by": _authored("dot votes the person opened"),
    "themes.DotVoteSticker.member": _authored("stickers: the vote's counts stay"),
    "themes.LearningGoal.owner": _own("the person's own learning goals"),
    "themes.LearningGoal.updated_by": _authored("shared goals the person edited"),
    "themes.LearningGoalComment.author": _authored("comments on learning goals"),
    "themes.PersonalChallenge.member": _own("the person's personal challenges"),
    "themes.LearningQuestion.proposed_by": _authored("learning questions the person proposed"),
    "themes.Agreement.published_by": _authored("contract versions the person published"),
    "themes.AgreementSuggestion.author": _authored("suggestions for the contract"),
    "themes.AgreementAcknowledgement.member": _own("that the person agreed to a contract"),
    # --- Netwerkbarometer: only that the person took part; answers carry no person at all.
    "barometer.BarometerRound.opened_by": _authored("rounds the person opened"),
    # Moved, not deleted: whether a round's results show depends on how many took part, and a
    # closed round's results must not disappear when one of them leaves.
    "barometer.Participation.user": _counted("that the person answered a round (never what)"),
    # --- Groups
    "groups.Buddy_members.user": _own("buddy pairs"),
    "groups.GroupRotation.created_by": _authored("group rotations the person planned"),
    "groups.RotationGroup_members.user": _own("the small groups the person was in"),
    # A pairing is about both people: it goes when either of them is erased.
    "groups.Mentorship.mentor": _own("the new facilitators the person mentors or mentored"),
    "groups.Mentorship.mentee": _own("the person's mentor, with the coordinator's note"),
    "groups.Mentorship.paired_by": _authored("pairings the coordinator made"),
    # A case is personal: it is its owner's own text, read only by the consultation's
    # participants; it goes with its owner, the consultation stays for the others.
    "groups.ConsultationCase.owner": _own("cases the person brought to a peer consultation"),
    "groups.ConsultationParticipant.user": _own(
        "the peer consultations the person took part in, with what they took away (theirs alone)"
    ),
    "groups.PeerConsultation.planned_by": _authored("peer consultations the person planned"),
    "groups.PeerConsultation.summary_by": _authored(
        "shared summaries of peer consultations the person last changed"
    ),
    # --- Evaluation
    "evaluation.MeetingEvaluation.author": _own(
        "the person's evaluations of meetings (results show them only from three on)"
    ),
    "evaluation.EvaluationRequest.sent_by": _authored("requests to evaluate the person sent"),
    "evaluation.CriticalReflection.opened_by": _authored("critical reflections the person opened"),
    "evaluation.CriticalReflection.updated_by": _authored(
        "critical reflections the person recorded"
    ),
    "evaluation.CycleEvaluation.updated_by": _authored("goal outcomes the person recorded"),
    "evaluation.LookAhead.member": _own("the person's look-ahead for the next cycle"),
    "evaluation.LearningGain.author": _own("the person's learning gains"),
    # --- Diary
    "journal.JournalEntry.author": _own("the learning diary"),
    # --- Results and good practice: the network's product stays when its author goes.
    # The storage's random file name means nothing to the person: the export names the result.
    "showcases.Showcase.uploaded_by": Rule(
        Erase.UNLINK, export=True, why="results the person added to a network", hidden=("file",)
    ),
    "showcases.Showcase.consent_confirmed_by": _authored(
        "that the person confirmed the consent of the people shown (the date stays)"
    ),
    "showcases.Showcase.published_by": _authored("results the person published"),
    "showcases.Showcase.original_filename": _not_personal("an uploaded file's name, as given"),
    # --- Resource library: the region's library keeps what was added, without the person.
    "resources.Resource.suggested_by": Rule(
        Erase.UNLINK,
        export=True,
        why="resources the person added to or suggested for a library",
        hidden=("file", "captions"),
    ),
    "resources.Resource.reviewed_by": _authored("resources the person published or turned down"),
    "resources.Resource.original_filename": _not_personal("an uploaded file's name, as given"),
    # --- Knowledge exchange
    "knowledge.KnowledgeOffer.created_by": _authored("knowledge offers the person added"),
    "knowledge.KnowledgeOffer.updated_by": _authored("knowledge offers the person last changed"),
    "knowledge.ExpertProfile.user": _own(
        "the expert's profile: institute, focus areas, regions, availability, how to ask, public"
    ),
    # The requests are about the expert: they go with her; the agenda item she accepted stays
    # without her name (AgendaItem.expert), like an item a member led.
    "knowledge.ExpertRequest.expert": _own("requests to the expert, with her answers and notes"),
    "knowledge.ExpertRequest.requested_by": _authored("requests the person sent to experts"),
    "meetings.AgendaItem.expert": _authored("agenda items the person led as an expert"),
    # --- Signals
    "signals.Signal.acknowledged_by": _authored("signals the person acknowledged"),
    "signals.DigestPreference.user": _own("the coordinator's digest setting"),
    # --- Transfer and anchoring: the organisation's shared work stays, without the person
    "transfer.TransferPlan.updated_by": _authored("transfer plans the person last changed"),
    "transfer.RelayStep.given_by_member": _authored("relay steps the person handed on"),
    "transfer.AnchoringAgreement.proposed_by": _authored(
        "anchoring agreements the person proposed"
    ),
    "transfer.AnchoringAgreement.answered_by": _authored(
        "anchoring agreements the manager answered"
    ),
    # --- Names of things, not of people
    "auth.Permission.name": _not_personal("a permission"),
    "auth.Permission.codename": _not_personal("a permission"),
    "auth.Group.name": _not_personal("a group of permissions"),
    "regions.Region.name": _not_personal("a municipality"),
    "regions.District.name": _not_personal("a district"),
    "regions.Organisation.name": _not_personal("an organisation"),
    "networks.Network.name": _not_personal("a network"),
    "groups.GroupRotation.name": _not_personal("a rotation's title"),
    "django_tasks_database.DBTaskResult.queue_name": _not_personal("a queue"),
    "django_tasks_database.DBTaskResult.backend_name": _not_personal("a task backend"),
    # Free text the facilitator types; the person it names may have no account.
    "networks.Prerequisite.expert_name": _not_personal("the network's expert, as typed"),
    "meetings.AgendaItem.lead_name": _not_personal("an outside lead, as typed"),
    # An offer's contact person works at the organisation and often has no account: the name
    # and address are typed by its managers, shown only as they chose, and changed or removed
    # by them (or go with the offer).
    "knowledge.KnowledgeOffer.contact_name": _not_personal("an offer's contact person, as typed"),
    "knowledge.KnowledgeOffer.contact_email": _not_personal(
        "an offer's contact address, as typed; public only if the contact person agreed"
    ),
    "knowledge.KnowledgeOffer.show_contact_email": _not_personal(
        "whether the contact person agreed to show the address"
    ),
    # Colleagues in the relay have no account: their names are typed by the network, shown only
    # to its members (never to managers or in reports) and go with the plan's organisation or
    # network; a member replaces a name on request by changing the step.
    "transfer.RelayStep.given_by_name": _not_personal("a colleague in the relay, as typed"),
    "transfer.RelayStep.received_by_name": _not_personal("a colleague in the relay, as typed"),
    # --- No link to an account, removed after a period by `purge_personal_data` (`services.py`)
    "axes.AccessAttempt.ip_address": _retention("failed logins, against guessing passwords"),
    "axes.AccessAttempt.username": _retention("failed logins, against guessing passwords"),
    "axes.AccessLog.ip_address": _retention("logins, to trace misuse"),
    "axes.AccessLog.username": _retention("logins, to trace misuse"),
    "axes.AccessFailureLog.ip_address": _retention("failed logins, to trace misuse"),
    "axes.AccessFailureLog.username": _retention("failed logins, to trace misuse"),
    # Queued e-mail (addresses, bodies, links) until it is sent, then its result.
    "django_tasks_database.DBTaskResult.args_kwargs": _retention("e-mail waiting to be sent"),
    "sessions.Session.session_data": _retention("who is logged in"),
}


def rules_for(model_label: str) -> dict[str, Rule]:
    """The declared fields of one model and their rules."""
    prefix = f"{model_label}."
    return {
        key.removeprefix(prefix): rule for key, rule in POLICY.items() if key.startswith(prefix)
    }
