"""Marking the words that matched: every word of the text whose stem is one the visitor looked
for, in <mark>; everything else escaped."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .. import text

register = template.Library()


@register.filter
def highlight(value: str, query: str) -> SafeString:
    wanted = set(text.terms(query).wanted)
    parts: list[str] = []
    end = 0
    for match in text.WORD.finditer(value):
        parts.append(escape(value[end : match.start()]))
        word, folded = match.group(), text.fold(match.group())
        if folded not in text.STOP_WORDS and text.stem(folded) in wanted:
            parts.append(format_html("<mark>{}</mark>", word))
        else:
            parts.append(escape(word))
        end = match.end()
    parts.append(escape(value[end:]))
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)
