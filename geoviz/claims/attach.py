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
from collections.abc import Callable
from dataclasses import dataclass, replace

from geoviz.geo.geodesy import distance_km
from geoviz.model import Document, Entry, Place, Relation, Statement
from geoviz.nlp.lexicon import alternation, words
from geoviz.nlp.names import fold
from geoviz.nlp.quantities import NUMBER_WORD, UNIT
from geoviz.nlp.text import bounded_sentences

__all__ = ["DocumentIndex", "Ends", "IndexedMention", "MentionIndex", "attach"]


#: Kinds of place that are areas or lines, not points: "58 miles west of Aberdeen" is never said of Scotland,
#: and a distance "from the Ohio River" is to its nearest bank, which a point cannot stand for. A country is
#: measured to its border instead (see :func:`_whole_countries`).
AREA_KINDS = frozenset({"admin1", "admin2", "region", "sea", "lake", "river"})
_CONTAINER_KINDS = frozenset({"country", "admin1", "admin2", "region"})

_CENTRES = words("claims_centre_phrases")
_CENTRE_RE = re.compile(rf"\b{alternation('claims_centre_phrases')}\b", re.IGNORECASE)
# "It", "the town", "this small village", "Its geographical position": the place the article is about.
_ANAPHOR_RE = re.compile(
    rf"\b(?:{alternation('claims_pronouns')}\b(?!\s+(?:is\s+)?(?:a|an)\s+\w+\s+of\b)"
    rf"|(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?{alternation('claims_place_nouns', plural=True)}\b)",
    re.IGNORECASE,
)
_ANAPHOR_BEFORE_RE = re.compile(
    rf"\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?{alternation('claims_place_nouns')}\s*,?\s*$", re.IGNORECASE
)
_CLAUSE_VERB_RE = re.compile(rf"\b{alternation('claims_clause_verbs')}\b", re.IGNORECASE)
# Between an appositive place and its figure: "Baytown, 13 miles", "Vostochny Cosmodrome, a Russian spaceport
# located approximately 1,000 km", "Inglewood 21 km", "Lexington, about 186 miles".
_APPOSITION_GAP_RE = re.compile(
    r"[ \t]*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:(?:an?|the)\s+[^,.;:()]{0,40}?\s+)?"
    r"(?:(?:located|situated|lying|sitting|which\s+is|is|lies|sits|just|only|exactly)\s+)*)?"
)
# An address chain: "Springfield, Illinois", "Athens, Ontario": a place, a comma, a place.
_CHAIN_GAP_RE = re.compile(r",\s*")
# A place named as the object of these is another statement's end, or a container, never an apposition's head.
_GOVERNED_RE = re.compile(r"\b(?:of|from|to|off|than|between|via|near|outside)\s+(?:the\s+)?$",
                          re.IGNORECASE)
_LOCATIVE_RE = re.compile(r"\b(?:in|of|near|within)\s+(?:the\s+)?$", re.IGNORECASE)
# A road said to lead somewhere ("I-10 leads west 35 miles to Houston"): it leads from the place described.
# Not "he drove 300 miles to Chicago": a trip starts wherever the traveller was, which the text must say.
_LEADS_RE = re.compile(r"\b(?:leads?|leading|runs?|running|heads?|continues)\b", re.IGNORECASE)
# A dateline: "CARTHAGE, N.C. (AP) -", "KABUL (Reuters) -".
_DATELINE_AFTER_RE = re.compile(r"[^\n]{0,40}?(?:\((?:AP|Reuters|AFP|UPI|CNN|Xinhua)\)|\s[-–—]{1,2}\s)")
# What may stand between the article's subject and its verb: "Braemar /breɪˈmɑːr/ is", "Dalia (Hebrew: ...) is",
# "Yanga Municipality is", "Lexington, a trading town, is".
_TOPIC_TAIL_RE = re.compile(
    r"(?:\s*/[^/\n]{1,60}/|\s*\([^()\n]{0,200}\)|\s+(?:or\s+)?[A-Z][\w'’-]*){0,4}\s*(?:,[^,.;]{1,60},\s*)?,?\s*"
)

