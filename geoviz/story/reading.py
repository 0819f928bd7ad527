"""The story's reading of one article: sentences, clauses, trigger words and place mentions.

What both story stages stand on. Each sentence is cut into clauses (at
commas, semicolons and clause words such as "that", "while", "who", and
before a coordinated action verb: "left Ottawa ... and arrived in London");
each clause lists its trigger words by event type ("summit", "arrived",
"missile test", "warned" ...); each mention of a resolved place records the
preposition that governs it ("in Khasan", "to eastern Ukraine"), whether it is
adjectival (a demonym, "Russian", or a possessive, "North Korea's": never a
location) and whether it is coordinated with the mention before it ("to Ramadi
and Fallujah" shares the "to").

It does not decide anything: which trigger is an event, where it happened and
who did it are geoviz.story.context (and its readers of people,
geoviz.story.actors); what a route is, geoviz.story.journeys. The word lists
are lexicon data (``geoviz/nlp/lexicon/trigger_*.txt`` ...); the patterns
around them are here.

Every regular expression has bounded repetition and runs once per sentence or
on a fixed-size window, so reading is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from geoviz.model import Document, Mention, Place
from geoviz.nlp.dates import DateExpr, date_exprs
from geoviz.nlp.lexicon import alternation, alternation_of, entries, words
from geoviz.nlp.patterns import by_first_letter, letters_first
from geoviz.nlp.text import bounded_sentences

__all__ = ["DIRECTION_ADJ", "POSSESSIVE_AFTER", "TRIGGERS", "VERB_TYPES", "WINDOW", "Clause", "PlaceMention",
           "Sentence", "Trigger", "dateline", "read_sentences", "setting", "words_pattern"]

#: Chars looked at before a mention for its preposition, and after a country for "'s leader Kim".
WINDOW = 80
#: Types whose triggers are verbs that can be coordinated ("... and arrived in").
VERB_TYPES = ("meeting", "arrival", "departure", "travel", "statement")


def words_pattern(*alternatives: str) -> re.Pattern[str]:
    """``(?i)\\b(?:a|b|...)\\b``, opened by ``(?=[a-z])`` so that re skips to letters in C.

    A pattern that opens with ``\\b`` is tried at every position in Python's
    engine; an opening character class lets it jump to candidate positions.
    Only for alternatives that all start with an ASCII letter (under ``(?i)``
    ``[a-z]`` matches every character an ASCII letter matches, "ſ" and the
    Kelvin sign included: checked over all of Unicode).
    """
    return re.compile(rf"(?i)(?=[a-z])\b(?:{'|'.join(alternatives)})\b")


# --------------------------------------------------------------------------
# Trigger words, by event type (the lexicon holds the words; compounds and
# exceptions are patterns here). The order is the order a clause lists
# triggers that start at the same character.
# --------------------------------------------------------------------------

#: The one-word vehicles of the journeys' mode lists ("train", "catamaran", "matatu", "tuk-tuk"): one taken names a
#: trip ("caught the catamaran to"). Verb forms in those lists ("flying", "drove") are no vehicles. One list for the
#: travel trigger here and the journeys' own reading of a vehicle taken.
VEHICLE_NOUNS = alternation_of(sorted({w for mode in ("train", "plane", "ship", "bus", "car", "foot")
                                       for w in entries(f"mode_{mode}")
                                       if " " not in w and not re.search(r"(?:ed|ing)\Z", w)
                                       and w not in words("past_movement_verbs")}))
#: "took the bus timetable from Leeds", "caught the train fare": the vehicle names another thing, not a trip.
NOT_VEHICLE_AFTER = r"\s+(?:ticket|tickets|fare|fares|timetable|timetables|schedule|schedules|station|stop)\b"

TRIGGERS: dict[str, re.Pattern[str]] = {
    "military": words_pattern(
        r"(?:ballistic\s+|cruise\s+|hypersonic\s+)?(?:missile|rocket|nuclear|weapons?)\s+"
        r"(?:tests?|launch(?:es)?|firings?|strikes?|attacks?)",
        r"test-fir(?:ed|es|ing)", r"air\s?strikes?",
        r"(?:military|naval|joint|live-fire)\s+(?:exercises?|drills?)",
        alternation("trigger_military")),
    # Not "opened fire" (military) or "ceasefire", nor a launch's "roar of fire"; a disease with a case, an
    # outbreak or deaths is a disaster.
    "disaster": words_pattern(
        r"(?<!opened\s)(?<!cease)(?<!roar\sof\s)(?<!ball\sof\s)(?<!line\sof\s)(?<!plume\sof\s)fires?",
        rf"{alternation('trigger_disease')}(?:\s+(?:outbreaks?|cases?|epidemic|deaths?|infections?))?",
        # "one probable case", "a confirmed case": a single case is an outbreak's event too (STORY-GOLD.md).
        r"(?:confirmed|probable|suspected|imported|fatal|human|locally\s+acquired)\s+case",
        alternation("trigger_disaster")),
    # "struck by a car", "hit by a train": a road or rail accident, not an attack.
    "accident": words_pattern(
        r"(?:car|vehicle|truck|train|bus|van|motorcycle|pickup|suv|lorry|plane|helicopter)\s+"
        r"(?:strikes|struck|hits|hit|slammed\s+into|crashed\s+into|ran\s+into|went\s+off)",
        r"(?:struck|hit|killed|injured)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]{1,15}\s+)?"
        r"(?:car|cars|vehicle|truck|train|bus|van|motorcycle|pickup|suv|driver|motorist|lorry)",
        alternation("trigger_accident")),
    # "charged with murder", "charged in court": not "users are charged for the heat".
    "crime": words_pattern(r"charged(?=\s+(?:[\w,.]+\s+){0,4}?(?:with|in)\b)", alternation("trigger_crime")),
    "meeting": words_pattern(
        # "beat Liverpool 2-1 at Old Trafford", "drew 1-1 with Ghana in Abidjan": a result is a match played.
        r"(?:beat|beats|drew|draws|won|lost|edged|thrashed|routed)(?=\s+(?:[\w'’.-]+\s+){0,5}?\d{1,3}\s?[-–]\s?\d{1,3}\b)",
        alternation("trigger_meeting")),
    "protest": words_pattern(alternation("trigger_protest")),
    "arrival": words_pattern(alternation("trigger_arrival")),
    "departure": words_pattern(alternation("trigger_departure")),
    "travel": words_pattern(
        r"walked(?!\s+out)",
        # "moved north over ...", "moved inland": not "moved to ban".
        r"mov(?:ed|es?|ing)(?=\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:wards?)?|"
        r"inland|over|across|into|through|towards?|up|down|along|to|from|here|back|away|abroad)\b)",
        # "move his company from Santa Ana to ...": an object between the verb and a stated origin.
        r"mov(?:ed|es?|ing)(?=\s+(?:his|her|their|its|the|our)\s+(?:[\w-]+\s+){0,6}?from\b)",
        # "was taken by road to Carlisle", "were transferred from Kandy to Colombo": moved by someone else ("were
        # brought to" is an arrival); an active "transferred" is as often money or a player.
        r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:taken|transferred)(?=\s+(?:[\w-]+\s+){0,3}?(?:to|from|into)\b)",
        # "took the night train", "caught a ferry": the vehicle names the trip.
        r"(?:took|takes|taking|caught|catches|boarded|then)\s+(?:a|an|the|his|her|their|our)\s+(?:[\w-]+\s+)?"
        rf"(?:{VEHICLE_NOUNS})(?![\w-])(?!{NOT_VEHICLE_AFTER})",
        # "two days later continued to Korcula": not "continued to grow" (a name follows).
        r"continu(?:ed|es|ing)(?=\s+(?:to|into|towards?)\s+(?:the\s+)?(?-i:[A-Z]))",
        # "and onward to Hvar", "pressed on to the coast"
        r"(?:onwards?|pressed\s+on|pushed\s+on)(?=\s+(?:to|into|towards?)\b)",
        alternation("trigger_travel")),
    "statement": words_pattern(r"issued\s+(?:a\s+)?statements?", alternation("trigger_statement")),
    "other": words_pattern(alternation("trigger_other")),
}


def _leads(*names: str, code: str = "") -> frozenset[str]:
    """The words a type's trigger can start with: each lexicon entry's first word, and those ``code`` lists for
    the patterns written here. Only at these words is the type's pattern tried (:class:`_Hits`)."""
    firsts = {_FIRST.match(e.lower()).group() for n in names for e in entries(n) if _FIRST.match(e.lower())}
    return frozenset(firsts | set(code.split()))


