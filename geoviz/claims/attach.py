"""Choosing the two ends of each distance statement: its subject and its anchor.

The anchor is the place the distance is measured from ("... from
Vladivostok"); the subject is the place said to lie at that distance
("Vostochny Cosmodrome, ... 1,000 km from Vladivostok"). One function per
relation (:class:`geoviz.model.Relation`) reads them from the document's
place mentions in and around the statement's sentence. A whole country as one
end means its border: the result then names that country instead.

Nothing is measured here: :func:`attach` returns :class:`Ends`, with the
reason when an end cannot be told, and the caller measures and judges.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from geoviz.model import Document, Place, Relation, Statement
from geoviz.nlp.text import bounded_sentences

__all__ = ["DocumentIndex", "Ends", "IndexedMention", "MentionIndex", "attach"]


@dataclass(frozen=True, slots=True)
class IndexedMention:
    """One mention of a place, with the place it stands for.

    ``adjectival`` is true for a demonym ("Russian", ``Mention.form ==
    "demonym"``): it says what a thing belongs to, never where it is, so it
    is never a subject or an anchor. The recogniser decides the form (by the
    gazetteer's demonym table) and keeps it on the mention; reading it here,
    rather than guessing again from word endings, keeps the two stages in
    agreement (a guess by endings took the city "Nan'an" for a demonym and
    missed "American", "Thai" and "Cypriot").
    """

    start: int
    end: int
    text: str
    place: Place
    adjectival: bool


class MentionIndex:
    """Every place mention of a document sorted by offset, for range queries in O(log n + k) each.

    Claims ask "which mentions lie in this sentence?" once per statement and
    "in the previous sentence?" for subjects named earlier; a sorted list and
    bisection answers each in time logarithmic in the number of mentions plus
    the k it returns, so a long article with many statements stays linear.
    """

    def __init__(self, doc: Document) -> None:
        items = [
            IndexedMention(m.start, m.end, m.text, p, m.form == "demonym")
            for p in doc.places
            for m in p.mentions
        ]
        items.sort(key=lambda m: (m.start, m.end))
        self.items = items
        self.starts = [m.start for m in items]

    def within(self, lo: int, hi: int) -> list[IndexedMention]:
        """The mentions wholly inside [lo, hi), in text order."""
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out


class DocumentIndex:
    """A document as attaching reads it: its text, its place mentions by offset, its sentences.

    The sentences are :func:`geoviz.nlp.text.bounded_sentences`, the same
    spans the statements were found in. Built once per document.
    """

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.mentions = MentionIndex(doc)
        self.sentences = bounded_sentences(doc.text)
        self.starts = [s for s, _ in self.sentences]

    def previous_sentence(self, start: int) -> list[IndexedMention]:
        """The mentions of the sentence before the one starting at ``start``."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i <= 0:
            return []
        s, e = self.sentences[i - 1]
        return self.mentions.within(s, e)


@dataclass(slots=True)
class Ends:
    """What attaching found for one statement.

    ``subject`` and ``anchor`` are set as far as they were found, even when
    ``reason`` says the claim cannot be checked (the claim still shows them).
    ``border`` is the country whose border stands for the end named by
    ``border_role``. ``relation`` is the statement's, except that a "from A
    to ..." whose "to" names no place is a plain ``from``. ``anchor_text``
    replaces the statement's anchor phrase when the end is an unnamed border.
    """

    relation: Relation | None
    subject: IndexedMention | None = None
    anchor: IndexedMention | None = None
    border: IndexedMention | None = None
    border_role: str = "anchor"
    anchor_text: str | None = None
    reason: str | None = None

    def unresolved(self, reason: str) -> Ends:
        self.reason = reason
        return self


# What may precede a distance that opens its sentence ("Located some ...").
# Possessive and word-bounded, so a failed match never backtracks.
_OPENING_RE = re.compile(
    r"(?:\W|(?:located|lying|situated|sitting|some|about|around|roughly|approximately|just|only"
    r"|nearly|almost|barely|more|less|than|over|under|within|up|to|at|least|most|a|the)\b)*+",
    re.IGNORECASE,
)


def attach(st: Statement, doc: DocumentIndex) -> Ends:
    """The subject and anchor of ``st`` (or the border meant), or why they cannot be told."""
    # The statement's own words are never one of its ends.
    mentions = [
        m for m in doc.mentions.within(st.sentence_start, st.sentence_end) if m.end <= st.start or m.start >= st.end
    ]
    ends = Ends(st.relation)
    rel = st.relation
    if rel is None:
        return ends.unresolved("the distance is not stated relative to a place (no from/of/away/apart/between)")
    if rel == Relation.FROM_TO:
        _from_to(st, mentions, ends)
        if ends.reason is not None or ends.subject is not None:
            return _whole_countries(ends)
        rel = ends.relation  # "from A to attend ...": read as a plain "from"
    if rel in (Relation.APART, Relation.BETWEEN):
        _pair(st, mentions, ends)
    elif rel == Relation.AWAY:
        _away(st, doc, mentions, ends)
    elif rel == Relation.BORDER:
        return _border(st, doc, mentions, ends)
    else:  # from / of / off / outside / beyond / into / inside
        _anchored(st, doc, mentions, ends)
    return _whole_countries(ends)


def _usable(ms: list[IndexedMention], exclude_ids: set[str]) -> list[IndexedMention]:
    return [m for m in ms if not m.adjectival and m.place.id not in exclude_ids]


def _prefer_specific(cands: list[IndexedMention]) -> IndexedMention | None:
    """Nearest candidate, skipping countries when anything more specific is there."""
    for m in cands:
        if m.place.kind != "country":
            return m
    return cands[0] if cands else None


def _subject_for(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], exclude: set[str],
                 after: int) -> IndexedMention | None:
    """The place the sentence is about.

    Nearest place before the number (an apposition names it: "Vostochny
    Cosmodrome, a spaceport 1,000 km from Vladivostok"); else, when the
    sentence opens with the distance ("Some 1,000 km from Vladivostok lies
    ..."), the first place after the anchor; else the last place of the
    previous sentence ("The city lies ...").
    """
    before = _usable([m for m in mentions if m.end <= st.start], exclude)
    found = _prefer_specific(before[::-1])
    if found:
        return found
    opening = doc.text[st.sentence_start:st.start]
    if len(opening) <= 80 and _OPENING_RE.fullmatch(opening):
        later = _usable([m for m in mentions if m.start >= after], exclude)
        found = _prefer_specific(later)
        if found:
            return found
    prev = _usable(doc.previous_sentence(st.sentence_start), exclude)
    return _prefer_specific(prev[::-1])