# An opening sentence that defines a named thing: "Warburton is a town in ...", "The Town of Union is a ...".
# Only "is/was a ...": a news lead ("Firefighters are battling ...") names no subject the article is about.
_TOPIC_SENTENCE_RE = re.compile(
    r"\W*(?:The\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
    + _TOPIC_TAIL_RE.pattern + r"\s*(?:is|was)\s+(?:a|an|the|one)\b"
)

# "Town of Union" is Union, "Yanga Municipality" is Yanga.
_NAME_NOUN_RE = re.compile(
    rf"^(?:{alternation('claims_place_nouns')}\s+of\s+)?(?P<core>.+?)(?:\s+{alternation('claims_place_nouns')})?$",
    re.IGNORECASE,
)

#: The gazetteer's readings of a name, best first (``Gazetteer.lookup``): used only to read a name the text
#: itself places ("Warburton is a town in Victoria, Australia") that the resolver did not pin there.
Lookup = Callable[[str], "list[Entry]"]


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
    #: False for a town the resolver could not decide on (``Document.uncertain``): an end only when the text's
    #: own context ("Winchester ... Kentucky") picks one of its readings.
    pinned: bool = True


class MentionIndex:
    """Every place mention of a document sorted by offset, for range queries in O(log n + k) each.

    Claims ask "which mentions lie in this sentence?" once per statement and
    "in the previous sentence?" for subjects named earlier; a sorted list and
    bisection answers each in time logarithmic in the number of mentions plus
    the k it returns, so a long article with many statements stays linear.
    """

    def __init__(self, doc: Document) -> None:
        # "Central Business District" on its own is the centre of a city named elsewhere, never a place.
        items = [
            IndexedMention(m.start, m.end, m.text, p, m.form == "demonym", pinned)
            for places, pinned in ((doc.places, True), (doc.uncertain, False))
            for p in places
            for m in p.mentions
            if fold(m.text) not in _CENTRES
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

    def __init__(self, doc: Document, lookup: Lookup | None = None) -> None:
        self.text = doc.text
        self.lookup = lookup
        self.mentions = MentionIndex(doc)
        self.sentences = bounded_sentences(doc.text)
        self.starts = [s for s, _ in self.sentences]
        self.topic, self.topic_containers, self.topic_named = _topic(self)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence span holding offset ``pos``."""
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

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
    #: The words the text uses for the subject when no place was attached ("It", "The municipality of
    #: Pamplona"), so a person sees what was not resolved.
    subject_text: str | None = None

    def unresolved(self, reason: str) -> Ends:
        self.reason = reason
        return self


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
            return _checked(_whole_countries(ends), doc)
        rel = ends.relation  # "from A to attend ...": read as a plain "from"
    if rel in (Relation.APART, Relation.BETWEEN):
        _pair(st, mentions, ends)
    elif rel == Relation.AWAY:
        _away(st, doc, mentions, ends)
    elif rel == Relation.TO:
        _to(st, doc, mentions, ends)
    elif rel == Relation.BORDER:
        return _border(st, doc, mentions, ends)
    else:  # from / of / off / outside / beyond / into / inside
        _anchored(st, doc, mentions, ends)
    if ends.subject is None:
        ends.subject_text = _subject_words(st, doc)
    return _checked(_whole_countries(ends), doc)


def _subject_words(st: Statement, doc: DocumentIndex) -> str | None:
    """The words before the sentence's placing verb ("It", "The town", "Socorro"), for an unresolved subject."""
    verb = _CLAUSE_VERB_RE.search(doc.text, st.sentence_start, st.start)
    if verb is None:
        return None
    words = " ".join(doc.text[st.sentence_start:verb.start()].split()).strip(" ,;")
    return words[-60:] or None


# --------------------------------------------------------------------------
# What the article and the sentence are about
# --------------------------------------------------------------------------


def _topic(doc: DocumentIndex) -> tuple[IndexedMention | None, list[IndexedMention], bool]:
    """The place the article is about, and the areas its opening sentence puts it in.

    A dateline ("CARTHAGE, N.C. (AP) -") names it; so does an opening
    sentence whose grammatical subject is a place ("Braemar is a village in
    Aberdeenshire, Scotland, ..."): the place that begins the sentence, before
    its verb. "It", "the town", "this village" later stand for it. The areas
    named in that sentence before any distance ("Aberdeenshire", "Scotland")
    are where the text says it lies, used to doubt a reading elsewhere. The
    third value says the opening sentence names a subject at all, even one
    that is no place geoviz found: "It" then stands for that, not for a place
    of the sentence before.
    """
    text = doc.text
    for m in doc.mentions.within(0, min(len(text), 600)):
        if (len(m.text) >= 3 and m.text.isupper() and not m.adjectival
                and (m.start == 0 or text[m.start - 1] in "\n" or text[max(0, m.start - 2):m.start] == ". ")
                and _DATELINE_AFTER_RE.match(text, m.end)):
            return m, _containers_after(doc, m, m.end + 40), True
    if not doc.sentences:
        return None, [], False
    s, e = doc.sentences[0]
    named = _TOPIC_SENTENCE_RE.match(text, s, e)
    first = [m for m in doc.mentions.within(s, e) if not m.adjectival]
    m = first[0] if first else None
    if m is None or text[s:m.start].strip().lower() not in ("", "the"):
        if named is None:
            return None, [], False
        # The opening sentence is about a name geoviz found no place for: read it where the text puts it.
        stop = _first_number(text, s, e)
        containers = _agreeing([c for c in first if c.start < stop and c.place.kind in _CONTAINER_KINDS
                                and c.start >= named.end("name")])
        return _looked_up(doc, named, containers), containers, True
    tail = _TOPIC_TAIL_RE.match(text, m.end, e)
    verb = _CLAUSE_VERB_RE.match(text, tail.end() if tail else m.end, e)
    if verb is None:
        return None, [], named
    stop = _first_number(text, s, e)
    return m, [c for c in first[1:] if c.start < stop and c.place.kind in _CONTAINER_KINDS], True


# The first distance of a sentence: where the areas that place the article's subject end
# ("Francis Rural Municipality No. 127, Saskatchewan, Canada" holds a number that is none).
_DIGIT_RE = re.compile(rf"\d[\d,.]*\s*(?:\([^()]{{0,20}}\)\s*)?-?\s*{UNIT}|\b(?:{NUMBER_WORD})\s+{UNIT}",
                       re.IGNORECASE)


def _looked_up(doc: DocumentIndex, named: re.Match[str], containers: list[IndexedMention]) -> IndexedMention | None:
    """The article's subject as the gazetteer reads its name in the areas the opening sentence names, or None."""
    core = _NAME_NOUN_RE.match(named.group("name"))
    name = core.group("core") if core else named.group("name")
    place = _only_fitting(doc, name, containers)
    if place is None:
        return None
    start = named.start("name") + named.group("name").find(name)
    return IndexedMention(start, start + len(name), name, place, False)


def _only_fitting(doc: DocumentIndex, name: str, containers: list[IndexedMention]) -> Place | None:
    """The one point-like reading of ``name`` that fits ``containers`` (a country or state at least), else None.

    Several readings that fit and lie apart ("Union" twice in one state, no
    county named) are a question for a person, not a guess.
    """
    if doc.lookup is None or not any(c.place.kind in ("country", "admin1") for c in containers):
        return None
    key = fold(name)
    fitting = [_place_of(e, 0.0) for e in doc.lookup(name)
               if e.kind not in AREA_KINDS and e.kind != "country" and key in (fold(e.name), fold(e.ascii_name))]
    fitting = [p for p in fitting if _fits(p, containers)]
    if not fitting:
        return None
    if any(distance_km(fitting[0], p) > SAME_PLACE_KM for p in fitting[1:]):
        return None
    return fitting[0]


#: Readings of one name this close are one place (a town and its municipality, two sources' points).
SAME_PLACE_KM = 30.0


def _first_number(text: str, s: int, e: int) -> int:
    d = _DIGIT_RE.search(text, s, e)
    return d.start() if d else e


def _containers_after(doc: DocumentIndex, m: IndexedMention, limit: int) -> list[IndexedMention]:
    """The areas of an address chain after ``m``: "Springfield, Illinois", "CARTHAGE, N.C.", "Athens, Ontario"."""
    out: list[IndexedMention] = []
    pos = m.end
    for c in doc.mentions.within(m.end, min(limit, len(doc.text))):
        if not _CHAIN_GAP_RE.fullmatch(doc.text, pos, c.start):
            break
        if c.place.kind in _CONTAINER_KINDS:
            out.append(c)
        pos = c.end
    return out


def _usable(ms: list[IndexedMention], exclude_ids: set[str]) -> list[IndexedMention]:
    return [m for m in ms if not m.adjectival and m.place.id not in exclude_ids]


def _point_like(m: IndexedMention) -> bool:
    return m.place.kind not in AREA_KINDS and m.place.kind != "country"


def _chain_head(doc: DocumentIndex, mentions: list[IndexedMention], m: IndexedMention) -> IndexedMention:
    """The first place of the address chain ``m`` ends: "Springfield" of "Springfield, Illinois"."""
    head = m
    for prev in reversed([x for x in mentions if x.end <= m.start]):
        if _CHAIN_GAP_RE.fullmatch(doc.text, prev.end, head.start):
            head = prev
        else:
            break
    return head


def _topic_or_previous(st: Statement, doc: DocumentIndex, exclude: set[str]) -> IndexedMention | None:
    """What "it"/"the town" stands for: the article's place, else the last town of the previous sentence."""
    if doc.topic is not None and doc.topic.place.id not in exclude:
        return doc.topic
    if doc.topic_named:
        return None  # the article is about something geoviz found no place for
    prev = [m for m in _usable(doc.previous_sentence(st.sentence_start), exclude) if _point_like(m)]
    return prev[-1] if prev else None


def _sentence_subject(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention],
                      exclude: set[str]) -> IndexedMention | None:
    """See :func:`_subject_clause`: the subject place, or None."""
    return _subject_clause(st, doc, mentions, exclude)[0]