_FIRST = re.compile(r"[a-z][a-z0-9]*")
#: Per type, the first word (up to a hyphen) of every phrase its pattern matches; keep in step with TRIGGERS.
_LEADS: dict[str, frozenset[str]] = {
    "military": _leads("trigger_military", code="ballistic cruise hypersonic missile rocket nuclear weapon weapons "
                                                 "test air airstrike airstrikes military naval joint live"),
    "disaster": _leads("trigger_disaster", "trigger_disease", code="fire fires confirmed probable suspected imported "
                                                                    "fatal human locally"),
    "accident": _leads("trigger_accident", code="car vehicle truck train bus van motorcycle pickup suv lorry plane "
                                                 "helicopter struck hit killed injured"),
    "crime": _leads("trigger_crime", code="charged"),
    "meeting": _leads("trigger_meeting", code="beat beats drew draws won lost edged thrashed routed"),
    "protest": _leads("trigger_protest"),
    "arrival": _leads("trigger_arrival"),
    "departure": _leads("trigger_departure"),
    "travel": _leads("trigger_travel", code="walked moved move moves moving was were been being is are took takes "
                                             "taking caught catches boarded then onward onwards pressed pushed "
                                             "continued continues continuing"),
    "statement": _leads("trigger_statement", code="issued"),
    "other": _leads("trigger_other"),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_WEAPON = words_pattern(alternation("weapons"))
# Weak triggers need support: "launched"/"fired" are also a campaign or an employee.
_WEAK_MILITARY = words_pattern(alternation("trigger_military_weak"))
#: What the word pass of _Hits.find tries at lead words: each type's pattern, and the weak military words (found in
#: the same pass, not in a scan of their own over every sentence; kept apart, see _Hits.clause).
_PASS: dict[str, re.Pattern[str]] = {**TRIGGERS, "weak": _WEAK_MILITARY}
_PASS_LEADS: dict[str, frozenset[str]] = {**_LEADS, "weak": _leads("trigger_military_weak")}
#: The same, turned round: per lead word, the types (in _PASS order) whose pattern is tried there; one dict
#: look-up per word of the text instead of one set look-up per type.
_KINDS_LED_BY: dict[str, tuple[str, ...]] = {
    w: tuple(k for k in _PASS_LEADS if w in _PASS_LEADS[k]) for w in set().union(*_PASS_LEADS.values())}
# "left" is also a direction: see _left_is_movement.
_LEFT = re.compile(r"(?i)\bleft\b")
# "went to work at Acme in Chatsworth", "went to war", "went to court": an idiom, no trip to the place named next.
_WENT_IDIOM = re.compile(rf"(?i)went\s+(?:back\s+|straight\s+)?to\s+{alternation('went_to_idioms')}\b")
# Labour action, not a military strike: "went on strike", "a general strike",
# "a strike by miners", "hunger strike", "striking teachers".
_LABOUR_STRIKE = re.compile(
    r"(?i)\b(?:(?:go|goes|went|gone|going|be|is|are|was|were|been|remain(?:ed)?|stay(?:ed)?)\s+on\s+"
    r"(?:(?:an?|indefinite|general|hunger|(?:\w{1,12}-)?day|(?:\d{1,3}-)?hour|national)\s+){0,2}strike|"
    r"(?:general|hunger|labou?r|national|nationwide|indefinite|wildcat|rail|transport|public[- ]sector|"
    r"teachers['’]?|workers['’]?|miners['’]?|doctors['’]?|nurses['’]?|dockers['’]?|union|"
    r"(?:\w{1,12}-)?day|(?:\d{1,3}-)?hour|warning)\s+strikes?|"
    r"strikes?\s+(?:action\b|by\s+(?:[\w-]{1,20}\s+){0,2}?(?:workers|miners|teachers|doctors|nurses|staff|"
    r"employees|unions?|drivers|pilots|dockers|farmers|students|truckers|lecturers|porters|guards)\b)|"
    r"(?:staged|called|calling|call|held|began|begun|joined|ended|announced|threatened|declared)\s+"
    r"(?:(?:a|an|the|their|its)\s+)?(?:[\w-]{1,20}\s+)?strikes?\b(?!\s+on\b)|"
    r"striking\s+(?:[\w-]{1,20}\s+)?(?:workers|miners|teachers|doctors|nurses|staff|employees|drivers|pilots|"
    r"dockers|farmers|students|truckers))")

# --------------------------------------------------------------------------
# What governs a mention
# --------------------------------------------------------------------------

_PREP = (r"at|in|to|into|onto|from|near|outside|inside|on|via|toward|towards|across|over|off|through|around|"
         r"for|within|beyond")
DIRECTION_ADJ = (r"(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central|occupied|"
                  r"neighbou?ring|nearby|coastal|downtown|remote|rural|war-torn|far-eastern|far\s+eastern")
# "in Khasan", "in the border town of Khasan", "to eastern Ukraine": the
# preposition governs the mention when only an article, a short "the ... of"
# head or a direction adjective stands between them; and a head in apposition,
# "to the Ugandan capital Kampala", "in the port city, Mombasa" (a comma is usual, not needed).
# (The preposition, with no word character or hyphen before it, is written to open with a class of its first
# letters: this pattern is searched for in the window before every mention, and a look-behind first would have
# it tried at each of the window's places.)
_PREP_OPENING = letters_first(by_first_letter(_PREP.split("|")), not_after=r"[\w-]")
_GOVERNED = re.compile(
    rf"({_PREP_OPENING})\s+(?:(?i:the|a|an)\s+)?"
    rf"(?:(?:[A-Za-z][\w-]*\s+){{0,3}}of\s+(?:the\s+)?|(?i:{DIRECTION_ADJ})\s+|"
    rf"(?:[a-z][\w-]*\s+){{0,2}}(?i:{alternation('place_heads')}),\s+|"
    rf"(?<=[Tt]he\s)(?:[A-Za-z][\w-]*\s+){{0,2}}(?i:{alternation('place_heads')})\s+)?\Z")
# "1,000 kilometres from Vladivostok", "away from", "north of": a distance
# anchor, not a location of the action.
_DISTANCE_BEFORE = re.compile(r"(?i)(?:\b(?:km|kms|kilomet\w{0,4}|miles?|metres?|meters?|away|north|south|east|"
                              r"west|north-?east|north-?west|south-?east|south-?west)\s*)\Z")
#: "North Korea's", "Peru's": the possessive right after a name.
POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# "in Potosí and Oruro", "to Ramadi and Fallujah": a conjunction between two
# mentions. A bare comma is not enough ("While Kim was in Russia, North Korea ...").
# A bracketed figure may follow each name: "in Cabo Delgado (56) and Zambezia (12)".
_COORDINATION = re.compile(r"(?:\s*\(\d[\d,.]{0,12}\))?\s*,?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?")
_LIST_COMMA = re.compile(r"(?:\s*\(\d[\d,.]{0,12}\))?,\s+")
# After a dateline's place: an optional state or country, an optional agency, then a dash or colon.
_DATELINE_AFTER = re.compile(r"(?:,\s{0,2}[A-Z][\w.]{0,12}(?:\s[A-Z][\w.]{0,12})?)?\s{0,2}(?:\([A-Za-z. ]{1,12}\))?"
                             r"\s{0,2}(?:[—–\x97-]{1,2}|:)")
# "to the town": a place named before (geoviz.story.journeys reads which).
_THE_PLACE = re.compile(
    letters_first({"t": r"he\s+(?:town|city|village|capital|port|island)"}, not_after=r"\w") + r"\b")
_QUOTE = re.compile(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"")
_MOVES = ("arrival", "departure", "travel")
_NEXT_TO = re.compile(r"(?i)\b(?:next|close|adjacent|near|closer|nearer)\s*\Z")
_NAME_NEXT = re.compile(r"\s+[A-Z]")
# A town's name before a capitalised "Fire", mid-sentence: "Seattle Fire", "Kansas City Fire" (its service).
_SERVICE_OF = re.compile(r"[a-z,;]\s+(?:[A-Z][\w'’.-]*\s+){1,3}\Z")
_BARE_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*")

# --------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------

# A clause breaks at a semicolon, colon or bracket, a comma before a space, a spaced dash, or a clause word
# ("that", "while"): r"[;:()\[\]]|,(?=\s)|\s[–—-]{1,2}\s|\b(?:that|...)\b", found by _breaks in three scans.
# Each pattern opens with a character class or a literal so the engine skips to candidates in C; the one
# pattern was tried at every position of every sentence, the reader's costliest scan after the triggers.
_BREAK_MARK = re.compile(r"[;:()\[\],](?:(?<=,)(?=\s)|(?<!,))")  # a comma only before a space
_DASHES = "-–—"
_BREAK_DASH = re.compile(rf"\s[{_DASHES}]{{1,2}}\s")
_BREAK_WORD = re.compile(rf"{alternation('clause_words')}\b")  # at a word's start: checked by _breaks
_WORD_CHAR = re.compile(r"\w")
# "and" first, then the look-behind for what \band would say: a pattern that opens with a literal lets the
# engine search for it in C, where one that opens with \b is tried at every position of every clause.
_AND_VERB = re.compile(r"and(?<!\wand)\s+(?:(?:then|later|subsequently|also)\s+)?")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A mention of one of the document's places, with what governs it."""

    start: int
    end: int
    place: Place
    adjectival: bool  # demonym ("Russian") or possessive ("North Korea's"): never a location
    prep: str  # governing preposition, lower-case, or ""
    distance_anchor: bool  # "1,000 km from Vladivostok": a measure's anchor, not where anything happened
    coordinated: bool = False  # joined to the previous mention by "and"/a comma, sharing its preposition

    @property
    def usable(self) -> bool:
        """Whether the mention can say where an action happened."""
        return not self.adjectival and not self.distance_anchor

    def within(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


@dataclass(slots=True)
class Trigger:
    """A word or phrase that names an action of one event type."""

    type: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Clause:
    """A sentence cut at commas, semicolons and clause words: it holds one action, plus movements with places."""

    start: int
    end: int
    triggers: list[Trigger] = field(default_factory=list)  # in text order


@dataclass(slots=True)
class Sentence:
    """A sentence with all the story reads in it; ``index`` counts sentences from 0 (nearness is in sentences)."""

    index: int
    start: int
    end: int
    clauses: list[Clause]
    mentions: list[PlaceMention]  # in text order
    dates: list[DateExpr]


def read_sentences(doc: Document) -> list[Sentence]:
    """Every sentence of the document with its clauses, triggers, place mentions and date expressions."""
    text = doc.text or ""
    all_mentions = sorted(((m, p) for p in doc.places for m in p.mentions), key=lambda mp: mp[0].start)
    starts = [m.start for m, _ in all_mentions]
    bounds = list(bounded_sentences(text))
    mentions = []
    for s, e in bounds:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        mentions.append(_inherit_prepositions(text, [_mention(text, m, place) for m, place in all_mentions[lo:hi]
                                                     if m.end <= e]))
    # Triggers are looked for only where they can tie to a place: sentences that name one, or say "the town"
    # (a place named before), or every sentence of a story filed from a dateline (its place stands in for
    # the sentences that name none), or every sentence under a heading that ends on a country after a dash
    # ("Cholera – Malawi": the bulletin's totals name no place; geoviz.story.context decides whether the
    # heading's country takes them).
    # That is under half of a typical article, and the trigger patterns are the story layer's main cost.
    everywhere = (_setting_of(text, bounds, mentions) is not None
                  or (bool(bounds) and _bulletin_heading(text, *bounds[0], mentions[0])))
    hits = _Hits.find(text, [(s, e) for (s, e), ms in zip(bounds, mentions)
                             if everywhere or ms or _THE_PLACE.search(text, s, e)])
    out = []
    for i, ((s, e), ms) in enumerate(zip(bounds, mentions)):
        clauses = [hits.clause(cs, ce) for cs, ce in _clauses(text, s, e)]
        # Dates are read only where something can be dated: a place or a trigger.
        dated = ms or any(c.triggers for c in clauses)
        out.append(Sentence(i, s, e, clauses, ms, date_exprs(text, s, e) if dated else []))
    return out


def dateline(text: str, sentences: list[Sentence]) -> PlaceMention | None:
    """The place a news story is filed from: "CARTHAGE, N.C. (AP) -", "MALTA –", "HELENA, Mont. --".

    A news convention: the place opens a sentence (the article's first or the one after its headline) and a
    dash or colon follows it, after at most a state and an agency. What the story tells without naming a
    place happened there (geoviz.story.context).
    """
    return _dateline_of(text, [(s.start, s.end) for s in sentences], [s.mentions for s in sentences])


def setting(text: str, sentences: list[Sentence]) -> PlaceMention | None:
    """The place a local story is set in: its dateline, else the town or county its lead names and the story keeps
    returning to ("Richmond police ...", "... of Richmond, was arrested"). What the story tells without naming a
    place (a blotter item, "the council voted 3-2") happened there (geoviz.story.context). None for a story that
    ranges over several places or names only countries and states.
    """
    return _setting_of(text, [(s.start, s.end) for s in sentences], [s.mentions for s in sentences])


#: Kinds of place a local story is set in; a country or a state is too wide to place a happening by setting alone.
_LOCAL_KINDS = frozenset({"populated place", "admin2"})
_LEAD_SENTENCES = 3  # a headline, a dateline and a lead sentence
_SETTING_MIN_MENTIONS = 2


def _setting_of(text: str, bounds: list[tuple[int, int]], mentions: list[list[PlaceMention]]) -> PlaceMention | None:
    filed = _dateline_of(text, bounds, mentions)
    if filed is not None:
        return filed
    counts: dict[str, int] = {}
    for ms in mentions:
        for m in ms:
            if m.place.kind in _LOCAL_KINDS and not m.distance_anchor:
                counts[m.place.id] = counts.get(m.place.id, 0) + 1
    if not counts:
        return None
    headed = _headline_town(text, bounds, mentions, counts)
    if headed is not None:
        return headed
    ranked = sorted(counts.values(), reverse=True)
    top = ranked[0]
    if top < _SETTING_MIN_MENTIONS or (len(ranked) > 1 and ranked[1] == top):
        return None  # no one place dominates: the story ranges
    lead = [m for ms in mentions[:_LEAD_SENTENCES] for m in ms if not m.distance_anchor]
    found = next((m for m in lead if counts.get(m.place.id) == top), None)
    if found is None and top >= 3 and (len(ranked) == 1 or top >= 2 * ranked[1]):
        # The lead names only the county; the town the story keeps returning to is its setting all the same.
        found = next((m for ms in mentions for m in ms if counts.get(m.place.id) == top and not m.distance_anchor),
                     None)
    return found


def _heading_line(text: str, start: int, end: int) -> bool:
    """Whether the sentence is a heading: a line of its own ("Ballarat lights up its main street", "Cholera – Malawi"),
    with no full stop, under which the story's body starts on a new line."""
    line = text[start:end].strip()
    return bool(line) and "\n" not in line and line[-1] not in ".!?:;," and "\n" in text[end:end + 3] + "\n" * (
        end >= len(text.rstrip()))


def _bulletin_heading(text: str, start: int, end: int, mentions: list[PlaceMention]) -> bool:
    """ "Cholera – Malawi", "Dengue - Peru": a heading line that ends on a country after a dash, the form of an
    outbreak report's heading (whether its words are a disease's is geoviz.story.context's to judge)."""
    if not mentions or not _heading_line(text, start, end):
        return False
    last = mentions[-1]
    return (last.place.kind == "country" and not text[last.end:end].strip(" .\t\n")
            and bool(_DASH_BEFORE.search(text, start, last.start)))


_DASH_BEFORE = re.compile(r"\s[–—-]\s+\Z")


def _headline_town(text: str, bounds: list[tuple[int, int]], mentions: list[list[PlaceMention]],
                   counts: dict[str, int]) -> PlaceMention | None:
    """The town a local story's headline names when the body names no other town: "Ballarat lights up its main street"
    over "The aldermen approved ...". The headline is where such a story says where it is; one town there and
    none other in the story leaves no other reading (a second town in the body: the story ranges, abstain)."""
    if not bounds or not _heading_line(text, *bounds[0]):
        return None
    head = [m for m in mentions[0] if m.place.kind in _LOCAL_KINDS and not m.adjectival and not m.distance_anchor]
    if not head or len({m.place.id for m in head}) > 1 or len(counts) > 1 or _PERSON_AFTER.match(text, head[0].end):
        return None  # (not "Miami man gets 17 years": where he is from, not where the story happens)
    return head[0]


# "Miami man", "Springfield teenager": a person's origin.
_PERSON_AFTER = re.compile(rf"\s+(?i:{alternation('person_heads')})\b")


def _dateline_of(text: str, bounds: list[tuple[int, int]], mentions: list[list[PlaceMention]]) -> PlaceMention | None:
    for (start, _end), ms in list(zip(bounds, mentions))[:3]:
        first = ms[0] if ms else None
        if first is not None and first.start - start <= 2 and not first.adjectival and _DATELINE_AFTER.match(
                text, first.end):
            return first
    return None


def _mention(text: str, m: Mention, place: Place) -> PlaceMention:
    possessive = bool(POSSESSIVE_AFTER.match(text, m.end))
    window = text[max(0, m.start - WINDOW):m.start]
    gov = _GOVERNED.search(window)
    prep = gov.group(1).lower() if gov else ""
    if prep == "to" and _NEXT_TO.search(window[:gov.start()]):
        prep = "near"  # "next to the LaBelle Theater", "close to Kharkiv": beside it, not bound for it
    anchor = bool(prep in ("from", "of") and gov and _DISTANCE_BEFORE.search(window[:gov.start()]))
    # The recogniser says whether the text names the place or uses its demonym ("Russian").
    return PlaceMention(m.start, m.end, place, possessive or m.form == "demonym", prep, anchor)


@dataclass(frozen=True, slots=True)
class _Hits:
    """Every trigger match of a document, found in one pass per pattern (not one per clause: the story layer's
    main cost was running a dozen patterns on each of thousands of short clauses)."""

    triggers: list[Trigger]  # in text order; at one start, in the order TRIGGERS lists the types
    starts: list[int]
    labour: list[tuple[int, int]]
    weapons: list[int]  # starts of weapon words
    weak: list[Trigger]  # "launched", "fired": military only with a weapon word in the same clause
    weak_starts: list[int]

    @classmethod
    def find(cls, text: str, spans: list[tuple[int, int]]) -> _Hits:
        """The hits inside ``spans`` (sentences, in text order)."""
        def each(rx: re.Pattern[str], where: list[tuple[int, int]] = spans) -> Iterator[re.Match[str]]:
            for a, b in where:
                yield from rx.finditer(text, a, b)

        low = text.lower()
        # A labour strike needs "strik..."; most articles have none, so the long pattern is skipped.
        labour = [(m.start(), m.end()) for m in each(_LABOUR_STRIKE)] if "strik" in low else []
        labour_starts = [a for a, _ in labour]
        ranked: list[tuple[int, int, Trigger]] = [(a, 0, Trigger("protest", a, b, text[a:b])) for a, b in labour]
        # One pass over the words; each type's pattern is tried only where one of its lead words stands.
        found: dict[str, list[re.Match[str]]] = {kind: [] for kind in _PASS}
        for a, b in spans:
            ends = dict.fromkeys(_PASS, a)  # as finditer: a type's matches do not overlap
            for w in _WORD.finditer(low, a, b):
                word = w.group()
                for kind in _KINDS_LED_BY.get(word, ()):
                    if w.start() >= ends[kind]:
                        m = _PASS[kind].match(text, w.start(), b)
                        if m is not None:
                            found[kind].append(m)
                            ends[kind] = m.end()
        for rank, kind in enumerate(TRIGGERS, 1):
            for m in found[kind]:
                if kind == "departure" and _LEFT.fullmatch(m.group()) and not _left_is_movement(text, m.end()):
                    continue
                if kind == "travel" and _WENT_IDIOM.match(text, m.start()):
                    continue
                k = bisect.bisect_right(labour_starts, m.start()) - 1
                if k >= 0 and labour[k][0] <= m.start() < labour[k][1]:
                    continue  # "went on strike": the labour action already stands for it
                if kind != "disaster" and m.group()[0].isupper() and _NAME_NEXT.match(text, m.end()):
                    continue  # "Forum Drive", "Shooting Stars", "Court West": a word of a longer name ("Hurricane
                    # Delia" is the storm itself)
                if m.group() == "Fire" and _SERVICE_OF.search(text, max(0, m.start() - 40), m.start()):
                    continue  # "Seattle Fire and Police", "Leeds Fire Service": a town's service, not a blaze
                ranked.append((m.start(), rank, Trigger(kind, m.start(), m.end(), m.group())))
        ranked.sort(key=lambda r: (r[0], r[1]))
        # What someone says in quotation marks ("It looked like an explosion") is their account, not the story's.
        quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        ranked = [r for r in ranked if r[2].type in _MOVES or not any(a < r[0] < b for a, b in quoted)]
        # A trigger inside a longer one of another type is part of it: "home invasion" is a crime, not "invasion".
        ranked = [r for r in ranked if not _inside_longer(r[2], ranked)]
        # A weak trigger counts only beside a weapon word in its clause (see clause()), so weapon words are looked
        # for only in the sentences that hold a weak trigger: one article in seven has any, and a scan of its own
        # is a pass over every sentence.
        weak = [Trigger("military", m.start(), m.end(), m.group()) for m in found["weak"]]
        weak_starts = [t.start for t in weak]
        weapons = [m.start() for m in each(_WEAPON, [(a, b) for a, b in spans if _any_in(weak_starts, a, b)])]
        if not weapons:
            weak = weak_starts = []
        return cls([t for _s, _r, t in ranked], [s for s, _r, _t in ranked], labour, weapons, weak,
                   weak_starts)

    def clause(self, start: int, end: int) -> Clause:
        """The clause [start, end) with the triggers that lie wholly inside it."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        clause = Clause(start, end, [t for t in self.triggers[lo:hi] if t.end <= end])
        # Called for every clause of every sentence: most articles have no weak word, and then no look-up.
        if self.weak and _any_in(self.weapons, start, end):
            lo, hi = bisect.bisect_left(self.weak_starts, start), bisect.bisect_left(self.weak_starts, end)
            weak = [t for t in self.weak[lo:hi] if t.end <= end]
            if weak:
                clause.triggers = sorted(clause.triggers + weak, key=lambda t: t.start)
        return clause


def _inside_longer(t: Trigger, ranked: list[tuple[int, int, Trigger]]) -> bool:
    """Whether a longer trigger of another type holds ``t`` ("home invasion" holds "invasion").

    ``ranked`` is in text order, so only the triggers that start by ``t``'s start can hold it: the look stops
    there, not at the end of the list (an article has up to a hundred triggers, and each one was compared with
    every other).
    """
    for _s, _r, o in ranked:
        if o.start > t.start:
            return False
        if o.type != t.type and t.end <= o.end and o.end - o.start > t.end - t.start:
            return True
    return False


def _any_in(starts: list[int], a: int, b: int) -> bool:
    """Whether a sorted list of offsets holds one in [a, b)."""
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _inherit_prepositions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A mention coordinated with a governed one shares its preposition ("to Ramadi and Fallujah").

    Without this, "Oruro" in "miners in Potosí and Oruro went on strike" looks
    like a bare subject (an actor) and "Fallujah" like no stop at all.
    """
    out: list[PlaceMention] = []
    for i, m in enumerate(mentions):
        prev = out[-1] if out else None
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # "in Sharon, Cornwall and Salisbury": a bare comma joins a list only when "and" closes it.
        listed = (nxt is not None and _LIST_COMMA.fullmatch(text, prev.end if prev else 0, m.start) is not None
                  and 0 < nxt.start - m.end <= 16 and _COORDINATION.fullmatch(text, m.end, nxt.start) is not None)
        if (prev is not None and not m.prep and prev.prep and not prev.adjectival and not m.adjectival
                and 0 < m.start - prev.end <= 16 and (_COORDINATION.fullmatch(text, prev.end, m.start) or listed)):
            m = PlaceMention(m.start, m.end, m.place, m.adjectival, prev.prep, prev.distance_anchor, True)
        out.append(m)
    return out


def _left_is_movement(text: str, end: int) -> bool:
    """ "left Pyongyang", "left for Moscow", "left the capital", "left his church in ...": not "on the left"."""
    nxt = text[end:end + 20].lstrip()
    return bool(nxt[:1].isupper() or nxt.lower().startswith(("for ", "the ", "on ", "from ", "his ", "her ",
                                                                 "their ", "its ", "our ")))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for a, b in _breaks(text, start, end):
        if a > s:
            spans.append((s, a))
        s = b if not text[a].isalpha() else a  # a clause word opens the next clause; a mark belongs to none
    if end > s:
        spans.append((s, end))
    out = []
    for a, b in _join_appositions(text, spans):
        if text.find("and", a, b) >= 0:  # only an "and" coordinates: most clauses have none
            out.extend(_split_coordinated(text, a, b))
        else:
            out.append((a, b))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in out) if b > a]


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clause breaks in ``text[start:end]``, in text order: the spans the one plain pattern (see
    _BREAK_MARK) finds with finditer. Its alternatives start on different characters (a mark, a space, a
    letter) and none can hold another's start, so three scans merged by start find the very same spans."""
    out = [m.span() for m in _BREAK_MARK.finditer(text, start, end)]
    if any(text.find(dash, start, end) >= 0 for dash in _DASHES):  # most sentences have none: skip the scan
        out += [m.span() for m in _BREAK_DASH.finditer(text, start, end)]
    at = start
    while (m := _BREAK_WORD.search(text, at, end)) is not None:
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            at = m.start() + 1  # inside a word ("somewhere"): no \b; look again from the next character
        else:
            out.append(m.span())
            at = m.end()
    out.sort()
    return out


def _join_appositions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "drove from the capital, Bamako, north to Gao": a bare name between commas names what precedes it, so
    it stays in that clause, and so does a lower-case continuation after it ("north to Gao"); "..., Urbana, where
    he died" keeps its "where" clause apart."""
    out: list[tuple[int, int]] = []
    joined = False
    for a, b in spans:
        # The comma first: most clauses follow none, and then the name pattern need not run.
        after_comma = bool(out) and text[out[-1][1]:a].strip() == ","
        if after_comma and _BARE_NAME.fullmatch(text[a:b].strip(" ,")) is not None:
            out[-1] = (out[-1][0], b)
            joined = True
            continue
        if after_comma and joined and text[a:b].lstrip()[:1].islower():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        joined = False
    return out


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "left Ottawa ... and arrived in London": a coordinated action verb starts a new clause."""
    spans, s = [], start
    for m in _AND_VERB.finditer(text, start, end):
        word = _WORD.match(text, m.end(), end)
        lead = word.group().lower() if word else ""
        if any(lead in _LEADS[kind] and TRIGGERS[kind].match(text, m.end(), end) for kind in VERB_TYPES):
            spans.append((s, m.start()))
            s = m.start()
    spans.append((s, end))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
