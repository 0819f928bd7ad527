"""Who acts in a clause: names, bodies and described subjects, and whom a pronoun means.

Actors are names ("Kim Jong Un"), bodies ("the White House", "the South
Korean military") or described subjects ("The Chilean president", "the
trucks", "miners"). A place is an actor only as the clause-opening subject of
its verb ("North Korea conducted ..."), never when it is located ("miners in
Potosí and Oruro") or an object ("a ferry leaving Helsinki"). A pronoun
subject ("she flew on") falls back to the last person or thing named before
it (:class:`Antecedents`, kept by the caller as it reads on).

It does not decide where or when anything happened (geoviz.story.context),
nor whether two descriptions are the same traveller (geoviz.story.journeys).

:class:`Actors` is built once per document: events and journeys ask for the
names and noun phrases of the same clauses, and each span is scanned once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from geoviz.model import MOVEMENT_TYPES
from geoviz.nlp.lexicon import alternation, entries, table, words
from geoviz.nlp.names import fold
from geoviz.story.reading import POSSESSIVE_AFTER, Clause, Sentence, Trigger

__all__ = ["HEAD_CLASS", "NP", "PERSON_HEADS", "TITLES", "Actors", "Antecedents", "head_key", "is_place_span",
           "name_tokens", "np_head"]

Span3 = tuple[int, int, str]  # (start, end, phrase) of a name or noun phrase in the text

# Capitalised name sequences ("Kim Jong Un", "President Vladimir Putin").
_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]{0,30}(?:\s+(?:(?:of|de|del|da|al|bin|van|von|der|la|le)\s+)?"
                   r"[A-Z][\w'’.-]{0,30}){0,5}")
# "the South Korean military", "the Kremlin's spokesman" style bodies.
_BODY = re.compile(rf"\b[Tt]he\s+(?:[A-Z][\w'’-]{{0,30}}\s+){{1,3}}{alternation('body_heads')}\b")
_BODY_WORDS = words("body_words")
# Words that start sentences capitalised without naming anyone.
_STARTERS = (words("sentence_starters") | words("weekdays")
             | {forms[0] for forms in table("months")}  # full month names only: "Jan" may be a name
             | {w for group in table("number_values").values() for w in group})  # "Two days later we flew"
#: Words of a title, not of the name it precedes ("Prime Minister", "de facto leader").
TITLES = words("title_words")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|they|their|it|its)\b", re.IGNORECASE)
# "from there we flew to ...": the narrator moves; no one named elsewhere in the sentence is meant.
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|I)\b")
# "who travelled", "who had visited", "that was sailing": a relative clause with no subject of its own.
_RELATIVE_LEAD = re.compile(r"(?i)[\s,]*(?:who|that)\s+(?:(?:had|has|have|was|were|then|later|also|recently|"
                            r"first|reportedly)\s+){0,3}")
# What may stand between the noun phrase and its relative clause: "from X", "of X", "in X" and a comma.
_HANGS_ON = re.compile(r"(?:\s+(?:from|of|in|at|near)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
                       r"\s*,?\s*")
_WITH_COMPANIONS = re.compile(rf"(?i)\b(?:with|and)\s+(?:his|her)\s+(?:[\w-]+\s+)?{alternation('companion_nouns')}\b")
_SUBJECT_REACH = 40  # characters from a clause's start within which its subject begins ("On Tuesday the minister")
# "..., before returning to Canberra": a clause with no subject of its own, led by a subordinator and a participle.
_NONFINITE_LEAD = re.compile(r"(?i)[\s,;]*(?:before|after|while|upon|on)\s+")

# Common-noun subjects ("the president", "The Chilean president", "the convoy",
# "the trucks", "miners", "the storm"): who acts when no one is named.
PERSON_HEADS = entries("person_heads")
#: Group or vehicle heads, with the class that makes "the trucks" the same traveller as "a convoy".
HEAD_CLASS: dict[str, str] = table("head_classes")
_HEADS = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") + ("" if h.endswith(("s", "ies")) else "(?:e?s)?")
                          for h in (*PERSON_HEADS, *HEAD_CLASS)), key=len, reverse=True))
_NP_STOP = (r"the|a|an|and|or|but|of|in|on|at|to|from|for|with|by|into|onto|was|were|is|are|has|have|had|be|"
            r"been|then|after|before|as|that|which|who|while|when|said|says|its|his|her|their|it|he|she|they|"
            r"also|later|not|will|would|could|should|may|might|can|must")
#: A described subject: determiner, up to three modifiers, a head noun, and "of" + who a group is.
NP = re.compile(
    r"(?<![\w'’-])(?P<det>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|"
    r"[Oo]ur|[Ss]everal|[Mm]any|[Bb]oth|(?:[Dd]ozens|[Hh]undreds|[Tt]housands)\s+of)\s+)?"
    r"(?:(?:about|around|nearly|some|at\s+least|more\s+than)\s+)?"
    rf"(?P<mods>(?:(?!(?:{_NP_STOP})\b)[\w'’-]{{1,30}}\s+){{0,3}}?)"
    # "a passenger ferry", "an aid convoy": a compound's last noun is its head.
    rf"(?:(?i:{_HEADS})\s+)?(?P<head>(?i:{_HEADS}))(?![\w'’-])"
    # "a group of about forty migrants": the complement says who the group is.
    r"(?:\s+of\s+(?:(?:about|around|nearly|some|more\s+than|at\s+least)\s+)?(?:[\w'’-]{1,30}\s+){0,2}?"
    rf"(?P<head2>(?i:{_HEADS}))(?![\w'’-]))?")
# Every NP match contains a head word, so a span without one (most clauses) needs no NP scan: NP tries
# every start position through optional determiners and modifiers, which is the costly part.
_ANY_HEAD = re.compile(rf"(?i)(?=[a-z])(?:{_HEADS})")
_WORD = re.compile(r"[A-Za-z][A-Za-z]*")
# The first word of every head, and its plural forms: where a head can start.
_HEAD_LEADS = frozenset(f + end for h in (*PERSON_HEADS, *HEAD_CLASS) for f in (re.split(r"[^a-z]", h.lower())[0],)
                        for end in ("", "s", "es"))
# "with the minister", "aboard the ship": a noun phrase after a preposition is not a subject.
_GOVERNED_BEFORE = re.compile(r"(?i)\b(?:of|with|by|for|to|from|in|at|on|into|among|between|against|about|"
                              r"behind|like|aboard|carrying|and|or|than|over|under)\s+\Z")
_POSSESSIVE_END = re.compile(r"['’]s\Z")
_NAME_GOVERNED = re.compile(r"(?i)\b(?:in|on|at|with|from|by|of|for|to|into|aboard)\s+(?:the\s+|a\s+|an\s+)?\Z")
_NAME_START = re.compile(r"\s{1,3}[A-Z][a-z]")
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’.-]{0,30},\s{1,2}\Z")
_CLAUSE_OPENING = re.compile(r"(?i)\s*(?:(?:the|and|but|so|while|when|as|also|then|later|meanwhile|notably|"
                             r"neighbou?ring|nearby)\b[\s,]*){0,3}")
_AND_CLAUSE = re.compile(r"(?i)(?:and|but|or)\b")


@dataclass(slots=True)
class Antecedents:
    """Whom a later pronoun means, as a reader goes through the text in order.

    ``person`` answers "he"/"she", ``thing`` answers "they"/"it" ("the
    convoy ... it"); ``names`` holds every word of every person named so far,
    so a later "Kim" is a person too.
    """

    person: str | None = None
    thing: str | None = None
    party: bool = False  # the last subject told is a person travelling with others: "they" is that party
    names: set[str] = field(default_factory=set)
    # Clauses read but not yet taken into account: most clauses never need a pronoun resolved after them,
    # so what they set is worked out only when a pronoun asks (:meth:`Actors.remember`).
    pending: list[tuple[Sentence, Clause]] = field(default_factory=list)


class Actors:
    """Who acts in the clauses of one document; each span's names and noun phrases are scanned once."""

    def __init__(self, text: str, place_names: set[str]) -> None:
        self.text = text
        self.place_names = place_names  # folded names of the document's places: a place is not a person
        # Events, journeys and the antecedents ask for the names and noun phrases of the same clause
        # several times; both are pure functions of the span, so each span is scanned once.
        self._names: dict[tuple[int, int, bool], list[Span3]] = {}
        self._nps: dict[tuple[int, int], list[Span3]] = {}
        self._sentence_subjects: dict[int, tuple[list[int], list[Span3 | None]]] = {}
        self._clause_subjects: dict[tuple[int, int], list[Span3]] = {}  # the latest clause only
        self._heads: tuple[list[int], list[int]] | None = None  # starts and ends of head nouns, in text order
        self._remembered: dict[tuple[int, int], tuple[str | None, str | None, frozenset[str], str | None]] = {}

    def names(self, start: int, end: int, sent: Sentence, places_ok: bool = True) -> list[Span3]:
        """:func:`_names` of a span, scanned once per span (callers must not mutate it)."""
        key = (start, end, places_ok)
        out = self._names.get(key)
        if out is None:
            out = self._names[key] = _names(self.text, start, end, sent, places_ok)
        return out

    def _has_head(self, start: int, end: int) -> bool:
        """Whether a head noun ("president", "trucks") lies wholly in [start, end): found once per document,
        since a described subject needs one and most clauses have none."""
        if self._heads is None:
            # Only at a word that can begin a head ("president", "trucks") is the long head pattern tried.
            found = [(m.start(), m.end()) for w in _WORD.finditer(self.text) if w.group().lower() in _HEAD_LEADS
                     for m in (_ANY_HEAD.match(self.text, w.start()),) if m is not None]
            self._heads = ([a for a, _ in found], [b for _, b in found])
        starts, ends = self._heads
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end and any(
            ends[k] <= end for k in range(i, bisect.bisect_left(starts, end)))

    def noun_subjects(self, start: int, end: int, sent: Sentence) -> list[Span3]:
        """:func:`_noun_subjects` of a span, scanned once per span."""
        key = (start, end)
        out = self._nps.get(key)
        if out is None:
            out = self._nps[key] = _noun_subjects(self.text, start, end, sent) if self._has_head(start, end) else []
        return out

    def subjects(self, sent: Sentence, start: int, end: int, places_ok: bool = True) -> list[Span3]:
        """Names and common-noun subjects in [start, end), in text order; a name wins where both overlap.

        (A name wholly inside a longer noun phrase is that phrase's modifier: the phrase wins.)
        """
        names = self.names(start, end, sent, places_ok)
        nps = self.noun_subjects(start, end, sent)
        # "Relief convoy": a capitalised first word inside a described subject is not a name of its own.
        names = [x for x in names if not any(a <= x[0] and x[1] <= b and b - a > x[1] - x[0] for a, b, _ in nps)]
        nps = [n for n in nps if not any(a < n[1] and n[0] < b for a, b, _ in names)]
        return sorted(names + nps)

    def of(self, sent: Sentence, clause: Clause, trig: Trigger, antecedents: Antecedents) -> list[str]:
        """Who acts: the clause's names before the trigger (subject), the sentence subject, "with X" for meetings.

        A pronoun subject ("he was greeted upon his arrival") falls back to the
        last person named earlier in the text.
        """
        text = self.text
        key = (clause.start, clause.end)
        if key not in self._clause_subjects:  # one scan per clause, however many triggers it holds
            self._clause_subjects = {key: self.subjects(sent, clause.start, clause.end)}
        # "passengers in the Bronco and the driver were transported": a name a preposition governs is no subject.
        before = [(s, e, n) for s, e, n in self._clause_subjects[key] if e <= trig.start
                  and not _NAME_GOVERNED.search(text, max(0, s - 16), s)]
        if before and is_place_span(sent, before[-1][0], before[-1][1]) and not (
                _subject_gap(text, before[-1][1], trig.start) and _CLAUSE_OPENING.fullmatch(text, clause.start,
                                                                                            before[-1][0])):
            # A place is a where, not a who, unless it opens the clause as its subject ("North Korea conducted",
            # "the White House has issued"); "a ferry leaving Helsinki simulated ..." is the ferry's action.
            before = [b for b in before[:-1] if not is_place_span(sent, b[0], b[1])]
        if before and trig.type in MOVEMENT_TYPES and _FIRST_PERSON.search(text, clause.start, before[-1][0]):
            before = []  # "we hired a driver for a day trip to Hoi An": the narrator's trip, the driver an object
        actors = [before[-1][2]] if before else []
        if not actors and trig.type != "meeting" and _FIRST_PERSON.search(text, clause.start, trig.start):
            return []  # the narrator ("we", "I"): no name from another clause stands for them
        if not actors and trig.type in MOVEMENT_TYPES and clause is not sent.clauses[0] and _RELATIVE_LEAD.fullmatch(
                text, clause.start, trig.start):
            # "a 52-year-old farm worker from Teofilo Otoni who travelled to Belo Horizonte": the relative clause's
            # mover is the noun phrase it hangs on (a place inside that phrase is where they are from, not who)
            found = self.subjects(sent, sent.start, clause.start, places_ok=False)
            if found and _HANGS_ON.fullmatch(text, found[-1][1], clause.start) is not None:
                actors = [found[-1][2]]
        if not actors and clause is not sent.clauses[0] and _NONFINITE_LEAD.fullmatch(text, clause.start, trig.start):
            # "She was to finish the tour in Suva, where she will address the Forum, before returning to Canberra":
            # who returns is the subject of the sentence's main clause, not a name in the clause just before.
            actors = self._main_subject(sent, antecedents)
        if not actors:
            sentence_first = self.sentence_subjects(sent, clause)
            pronoun = _PRONOUN.search(text, clause.start, trig.start)
            referent = None
            if pronoun:
                plural = pronoun.group().lower() in ("they", "their", "it", "its")
                self._settle(antecedents)
                referent = _referent(antecedents, plural, pronoun.group().lower())
            if referent:
                actors.append(referent)
            elif sentence_first:
                actors.append(sentence_first[0][2])
        if trig.type == "meeting" and not (before and _AND_CLAUSE.match(text, clause.start)):
            # "Kim ..., which led to talks": the sentence subject takes part; "..., and the government called
            # for talks" has a subject of its own.
            sentence_first = self.sentence_subjects(sent, clause)
            if sentence_first and sentence_first[0][2] not in actors and _can_meet(sentence_first[0][2]):
                actors.insert(0, sentence_first[0][2])
            after = text[trig.end:clause.end]
            w = re.search(r"\b(?:with|and)\s+", after)
            if w:
                more = self.names(trig.end + w.end(), clause.end, sent)
                if more and more[0][0] <= trig.end + w.end() + 30:
                    actors.append(more[0][2])
        return [a for i, a in enumerate(actors) if a and a not in actors[:i]]

    def _main_subject(self, sent: Sentence, antecedents: Antecedents) -> list[str]:
        """The subject of the sentence's first clause, a pronoun read as whom it refers to; [] when none."""
        first = sent.clauses[0]
        verb = first.triggers[0].start if first.triggers else first.end
        found = [x for x in self.subjects(sent, first.start, verb, places_ok=False)
                 if not _NAME_GOVERNED.search(self.text, max(0, x[0] - 16), x[0])]
        if found:  # a subject opens its clause; a phrase deep inside it is something else
            return [found[0][2]] if found[0][0] - first.start <= _SUBJECT_REACH else []
        if _FIRST_PERSON.search(self.text, first.start, verb):
            return []
        pronoun = _PRONOUN.search(self.text, first.start, verb)
        if pronoun is None:
            return []
        self._settle(antecedents)
        plural = pronoun.group().lower() in ("they", "their", "it", "its")
        referent = _referent(antecedents, plural, pronoun.group().lower())
        return [referent] if referent else []

    def sentence_subjects(self, sent: Sentence, clause: Clause) -> list[Span3]:
        """The subject a verb-initial clause shares: the nearest earlier clause's subject, before that clause's verb.

        "..., the trucks drove to Ruwaished and returned to Amman": the trucks
        returned. A name or noun phrase after its clause's verb is an object
        ("they boarded a small boat ..., and ... were brought ashore": not the boat).
        Computed once per sentence, so many verbs in one run-on sentence stay linear.
        """
        if sent.index not in self._sentence_subjects:
            nearest: list[Span3 | None] = []
            last: Span3 | None = None
            for other in sent.clauses:
                verb = other.triggers[0].start if other.triggers else other.end
                # "From Kazbegi I returned ..., and took the night train": a governed name is no subject.
                found = [x for x in self.subjects(sent, other.start, verb, places_ok=False)
                         if not _NAME_GOVERNED.search(self.text, max(0, x[0] - 16), x[0])]
                if _FIRST_PERSON.search(self.text, other.start, found[0][0] if found else verb):
                    last = None  # "we hired a driver ..., and came back": the narrator, the driver an object
                else:
                    last = found[-1] if found else last
                nearest.append(last)
            self._sentence_subjects[sent.index] = ([c.start for c in sent.clauses], nearest)
        starts, nearest = self._sentence_subjects[sent.index]
        i = bisect.bisect_left(starts, clause.start) - 1  # the clause just before this one
        return [nearest[i]] if i >= 0 and nearest[i] is not None else []

    def remember(self, sent: Sentence, clause: Clause, antecedents: Antecedents) -> None:
        """Update whom a later pronoun means with the people and things this clause names."""
        antecedents.pending.append((sent, clause))

    def _settle(self, antecedents: Antecedents) -> None:
        """Take the pending clauses into account, in text order (the answer is the same as reading them eagerly)."""
        for sent, clause in antecedents.pending:
            key = (clause.start, clause.end)
            if key not in self._remembered:
                self._remembered[key] = self._what_to_remember(sent, clause, antecedents.names)
            person, thing, tokens, named = self._remembered[key]
            if person or thing:
                # "Medina left Maracaibo with his wife and daughter. They took a bus": the party just told is "they"
                antecedents.party = bool(person) and bool(_WITH_COMPANIONS.search(self.text, clause.start, sent.end))
            # A person named only after the verb ("flew to Najaf to meet the Grand Ayatollah") is an object: the
            # subject a later "he" means stays, unless none is known yet.
            antecedents.person = person or antecedents.person or named
            antecedents.thing = thing or antecedents.thing
            antecedents.names.update(tokens)
        antecedents.pending.clear()

    def _what_to_remember(self, sent: Sentence, clause: Clause,
                          known: set[str]) -> tuple[str | None, str | None, frozenset[str], str | None]:
        """(person, thing, name words, person named only as an object) a clause sets for later pronouns.

        Events and journeys read the document in the same order from a fresh
        :class:`Antecedents`, so the known names at each clause are the same in
        both passes and the answer is kept per clause.
        """
        first_trigger = clause.triggers[0].start if clause.triggers else clause.end
        # ("the Democratic Republic of the Congo has reported": a name cut short inside a place's name is that
        # place, not a person a later "he" means)
        people = [(e, name) for s, e, name in self.names(clause.start, clause.end, sent)
                  if _is_person(name, self.place_names, known)
                  and not any(m.start <= s and e <= m.end for m in sent.mentions)]
        if people:
            # The subject (before the verb) is whom a later "she" most likely means, else the last one named.
            subjects = [name for e, name in people if e <= first_trigger]
            return (subjects[-1] if subjects else None), None, frozenset(
                t for _e, name in people for t in name_tokens(name)), (None if subjects else people[-1][1])
        # "The Chilean president ...", "a convoy ...": a described subject is what a later pronoun refers to.
        for _s, _e, phrase in self.noun_subjects(clause.start, first_trigger, sent):
            head = np_head(phrase)
            if head in PERSON_HEADS and not phrase.endswith("s"):  # "he"/"she" is one person, not "officials"
                return phrase, None, frozenset(), None
            if head is not None:
                return None, phrase, frozenset(), None
            break
        return None, None, frozenset(), None


def _referent(antecedents: Antecedents, plural: bool, word: str) -> str | None:
    """Whom a pronoun means: "he"/"she" the last person; "they"/"it" the last group or thing, unless the last
    subject told was a person with companions ("with his wife and daughter"), whom "they" then means."""
    if plural and word in ("they", "their") and antecedents.party and antecedents.person:
        return antecedents.person
    return (antecedents.thing if plural else None) or antecedents.person


def _names(text: str, start: int, end: int, sentence: Sentence, places_ok: bool = True) -> list[Span3]:
    """Capitalised name sequences in [start, end), sentence starters and demonyms stripped.

    ``places_ok=False`` drops names that are place mentions: a place acts only
    as the subject right before its verb ("North Korea conducted").
    """
    out = [(m.start(), m.end(), _body_name(text, m, sentence)) for m in _BODY.finditer(text, start, end)]
    bodies = [(a, b) for a, b, _ in out]
    k = 0  # both match lists are in text order: one pointer skips names inside bodies
    for m in _NAME.finditer(text, start, end):
        while k < len(bodies) and bodies[k][1] <= m.start():
            k += 1
        if k < len(bodies) and bodies[k][0] <= m.start():
            continue
        s, e = m.start(), m.end()
        s = _skip_starters(text, s, e)
        if s >= e:
            continue
        bare_end = e - 2 if _POSSESSIVE_END.search(text, s, e) else e
        if any((m.prep or m.adjectival or not places_ok) and m.start <= s and bare_end <= m.end
               for m in sentence.mentions):
            continue  # "in Nairobi" is a where, "Polish"/"Peru's" an adjective: none is a who
        name = _strip_demonym(text, s, e, sentence)
        if name:
            out.append((s, e, name))
    out.sort()
    return out


def _body_name(text: str, m: re.Match[str], sentence: Sentence) -> str:
    """ "the South Korean military" -> "South Korean military"; "The Chilean president" stays whole.

    A demonym is dropped only when a proper name is left ("the Russian Defence
    Ministry" -> "Defence Ministry"); a bare role would say nothing.
    """
    stripped = _strip_demonym(text, m.start() + 4, m.end(), sentence)
    return stripped if any(c.isupper() for c in stripped) else " ".join(m.group().split())


def _skip_starters(text: str, s: int, e: int) -> int:
    while s < e:
        word_end = s
        while word_end < e and not text[word_end].isspace():
            word_end += 1
        if _bare(text[s:word_end]) not in _STARTERS:
            break
        s = word_end
        while s < e and text[s].isspace():
            s += 1
    return s


def _bare(word: str) -> str:
    """A word without possessive or punctuation, lower-case, for the stop lists."""
    return re.sub(r"(?:['’]s)?[^\w]*$", "", word).lower()


def _strip_demonym(text: str, s: int, e: int, sentence: Sentence) -> str:
    """Drop a leading demonym ("Russian President Vladimir Putin" -> "President Vladimir Putin")."""
    for m in sentence.mentions:
        if m.adjectival and m.start <= s < m.end and m.end < e and not POSSESSIVE_AFTER.match(text, m.end):
            s = m.end
    name = text[s:e].strip().rstrip(".")
    return re.sub(r"['’]s$", "", name)


def _is_person(name: str, places: set[str], known: set[str] | None = None) -> bool:
    """A person's name: two or more words, or a title and a name, or a word of a person already named.

    A lone capitalised word ("Floods swept ...") is too often a sentence's
    first common noun to count.
    """
    words_ = name.lower().replace("’", "'").split()
    if not words_ or fold(name) in places or any(w.strip("'s") in _BODY_WORDS for w in words_):
        return False
    tokens = name_tokens(name)
    titled = len(tokens) < len(name.split())
    return len(tokens) >= 2 or (titled and bool(tokens)) or bool(known and tokens & known)


def name_tokens(name: str) -> set[str]:
    """The words of a name that are not title words: "Chancellor Olaf Weber" -> {"Olaf", "Weber"}."""
    return {w for w in name.split() if w.lower() not in TITLES}


def head_key(head: str) -> str:
    """ "Trucks" -> "convoy", "presidents" -> "president": the class a head noun refers by."""
    h = " ".join(head.lower().split())
    for cand in (h, h[:-2] if h.endswith("es") else h, h[:-1] if h.endswith("s") else h):
        if cand in HEAD_CLASS:
            return HEAD_CLASS[cand]
        if cand in PERSON_HEADS:
            return cand
    return h


def _noun_subjects(text: str, start: int, end: int, sent: Sentence) -> list[Span3]:
    """Common-noun phrases that can be a subject: "The Chilean president", "the trucks", "miners".

    A capitalised head is a title inside a name ("Russian President Vladimir
    Putin"), unless it opens the sentence bare ("Protesters rallied ...").
    """
    out: list[Span3] = []
    for m in NP.finditer(text, start, end):
        head = m.group("head")
        if head[0].isupper() and (m.group("det") or m.group("mods") or m.start() != sent.start):
            continue
        before = text[max(start, m.start() - 14):m.start()]
        if _GOVERNED_BEFORE.search(before) and before.strip().lower() not in ("and", "but", "or", "and then"):
            continue  # "an honour guard and officials", "with the minister"; not ", and the trucks reached"
        if _NAME_START.match(text, m.end()) or _apposition(text, m, sent):
            continue  # "foreign minister Marie Dubois", "Marie Dubois, the minister": the name says who
        out.append((m.start(), m.end(), " ".join(m.group().split())))
    return out


def _apposition(text: str, m: re.Match[str], sent: Sentence) -> bool:
    """ "Marie Dubois, the French foreign minister, ...": a described name, not a second subject."""
    if not m.group("det") or not text.startswith(",", m.end()):
        return False
    before = _APPOSITION_BEFORE.search(text[max(sent.start, m.start() - 34):m.start()])
    return bool(before) and not is_place_span(sent, m.start() - 3, m.start() - 2)


def np_head(phrase: str) -> str | None:
    """The head class of a described subject ("the trucks" -> "convoy"), None for a name."""
    m = NP.fullmatch(phrase)
    return head_key(m.group("head")) if m else None


def is_place_span(sent: Sentence, s: int, e: int) -> bool:
    """Whether [s, e) overlaps a place mention of the sentence."""
    return any(m.start < e and s < m.end for m in sent.mentions)


def _can_meet(subject: str) -> bool:
    """A name or a described person meets; "the presidential plane" does not."""
    head = np_head(subject)
    return head is None or head in PERSON_HEADS or head in ("delegation", "government", "team")


def _subject_gap(text: str, end: int, trig_start: int) -> bool:
    """ "North Korea conducted", "the White House has issued": a place right before its verb acts as a body."""
    gap = text[end:trig_start]
    return len(gap.split()) <= 5 and not re.search(r"[,;:]", gap)