def _subject_clause(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention],
                    exclude: set[str]) -> tuple[IndexedMention | None, bool]:
    """The grammatical subject of the sentence, when it is a place or stands for one.

    The words before the sentence's first placing verb ("Socorro is located
    74 miles south of ...", "It lies ...", "The town is about 10 miles ...",
    "On State Highway 3 New Plymouth is 39 km north"): the first place there
    (the head of its address chain), else a pronoun or "the town" for the
    article's place. The flag says the sentence's subject was found at all:
    "It is ..." in an article about a place geoviz could not read is a clear
    subject without a place, and nothing else in the sentence stands in for it.
    """
    zone_end = st.start
    verb = _CLAUSE_VERB_RE.search(doc.text, st.sentence_start, st.start)
    if verb is None:
        return None, False
    zone_end = verb.start()
    if not doc.text[st.sentence_start:zone_end].strip():
        # "Located near the center of Cabarrus County, it is 20 miles ...": the clause after the opener.
        later = _CLAUSE_VERB_RE.search(doc.text, verb.end(), st.start)
        if later is None:
            return None, False
        comma = doc.text.rfind(",", verb.end(), later.start())
        if comma < 0:
            return None, False
        zone_start, zone_end = comma + 1, later.start()
    else:
        zone_start = st.sentence_start
    # "Completely encircled by the township of Shefford, this residential city is ...": the last part decides.
    last = max(zone_start, doc.text.rfind(",", zone_start, zone_end) + 1)
    zone = [m for m in _usable(mentions, exclude) if zone_start <= m.start and m.end <= zone_end]
    if _ANAPHOR_RE.search(doc.text, last, zone_end) and not any(m.start >= last for m in zone):
        return _topic_or_previous(st, doc, exclude), True
    if zone:
        return zone[0], True
    topic = doc.topic
    if (topic is not None and topic.place.id not in exclude
            and re.search(rf"\b{re.escape(topic.text)}\b", doc.text[zone_start:zone_end])):
        return topic, True  # "Socorro is located ...", where only the article's opening sentence pinned "Socorro"
    return None, False


