"""The facilitator plans a meeting and its agenda; one participant accepts on the site, the other
declines through the link in the invitation e-mail without logging in; after the meeting the
facilitator records attendance and notes (issue 3)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, main_menu, path_of, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Samen kijken naar de overdracht"
ADDRESS = "Wijkcentrum De Boog, Zamenhofdreef 9, Utrecht"


def submit(page: Page, form: str = "main form[method=post]") -> None:
    follow(page, page.locator(form).locator("button[type=submit]"))


def test_facilitator_plans_a_meeting_members_answer_and_attendance_is_recorded(
    page, fresh_page, live_server, settings, network, facilitator, participant, district
):
    assert_catalogue_loaded()
    # The answer links in the e-mails point at the site; here the site is the live server.
    settings.SITE_URL = live_server.url
    network.current_cycle.phase = "exploration"
    network.current_cycle.save()
    decliner = add_member(
        network,
        UserFactory.create(
            name="Sanne Schooljuf",
            organisation=OrganisationFactory.create(district=district, kind="primary_school"),
        ),
    )
    entries = list(
        Entry.objects.filter(
            kind__in=[Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT], topic__stage="exploration"
        ).order_by("topic__order", "order")[:3]
    )
    assert len(entries) == 3, "the catalogue has too few work forms for Exploration"
    day = timezone.localdate() + timedelta(days=10)
    base = f"/netwerken/{network.slug}/"

    # The facilitator goes to the network's meetings, through the network's menu.
    log_in(page, facilitator.email)
    follow(page, page.locator(f"main a[href='{base}']"))
    follow(page, page.locator(f"main nav a[href='{base}bijeenkomsten/']"))
    expect(page).to_have_url(re.compile(re.escape(base) + "bijeenkomsten/$"))
    follow(page, page.locator(f"main a[href='{base}bijeenkomsten/nieuw/']"))

    # First the end before the start: refused, and what was typed stays.
    form = page.locator("main form[method=post]")
    form.locator("input[name=title]").fill(TITLE)
    form.locator("input[name=date]").fill(day.isoformat())
    form.locator("input[name=start_time]").fill("15:30")
    form.locator("input[name=end_time]").fill("15:00")
    form.locator("input[name=address]").fill(ADDRESS)
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "bijeenkomsten/nieuw/$"))
    end = page.locator("input[name=end_time]")
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{end.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"end after|eindtijd", re.IGNORECASE)
    )
    expect(page.locator("input[name=title]")).to_have_value(TITLE)
    expect(page.locator("input[name=date]")).to_have_value(day.isoformat())
    expect(page.locator("input[name=start_time]")).to_have_value("15:30")
    expect(end).to_have_value("15:00")
    expect(page.locator("input[name=address]")).to_have_value(ADDRESS)
    assert not Meeting.objects.exists()
    assert not mail.outbox

    # Now a proper end time: the meeting is planned and the facilitator lands on the agenda.
    end.fill("17:00")
    submit(page)
    expect(page).to_have_url(re.compile(r"/bijeenkomsten/\d+/agenda/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    meeting = Meeting.objects.get()
    assert (meeting.title, meeting.address, meeting.phase) == (TITLE, ADDRESS, "exploration")
    assert meeting.duration_minutes == 90
    assert timezone.localtime(meeting.starts_at).date() == day
    assert sorted(r.user_id for r in meeting.rsvps.all()) == sorted(
        [facilitator.pk, participant.pk, decliner.pk]
    )
    expect(page.locator("main time").first).to_have_attribute(
        "datetime", re.compile(rf"^{day.isoformat()}T15:30")
    )
    agenda_url = page.url

    # Three work forms from the Handbook, each led by someone else.
    items = page.locator("main ol.utrecht-ordered-list > li")
    expect(items).to_have_count(0)
    plan = [
        (entries[0], 20, "facilitator"),
        (entries[1], 30, "member"),
        (entries[2], 25, "expert"),
    ]
    for number, (entry, minutes, lead) in enumerate(plan, start=1):
        add = page.locator("main form[method=post]:has(select[name=entry])")
        add.locator("select[name=entry]").select_option(value=str(entry.pk))
        add.locator("input[name=duration_minutes]").fill(str(minutes))
        add.locator(f"input[name=lead][value={lead}]").check()
        if lead == "member":
            add.locator("select[name=lead_user]").select_option(value=str(participant.pk))
        if lead == "expert":
            add.locator("input[name=lead_name]").fill("Eva Expert")
        submit(page, "main form[method=post]:has(select[name=entry])")
        expect(page).to_have_url(agenda_url)
        expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
        expect(items).to_have_count(number)
        expect(items.nth(number - 1)).to_contain_text(entry.title)
        expect(items.nth(number - 1)).to_contain_text(str(minutes))
    expect(items.nth(1)).to_contain_text(participant.name)
    expect(items.nth(2)).to_contain_text("Eva Expert")
    # 20 + 30 + 25 = 75 of the meeting's 90 minutes.
    expect(page.locator("main p", has=page.locator("time"))).to_contain_text(
        re.compile(r"\b75\b\D+\b90\b")
    )
    expect(page.locator("main .utrecht-alert--warning")).to_have_count(0)
    assert list(meeting.agenda_items.values_list("entry_id", "duration_minutes", "lead")) == [
        (entry.pk, minutes, lead) for entry, minutes, lead in plan
    ]
    assert AgendaItem.objects.get(meeting=meeting, lead="member").lead_user == participant

    # Reorder with the short buttons; each one's name goes on with the item's title (WCAG 2.5.3).
    first_title = entries[0].title

    def button(word: str) -> re.Pattern[str]:
        return re.compile(rf"^{word}\W+{re.escape(first_title)}$")

    follow(page, items.nth(0).get_by_role("button", name=button("Omlaag")))
    expect(page).to_have_url(agenda_url)
    expect(items.nth(1)).to_contain_text(first_title)
    follow(page, items.nth(1).get_by_role("button", name=button("Omhoog")))
    expect(items.nth(0)).to_contain_text(first_title)
    expect(items.nth(0).get_by_role("button", name=re.compile("^Omhoog"))).to_have_count(0)

    # Nobody has been e-mailed yet: the facilitator sends the invitations once the agenda is
    # ready, from the meeting page. Everyone invited gets one: facilitator and both participants.
    assert not mail.outbox
    meeting_path = f"/bijeenkomsten/{meeting.pk}/"
    visit(page, meeting_path)
    follow(page, page.locator("main form button", has_text="Uitnodigingen versturen"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(page.locator("#invitations-heading + p")).to_contain_text("verstuurd op")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [facilitator.email, participant.email, decliner.email]
    )

    # Daan logs in and accepts on the meeting page.
    daan = fresh_page()
    log_in(daan, participant.email)
    visit(daan, meeting_path)
    answer = daan.locator(f"main form[action='{meeting_path}antwoord/']")
    answer.locator("input[name=answer][value=accepted]").check()
    submit(daan, f"main form[action='{meeting_path}antwoord/']")
    expect(daan).to_have_url(re.compile(re.escape(meeting_path) + "$"))
    expect(daan.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(daan.locator("main section.ln-card strong")).to_have_text(
        re.compile(r"Coming|Aangemeld")
    )
    expect(daan.locator("main input[name=answer][value=accepted]")).to_be_checked()
    # A participant does not see the list of answers.
    expect(daan.locator("#rsvps-heading")).to_have_count(0)
    assert Rsvp.objects.get(meeting=meeting, user=participant).answer == "accepted"

    # Sanne declines through the link in her invitation, without logging in.
    [invitation] = [m for m in mail.outbox if m.to == [decliner.email]]
    links = re.findall(r"https?://\S+/bijeenkomsten/antwoord/[^\s/]+/", str(invitation.body))
    assert links, f"no answer link in the e-mail:\n{invitation.body}"
    link = links[0]
    assert link.startswith(live_server.url)
    sanne = fresh_page()
    visit(sanne, link)
    expect(sanne.locator("main h1")).to_have_text(TITLE)
    expect(main_menu(sanne).locator("a[href='/account/inloggen/']")).to_be_visible()
    reason = "Ouderavond op mijn school die middag."
    sanne.locator("main input[name=answer][value=declined]").check()
    sanne.locator("main input[name=reason]").fill(reason)
    submit(sanne, "main form[method=post]:has(input[name=answer])")
    expect(sanne).to_have_url(link)
    expect(sanne.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(sanne.locator("main")).to_contain_text(re.compile(r"Declined|Afgezegd"))
    expect(sanne.locator("main input[name=answer][value=declined]")).to_be_checked()
    expect(sanne.locator("main input[name=reason]")).to_have_value(reason)
    declined = Rsvp.objects.get(meeting=meeting, user=decliner)
    assert (declined.answer, declined.reason) == ("declined", reason)

    # The meeting has taken place.
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1, minutes=30)
    )

    # The facilitator records attendance: Daan, who accepted, is already ticked.
    visit(page, meeting_path)
    follow(page, page.locator(f"main a[href='{meeting_path}aanwezigheid/']"))
    expect(page).to_have_url(re.compile(re.escape(meeting_path) + "aanwezigheid/$"))
    present = page.locator("main input[name=present]")
    expect(present).to_have_count(3)
    expect(page.locator(f"main input[name=present][value='{participant.pk}']")).to_be_checked()
    expect(page.locator(f"main input[name=present][value='{decliner.pk}']")).not_to_be_checked()
    expect(page.locator(f"main input[name=present][value='{facilitator.pk}']")).not_to_be_checked()
    page.locator(f"main input[name=present][value='{facilitator.pk}']").check()
    notes = {
        "notes_done": "We bekeken samen drie overdrachtsformulieren.",
        "notes_agreements": "Iedereen neemt volgende keer een eigen formulier mee.",
        "notes_next": "Een werkbezoek bij de peuterspeelzaal.",
    }
    for name, text in notes.items():
        page.locator(f"main textarea[name={name}]").fill(text)
    submit(page)

    # The meeting page shows the notes, the decline reason and who was there.
    expect(page).to_have_url(re.compile(re.escape(meeting_path) + "$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    notes_section = page.locator("main section[aria-labelledby=notes-heading]")
    for text in notes.values():
        expect(notes_section).to_contain_text(text)
    answers = page.locator("main section[aria-labelledby=rsvps-heading] tbody tr")
    expect(answers).to_have_count(3)
    sanne_row = answers.filter(has_text=decliner.name)
    expect(sanne_row).to_contain_text(reason)
    expect(sanne_row).to_contain_text(re.compile(r"Declined|Afgezegd"))
    expect(sanne_row.locator("td").nth(3)).to_have_text(re.compile(r"^\s*(no|nee)\s*$"))
    expect(answers.filter(has_text=participant.name).locator("td").nth(3)).to_have_text(
        re.compile(r"^\s*(yes|ja)\s*$")
    )
    meeting.refresh_from_db()
    assert meeting.attendance_recorded_at is not None
    assert meeting.notes_done == notes["notes_done"]
    assert {r.user_id: r.attended for r in meeting.rsvps.all()} == {
        facilitator.pk: True,
        participant.pk: True,
        decliner.pk: False,
    }

    # The network's meetings page counts the answers and the attendance.
    visit(page, f"{base}bijeenkomsten/")
    row = page.locator("main section[aria-labelledby=earlier-heading] tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(3)).to_have_text(re.compile(r"1\s*/\s*3"))
    expect(row.locator("td").nth(5)).to_have_text(re.compile(r"2\s*/\s*3"))
    assert path_of(page) == f"{base}bijeenkomsten/"