def _pair_after(mentions: list[IndexedMention], pos: int) -> tuple[IndexedMention, IndexedMention] | None:
    """The first two different places from ``pos`` on ("between A and B")."""
    usable = [m for m in mentions if m.start >= pos and not m.adjectival]
    if not usable:
        return None
    first = usable[0]
    for m in usable[1:]:
        if m.place.id != first.place.id:
            return first, m
    return None


def _anchor_span(st: Statement) -> tuple[int, int]:
    """Where the anchor phrase runs; an empty span right after the figure when there is none."""
    lo = st.anchor_start if st.anchor_start is not None else st.end
    hi = st.anchor_end if st.anchor_end is not None else st.end
    return lo, hi


def _from_to(st: Statement, mentions: list[IndexedMention], ends: Ends) -> None:
    """ "a 600-mile journey from A to B": B is the subject, A the anchor."""
    if st.to_start is None or st.anchor_start is None:
        return  # read as the relation it names; nothing to choose here
    a = next((m for m in mentions if st.anchor_start <= m.start < st.to_start and not m.adjectival), None)
    b = next((m for m in mentions if st.to_start <= m.start < st.to_start + 40 and not m.adjectival), None)
    if a and b and a.place.id != b.place.id:
        ends.subject, ends.anchor = b, a
    elif st.anchor_start >= st.end:
        ends.relation = Relation.FROM  # "from A to attend ...": a plain "from"
    else:
        ends.unresolved("the route's start or end is not a place in the document")


def _pair(st: Statement, mentions: list[IndexedMention], ends: Ends) -> None:
    """ "between A and B" / "A and B are X km apart": the two places named, the later one the anchor."""
    pair = _pair_after(mentions, st.between_start) if st.between_start is not None else None
    if pair is None and st.relation == Relation.APART:
        before = _usable([m for m in mentions if m.end <= st.start], set())[::-1]
        distinct: list[IndexedMention] = []
        for m in before:
            if all(m.place.id != d.place.id for d in distinct):
                distinct.append(m)
        if len(distinct) >= 2:
            pair = (distinct[1], distinct[0])
        else:
            pair = _pair_after(mentions, st.end)
    if pair is None:
        ends.unresolved("fewer than two places found for the two ends of the distance")
        return
    ends.subject, ends.anchor = pair