def _apposition(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention],
                exclude: set[str], *, between: bool = False) -> IndexedMention | None:
    """A place named right before the figure: "Baytown, 13 miles", "Inglewood 21 km", "Lexington, about 186
    miles"; the head of its chain ("Springfield, Illinois, about 200 miles"). Not a place governed by "of",
    "from", "to" (another statement's end: "north of Stevenage, 2.5 miles south of Baldock"), nor an area
    that only says where the sentence's subject lies ("a village in Aberdeenshire, Scotland, 58 miles ...")."""
    before = [m for m in _usable(mentions, set()) if m.end <= st.start]
    if not before:
        return None
    m = before[-1]
    if not _APPOSITION_GAP_RE.fullmatch(doc.text, m.end, st.start):
        return None
    head = _chain_head(doc, before, m)
    if head.place.id in exclude or not _point_like(head):
        return None
    governed = _GOVERNED_RE.search(doc.text, max(st.sentence_start, head.start - 30), head.start)
    if governed and not (between and governed.group(0).lower().startswith("between")):
        return None
    return head


def _anaphor_before(st: Statement, doc: DocumentIndex, exclude: set[str]) -> IndexedMention | None:
    """ "... in this small town about 60 miles southwest of Raleigh": the article's place."""
    if _ANAPHOR_BEFORE_RE.search(doc.text, max(st.sentence_start, st.start - 60), st.start):
        return _topic_or_previous(st, doc, exclude)
    return None


