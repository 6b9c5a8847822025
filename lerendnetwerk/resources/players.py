"""Films on YouTube and Vimeo: never loaded before the visitor agrees.

A film's page shows its title, description and a plain link. Only after the visitor presses the
button (a form that works without JavaScript; the choice is kept in the session for the rest of
the visit) does the page embed the platform's privacy-enhanced player: youtube-nocookie.com, or
Vimeo with `dnt=1`. That page alone allows those two hosts as frames in its Content Security
Policy (`frame_policy`); every other page keeps the site's policy, which allows no third party.
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.csp import CSP

YOUTUBE, VIMEO = "youtube", "vimeo"
FRAME_HOSTS = {YOUTUBE: "https://www.youtube-nocookie.com", VIMEO: "https://player.vimeo.com"}
NAMES = {YOUTUBE: "YouTube", VIMEO: "Vimeo"}
SESSION_KEY = "resources_player_consent"

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com"}


@dataclass(frozen=True)
class Player:
    provider: str  # YOUTUBE or VIMEO
    embed_url: str

    @property
    def name(self) -> str:
        return NAMES[self.provider]


def player_for(url: str) -> Player | None:
    """The privacy-enhanced player for a YouTube or Vimeo address; None for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    video_id = ""
    if host in _YOUTUBE_HOSTS:
        if segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
            video_id = segments[1]
        if _YOUTUBE_ID.match(video_id):
            return Player(YOUTUBE, f"{FRAME_HOSTS[YOUTUBE]}/embed/{video_id}")
    elif host == "youtu.be" and len(segments) == 1 and _YOUTUBE_ID.match(segments[0]):
        return Player(YOUTUBE, f"{FRAME_HOSTS[YOUTUBE]}/embed/{segments[0]}")
    elif host == "vimeo.com" and segments and _VIMEO_ID.match(segments[-1]):
        return Player(VIMEO, f"{FRAME_HOSTS[VIMEO]}/video/{segments[-1]}?dnt=1")
    elif (
        host == "player.vimeo.com"
        and len(segments) == 2
        and segments[0] == "video"
        and _VIMEO_ID.match(segments[1])
    ):
        return Player(VIMEO, f"{FRAME_HOSTS[VIMEO]}/video/{segments[1]}?dnt=1")
    return None


def consented(request: HttpRequest, provider: str) -> bool:
    return provider in request.session.get(SESSION_KEY, [])


def consent_give(request: HttpRequest, provider: str) -> None:
    given = set(request.session.get(SESSION_KEY, []))
    given.add(provider)
    request.session[SESSION_KEY] = sorted(given)


def consent_withdraw(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def frame_policy(player: Player) -> dict[str, Any]:
    """The site's policy with this one player's host allowed as a frame."""
    return {**settings.SECURE_CSP, "frame-src": [CSP.SELF, FRAME_HOSTS[player.provider]]}