def _away(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], ends: Ends) -> None:
    """ "A, X km away": A is the subject, measured from the place named before it."""
    subject = _subject_for(st, doc, mentions, set(), st.end)
    if subject is None:
        ends.unresolved("no place found for what is said to be away")
        return
    ends.subject = subject
    earlier = _usable([m for m in mentions if m.end <= subject.start], {subject.place.id})[::-1]
    ends.anchor = _prefer_specific(earlier) or _prefer_specific(
        _usable(doc.previous_sentence(st.sentence_start), {subject.place.id})[::-1]
    )
    if ends.anchor is None:
        ends.unresolved("no earlier place to measure the 'away' distance from")


def _border(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], ends: Ends) -> Ends:
    """ "X km from the (Ukrainian) border", "X km into Russia": the subject and the country whose border."""
    lo, hi = _anchor_span(st)
    # The anchor phrase names the border's country, never the subject.
    exclude = {m.place.id for m in mentions if lo <= m.start < hi + 20}
    subject = _subject_for(st, doc, mentions, exclude, hi)
    if st.relation_word in ("into", "inside"):
        # "30 km into Russia": only a country has a border to measure from.
        country = next((m for m in mentions if lo <= m.start < hi and m.place.kind == "country"), None)
        if country is None:
            return ends.unresolved(f"“{st.relation_word} {st.anchor_text}” names no country to measure in from")
    else:
        country = _border_country(st, mentions, subject)
    if country is not None:
        ends.border = country
    else:
        ends.anchor_text = st.anchor_text or "the border"
    if subject is None:
        return ends.unresolved("no place found for what is said to be near the border")
    ends.subject = subject
    if country is None:
        return ends.unresolved("the text does not say which country's border")
    return ends


def _border_country(st: Statement, mentions: list[IndexedMention],
                    subject: IndexedMention | None) -> IndexedMention | None:
    """Which country's border: one named in the anchor phrase ("the Ukrainian border",
    "the border with Ukraine"), else another country named in the sentence."""
    own = subject.place.country if subject else ""
    lo, hi = _anchor_span(st)
    in_phrase = [m for m in mentions if lo <= m.start < hi + 20 and m.place.country]
    pool = in_phrase or [m for m in mentions if m.place.kind == "country" and m.place.country]
    for m in pool:
        if m.place.country != own:
            return m
    # "Kharkiv, 30 km from the Ukrainian border" names the subject's own
    # country: still the border meant, so keep it when it is in the phrase.
    return in_phrase[0] if in_phrase else None


def _anchored(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], ends: Ends) -> None:
    """ "X km from / of / off / outside / beyond A": A in the anchor phrase, the subject around it."""
    lo, hi = _anchor_span(st)
    anchor = next((m for m in mentions if lo <= m.start < hi), None)
    if anchor is None:
        ends.unresolved(f"anchor “{st.anchor_text or ''}” is not a place in the document")
        return
    if anchor.adjectival:
        ends.unresolved(f"anchor “{st.anchor_text}” names no place, only the adjective “{anchor.text}”")
        return
    subject = _subject_for(st, doc, mentions, {anchor.place.id}, anchor.end)
    ends.anchor = anchor
    if subject is None:
        ends.unresolved("no place found for what is said to be at that distance")
        return
    ends.subject = subject


def _whole_countries(ends: Ends) -> Ends:
    """A whole country as one end: the distance meant is to its border."""
    if ends.reason is not None:
        return ends
    if ends.subject is None:  # every relation above sets it or gives a reason; kept as a guard
        return ends.unresolved("no subject place found")
    subject, anchor = ends.subject, ends.anchor
    if anchor is not None:
        if anchor.place.kind == "country" and subject.place.kind == "country":
            return ends.unresolved("both ends are countries: a distance between whole countries is not checkable")
        if anchor.place.kind == "country":
            ends.border, ends.border_role = anchor, "anchor"
        elif subject.place.kind == "country":
            ends.border, ends.border_role = subject, "subject"
    return ends