# What may precede a distance that opens its sentence ("Located some ...").
# Possessive and word-bounded, so a failed match never backtracks.
_OPENING_RE = re.compile(
    r"(?:\W|(?:located|lying|situated|sitting|some|about|around|roughly|approximately|just|only"
    r"|nearly|almost|barely|more|less|than|over|under|within|up|to|at|least|most|a|the)\b)*+",
    re.IGNORECASE,
)


_FRONTED_ANAPHOR_RE = re.compile(rf",\s*(?:{_ANAPHOR_RE.pattern})\s+{alternation('claims_clause_verbs')}\b",
                                 re.IGNORECASE)


def _fronted(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], exclude: set[str],
             after: int) -> IndexedMention | None:
    """A sentence that opens with the distance ("Some 1,000 km from Vladivostok lies the Vostochny Cosmodrome",
    "Located about 40 miles south of Indianapolis, ..., it is ..."): what comes after the anchor."""
    opening = doc.text[st.sentence_start:st.start]
    if len(opening) > 80 or not _OPENING_RE.fullmatch(opening):
        return None
    if _FRONTED_ANAPHOR_RE.search(doc.text, after, st.sentence_end):
        return _topic_or_previous(st, doc, exclude)  # "Located 40 miles south of X, on the White River, it is"
    later = [m for m in _usable(mentions, exclude) if m.start >= after and _point_like(m)]
    return later[0] if later else None


def _subject_for(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], exclude: set[str],
                 after: int) -> IndexedMention | None:
    """The place said to lie at the distance, from the sentence's structure.

    In order: the sentence's grammatical subject ("Socorro is located 74
    miles south of ..."; "It is ..." = the article's place), a place in
    apposition right before the figure ("the Vostochny Cosmodrome, a Russian
    spaceport located approximately 1,000 km from ..."), "this town" right
    before it, what follows a distance that opens the sentence. Never simply
    the nearest name: in "a village in Aberdeenshire, Scotland, 58 miles west
    of Aberdeen" that is Scotland.
    """
    subject, found = _subject_clause(st, doc, mentions, exclude)
    if found:
        return subject
    return (_apposition(st, doc, mentions, exclude) or _anaphor_before(st, doc, exclude)
            or _fronted(st, doc, mentions, exclude, after))


# --------------------------------------------------------------------------
# The relations
# --------------------------------------------------------------------------


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
    """ "A, X km away" / "A, X km to the west" / "Inglewood 21 km north": A is the subject, measured from the
    place named before it in the sentence ("left Minsk for Vilnius, 173 km away"), else from the place the
    sentence or the article is about ("Stratford ... between Coventry, 6 miles to the west, and Rugby")."""
    # "between Rotterdam, 19 km to the south-west, and ...": the place before the figure, even after "between".
    subject = _apposition(st, doc, mentions, set(), between=True) or _sentence_subject(st, doc, mentions, set())
    if subject is None:
        ends.unresolved("no place found for what is said to be away")
        return
    ends.subject = subject
    own = {subject.place.id}
    earlier = [m for m in _usable(mentions, own) if m.end <= subject.start and _point_like(m)]
    zone = _sentence_subject(st, doc, mentions, own)
    topic = doc.topic if doc.topic is not None and doc.topic.place.id not in own else None
    if st.relation_word == "away":
        ends.anchor = (earlier[-1] if earlier else None) or topic or zone
    else:
        ends.anchor = topic or zone or (earlier[-1] if earlier else None)
    if ends.anchor is None:
        prev = [m for m in _usable(doc.previous_sentence(st.sentence_start), own) if _point_like(m)]
        ends.anchor = prev[-1] if prev else None
    if ends.anchor is None:
        ends.unresolved("no earlier place to measure the 'away' distance from")


