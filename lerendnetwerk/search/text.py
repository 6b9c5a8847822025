"""Words as the search compares them, in Python: folded (lower case, without diacritics) and,
for SQLite, stemmed with the Snowball Dutch stemmer. PostgreSQL stems with its own Dutch
dictionary (`selectors.py`); both sides of a comparison are always stemmed by the same one."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# PostgreSQL's `dutch` configuration leaves these out of both the text and the query (its
# dutch.stop, the Snowball project's Dutch stop words); SQLite's equivalent does the same.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
    om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere""".split()  # noqa: SIM905 (PostgreSQL's file, as it reads)
)
# Letters and digits; an underscore or a hyphen separates words, as in PostgreSQL's parser.
WORD = re.compile(r"[^\W_]+")
# A word the visitor does not want: "-ouders" (PostgreSQL's websearch syntax).
_TERM = re.compile(r"(?<![^\W_])(-?)([^\W_]+)")
_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without diacritics: "Crèche" -> "creche"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """The folded words of `text`, stop words left out."""
    return [word for word in WORD.findall(fold(text)) if word not in STOP_WORDS]


@lru_cache(maxsize=4_096)
def stems_padded(text: str | None) -> str:
    """The stems of `text` between spaces (" netwerk ouder "), so that `LIKE '% netwerk %'`
    finds a whole stem: SQLite's function `ln_stems`."""
    if not text:
        return " "
    return " " + " ".join(stem(word) for word in words(text)) + " "


@dataclass(frozen=True)
class Terms:
    """A query as SQLite's equivalent reads it: every wanted stem must occur, no unwanted one."""

    wanted: tuple[str, ...]
    unwanted: tuple[str, ...]


def terms(query: str) -> Terms:
    wanted: list[str] = []
    unwanted: list[str] = []
    for minus, word in _TERM.findall(fold(query)):
        if word in STOP_WORDS or word == "or":  # "or" is PostgreSQL's websearch keyword
            continue
        target = unwanted if minus else wanted
        if stem(word) not in target:
            target.append(stem(word))
    return Terms(tuple(wanted), tuple(unwanted))


def has_word(query: str, minimum: int = 2) -> bool:
    """Whether the query holds a word of at least `minimum` letters or digits."""
    return any(len(word) >= minimum for word in WORD.findall(query))
