"""The words of a search: case folding, numbers as the screen writes them, one typo forgiven.

Used by tui.search on both sides, the query and the indexed texts, so that "90 000", "90,000",
"90000" and "90 тысяч" all become "90000". No Textual or Rich import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Query words this long or longer forgive one typo (a wrong, missing, extra or swapped letter).
TYPO_MIN_LENGTH = 5

# Digits grouped by thousands with a space (any kind), a comma or a point: "90 000", "2,000,000".
# One separator throughout, so that "1 234,5" keeps its decimal comma.
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}([ \u00a0\u202f,])\d{3}(?:\1\d{3})*(?![\d])")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_SCALED = re.compile(
    r"(\d+(?:\.\d+)?)[ \u00a0\u202f]?"
    r"(тыс(?:яч[аи]?|\.)?|thousands?|млн\.?|миллион(?:а|ов)?|millions?"
    r"|млрд\.?|миллиард(?:а|ов)?|billions?)(?!\w)"
)
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Casefolded `text` of the same length, so offsets in it are offsets in `text`.

    Full case folding turns a few characters into two ("ß" → "ss"); those keep only the first.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        folded = "".join(char.casefold()[0] for char in text)
    return folded.replace("\n", " ")


def _scale_of(word: str) -> int:
    if word.startswith(("млрд", "миллиард", "billion")):
        return 1_000_000_000
    if word.startswith(("млн", "миллион", "million")):
        return 1_000_000
    return 1_000  # тыс., тысяч, thousand


def _scaled(match: re.Match[str]) -> str:
    value = float(match[1]) * _scale_of(match[2])
    return str(int(value)) if value.is_integer() else repr(value)


def normalise_numbers(folded: str) -> str:
    """Numbers in one plain form: "90 000" and "90,000" → "90000", "3,5" → "3.5", "2 млн" →
    "2000000", "75 тысяч" → "75000". Other text is left as it is."""
    if not any(char.isdigit() for char in folded):
        return folded
    text = _GROUPED.sub(lambda m: m[0].replace(m[1], ""), folded)
    text = _DECIMAL_COMMA.sub(".", text)
    return _SCALED.sub(_scaled, text)


def query_words(query: str) -> list[str]:
    """The words of a folded query, in order."""
    return _WORD.findall(query)


def forgiving(query: str) -> list[bool]:
    """Per word of the query: whether it forgives one typo."""
    return [len(word) >= TYPO_MIN_LENGTH and not word.isdigit() for word in query_words(query)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def near_prefixes(word: str, vocabulary: Iterable[str]) -> set[str]:
    """Prefixes of vocabulary words one typo away from `word`, keeping its first letter.

    One typo: a letter wrong, missing, extra or swapped with its neighbour ("technoprak" →
    "technopark", "мосспром" → "моспром"). Two strings are that close when deleting one letter
    from each (or from one of them) makes them equal.
    """
    size = len(word)
    first = word[0]
    own = _deletions(word)
    found: set[str] = set()
    for candidate in vocabulary:
        if candidate[0] != first or len(candidate) < size - 1:
            continue
        for length in (size - 1, size, size + 1):
            prefix = candidate[:length]
            if len(prefix) != length or prefix == word or prefix in found:
                continue
            if (
                (length == size - 1 and prefix in own)
                or (length == size + 1 and word in _deletions(prefix))
                or (length == size and not own.isdisjoint(_deletions(prefix)))
            ):
                found.add(prefix)
    return found


def typo_pattern(query: str, vocabulary: set[str]) -> re.Pattern[str] | None:
    """A pattern for `query` with each forgiving word allowed one typo; None when no word of
    the vocabulary is one typo away (then the pass has nothing to add)."""
    parts: list[str] = []
    position = 0
    widened = False
    for match, forgives in zip(_WORD.finditer(query), forgiving(query), strict=True):
        parts.append(re.escape(query[position : match.start()]))
        word = match[0]
        alternatives = near_prefixes(word, vocabulary) if forgives else set()
        if alternatives:
            widened = True
            choices = sorted(alternatives | {word}, key=lambda w: (-len(w), w))
            parts.append("(?:" + "|".join(map(re.escape, choices)) + ")")
        else:
            parts.append(re.escape(word))
        position = match.end()
    parts.append(re.escape(query[position:]))
    if not widened:
        return None
    return re.compile(r"(?<!\w)" + "".join(parts))


def vocabulary_of(folded: str) -> set[str]:
    """The distinct words of a folded text."""
    return set(_WORD.findall(folded))