def _to(st: Statement, doc: DocumentIndex, mentions: list[IndexedMention], ends: Ends) -> None:
    """ "US 77 leads north from Lexington 16 miles to Norman": Norman from Lexington; "I-10 leads west 35 miles
    to Houston": Houston from the place the article is about (only where a road is said to lead there)."""
    lo = st.to_start if st.to_start is not None else st.end
    hi = lo + len(st.anchor_text or "")
    subject = _anchor_in(doc.text, mentions, lo, hi)
    if subject is None:
        ends.unresolved(f"“to {st.anchor_text or ''}” names no place in the document")
        return
    ends.subject = subject
    anchor = None
    if st.anchor_start is not None:
        anchor = next((m for m in _usable(mentions, {subject.place.id}) if st.anchor_start <= m.start < st.start),
                      None)
    if anchor is None and _LEADS_RE.search(doc.text, st.sentence_start, st.start):
        anchor = _sentence_subject(st, doc, mentions, {subject.place.id}) or (
            doc.topic if doc.topic is not None and doc.topic.place.id != subject.place.id else None)
    if anchor is None:
        ends.unresolved(f"the text does not say where the {st.text} to {subject.text} are counted from")
        return
    ends.anchor = anchor


def _anchor_in(text: str, mentions: list[IndexedMention], lo: int, hi: int) -> IndexedMention | None:
    """The place an anchor phrase names: the first, passing over a possessive that a later place follows
    ("Georgia's capital Tbilisi" is Tbilisi; "Melbourne's central business district" is Melbourne)."""
    found = [m for m in mentions if lo <= m.start < hi]
    for i, m in enumerate(found):
        if m.adjectival and i + 1 < len(found):
            continue
        possessive = text.startswith(("'s", "’s"), m.end) or m.text.endswith(("'s", "’s"))
        if possessive and any(not x.adjectival for x in found[i + 1:]):
            continue
        return m
    return None


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
    """ "X km from / of / off / outside / beyond A": A in the anchor phrase, the subject from the sentence."""
    lo, hi = _anchor_span(st)
    anchor = _anchor_in(doc.text, mentions, lo, hi)
    if anchor is None:
        # "northeast of the state capital, Hartford": the place in apposition to a phrase that names none.
        anchor = next((m for m in mentions if m.start >= hi and _CHAIN_GAP_RE.fullmatch(doc.text, hi, m.start)),
                      None)
    if anchor is None:
        ends.unresolved(f"anchor “{st.anchor_text or ''}” is not a place in the document")
        return
    if anchor.adjectival:
        ends.unresolved(f"anchor “{st.anchor_text}” names no place, only the adjective “{anchor.text}”")
        return
    subject = _subject_for(st, doc, mentions, {anchor.place.id}, anchor.end)
    ends.anchor = anchor
    if subject is None:
        ends.unresolved("no place found for what is said to be at that distance: the sentence's subject is "
                        "not a place geoviz found")
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


def _checked(ends: Ends, doc: DocumentIndex) -> Ends:
    """Keep a claim unresolved, with the reason, when either end is not a place to measure from with confidence.

    A wrong verdict says the article is wrong, so it is given only when both
    ends are clear points. Each end is read in the text's own context (see
    :func:`_reading`): an area (a state, a county, a river) as an end, a town
    the resolver left undecided, or a reading the text contradicts ("Braemar"
    read as the one in Canada while the article says Aberdeenshire, Scotland)
    with no reading that fits, leaves the claim unchecked rather than accused.
    """
    if ends.reason is not None or ends.border is not None:
        return ends
    for role in ("subject", "anchor"):
        m = getattr(ends, role)
        if m is None:
            continue
        place, doubt = _reading(m, doc)
        if place is None:
            return ends.unresolved(doubt or f"the {role} is unclear")
        if place is not m.place:
            setattr(ends, role, replace(m, place=place, pinned=True))
    return ends


