"""A diary entry is its author's. Others read it only when the author shared it with them."""

from typing import Any

import rules

from .models import JournalEntry
from .selectors import entry_readable


@rules.predicate
def is_author(user: Any, entry: JournalEntry) -> bool:
    return entry is not None and getattr(user, "pk", None) == entry.author_id


@rules.predicate
def may_read(user: Any, entry: JournalEntry) -> bool:
    return entry is not None and entry_readable(user=user, entry=entry)


rules.add_perm("journal.view_entry", may_read)
rules.add_perm("journal.change_entry", is_author)