def _reading(m: IndexedMention, doc: DocumentIndex) -> tuple[Place | None, str | None]:
    """The place ``m`` stands for, as the text's own context reads it, or why there is none.

    The context is the areas the text names with it: its address chain
    ("Winchester, Kentucky"; "CARTHAGE, N.C.") and, for the article's own
    place, the areas of its opening sentence. The resolver's choice stands
    when it fits them; else the first of its other readings that does (never
    one chosen by the claim's number, which would make the check circular).
    A city read as its district or county ("Montreal" as the admin2) is
    measured at the town of that name in the same country.
    """
    containers = _containers_after(doc, m, m.end + 80)
    if doc.topic is not None and (m.place.id == doc.topic.place.id or fold(m.text) == fold(doc.topic.text)):
        containers += doc.topic_containers
    containers = _agreeing([c for c in containers if c.place.id != m.place.id])
    readings = [m.place] + [_place_of(c.entry, c.score) for c in m.place.alternatives]
    fitting = [p for p in readings if _fits(p, containers)]
    if m.place.kind in AREA_KINDS:
        town = next((p for p in fitting[1:] if p.kind not in AREA_KINDS and p.kind != "country"
                     and fold(p.name) == fold(m.place.name) and p.country == m.place.country), None)
        if town is None:
            town = _only_fitting(doc, m.text, containers)
        if town is not None:
            return town, None
        return None, (f"{m.place.name} is a whole {m.place.kind}, not a point to measure from: "
                      f"which place is meant is unclear")
    if not containers and not m.pinned:
        return None, (f"which {m.text}? {1 + len(m.place.alternatives)} places have that name and the text "
                      f"does not say which")
    if fitting and (m.pinned or containers):
        return fitting[0], None
    looked = _only_fitting(doc, m.text, containers)
    if looked is not None:
        return looked, None
    where = ", ".join(dict.fromkeys(c.text for c in containers))
    read = ", ".join(x for x in (m.place.admin1, m.place.country) if x)
    return None, (f"“{m.text}” was read as {m.place.name} ({read}), but the text puts it in {where}: "
                  f"which {m.text} is meant is unclear")


def _agreeing(containers: list[IndexedMention]) -> list[IndexedMention]:
    """The containers that agree with one another, so one misread container cannot veto every reading.

    "the South West region of England" must not make "South West" (read as a
    region of another country) a contradicting container, nor "State of
    Veracruz, Mexico" the state of México a second state: the country named
    as a country, else the one most containers share, decides; of the
    first-level divisions of that country only the first (the chain runs from
    small to large) is kept.
    """
    named = [c.place.country for c in containers if c.place.kind == "country" and c.place.country]
    votes = named or [c.place.country for c in containers if c.place.country]
    if not votes:
        return containers
    country = max(set(votes), key=votes.count)
    seen: set[str] = set()
    admin1 = False
    out = []
    for c in containers:
        if c.place.country != country or c.place.id in seen:
            continue
        if c.place.kind == "admin1":
            if admin1:
                continue
            admin1 = True
        seen.add(c.place.id)
        out.append(c)
    return out


#: How far a town may lie from the point of a county or district the text puts it in. Most counties and
#: districts are a few tens of km across; a reading further than this is taken for another place of that
#: name (a claim then stays unresolved rather than measured from it).
COUNTY_REACH_KM = 80.0


def _fits(p: Place, containers: list[IndexedMention]) -> bool:
    """Whether ``p`` lies in every country, first-level division and county the text names around it."""
    for c in containers:
        cp = c.place
        if cp.country and p.country and cp.country != p.country:
            return False
        if cp.kind == "admin1" and cp.admin1 and p.admin1 and fold(cp.admin1) != fold(p.admin1):
            return False
        if cp.kind == "admin2" and cp.country == p.country:
            if distance_km(cp, p) > COUNTY_REACH_KM:
                return False
            if cp.admin1 and p.admin1 and fold(cp.admin1) != fold(p.admin1):
                return False
    return True


def _place_of(entry: Entry, score: float) -> Place:
    """Another reading of a name (a resolver candidate) as a place to measure with."""
    return Place(id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind, country=entry.country,
                 confidence=score, admin1=entry.admin1_name or entry.admin1, entry_id=entry.id)
