"""Movements that tell no trip: the one rule journeys and the movement markers share.

"intends to travel to Hawaii", "if they were deported to", "a round-trip fare of $205 from",
"people travelling to", "the outbreak moved to", "the trip from Amsterdam to Berlin includes stops",
"it will take another two years before the trip is made",
"more than a flight from Kansas City to Dallas": a movement word with no traveller making that trip.
Journeys drop such triggers from routes; the story context drops the arrival/departure/travel markers they
would make, so the map's movement markers and its routes follow the same rule.
"""

from __future__ import annotations

import re

from geoviz.nlp.lexicon import alternation, words
from geoviz.story.actors import HEAD_CLASS, PERSON_HEADS
from geoviz.story.reading import Clause, Sentence, Trigger

__all__ = ["SERVICE", "TRIP_NOUN", "mover", "untold_movement"]

# "he intends to travel to Hawaii and drive to Florida", "if they were deported to": an intention or a condition,
# not a trip the text tells; it must govern the verb (no clause break, a few words at most in between).
_UNREAL = re.compile(rf"(?i)\b(?:{alternation('journey_unreal')})\b")
# The intention's own verb: right after its "to" ("plans to fly", "to also travel"), or after a short subject
# for a conditional or a modal ("if they were deported", "could fly").
# A passive infinitive counts too: "was scheduled to be shipped to".
_UNREAL_DIRECT = re.compile(r"(?i)\s+to\s+(?:(?:also|then|\w+ly)\s+)?(?:be\s+)?\Z"
                            r"|(?!\s+to\b)(?:\s+[^\s,;:.!?()]+){0,3}\s+\Z")
_COORDINATED_VERB = re.compile(r"(?i)\b(?:and|or)\s+(?:then\s+)?\Z")
_UNREAL_GAP = re.compile(r"(?:\s+to)?\s+(?:[^\s,;:.!?()]+\s+){0,8}\Z")
# "The outbreak moved from Kasese to Kampala", "Measles cases travelled north": spreading, not a journey.
_SPREADS = re.compile(r"(?i)(?:^|\b(?:the|a|an|this|that|its|new)\s+)"
                      r"(?:(?!(?:with|of|from|for|in|at|by|and|on|after|who|carrying)\b)[\w-]+\s+){0,2}?"
                      rf"(?:{alternation('trigger_disease')}|{alternation('spread_nouns')})\s+"
                      # "An outbreak of confirmed cases of salmonella has made its way to Iowa": its complement
                      r"(?:of\s+(?:(?!(?:with|from|for|in|at|by|and|on|after|who|carrying)\b)[\w-]+\s+){1,5}?)?"
                      r"(?:(?:had|has|have|was|were|is|are|then|also|quickly|later|rapidly|soon|now|since)\s+){0,3}\Z")
# "it will take another two years before the return leg of the trip is made without a change at X", "it could be
# months until flights to Y resume": a trip still to come after a wait, told as not yet possible.
_NOT_YET = re.compile(r"(?i)\b(?:will|would|could|may|might|is\s+going\s+to)\s+(?:take|be)\s+(?:[\w-]+\s+){0,3}?"
                      rf"(?:{alternation('habitual_units', plural=True)}|decades?|hours?|a\s+while|long|some\s+time)"
                      r"\s+(?:yet\s+)?(?:before|until|till)\b")
# Who or what can travel, by the last word of its noun phrase: a person's or a group's head, a unit sent somewhere.
_MOVERS = frozenset(w + end for w in (*(h.split()[-1] for h in (*PERSON_HEADS, *HEAD_CLASS)), *words("sent_movers"),
                                      *words("titles"))  # "its army chief", "a senior general"
                    for end in ("", "s", "es"))
_PERSONAL = words("personal_pronouns")
_OBJECT_PERSONAL = frozenset(("him", "her", "me", "us"))  # "sent him to": never a thing ("sent them": letters?)
_NOT_NAMES = words("referring_subjects") | words("sentence_starters")  # "It was sent to", "This was taken from"
_LAST_WORD = re.compile(r"([A-Za-z][\w'’-]*)[\s,]*\Z")
# "The backpack-style blowers were taken from a truck": things removed (stolen) from a place, no trip.
_TAKEN_FROM = re.compile(r"(?i)(?:was|were|been|being|is|are)\s+(?:\w+\s+)?taken\s+(?:away\s+)?from\b")
_TO_AFTER = re.compile(r"(?i)\b(?:to|into)\s")
TRIP_NOUN = re.compile(r"(?i)(?:trips?|flights?|journeys?|voyages?|rides?|drives?|visits?|tours?)\b")
# "The 6.5 hour trip from Amsterdam to Berlin includes stops in ...": a timetable, not someone's journey.
SERVICE = re.compile(r"(?i)\b(?:trips?|flights?|journeys?|rides?|drives?|voyages?|crossings?|routes?)\b"
                     rf"[^.;]{{0,80}}?\b(?:from|between)\b[^.;]{{0,80}}?\b(?:{alternation('service_verbs')})\b")
# "about $40 more than a flight from Kansas City to Dallas", "cheaper than flying to Lisbon": the trip is what
# something is compared with, not one anyone took.
_COMPARED = re.compile(r"(?i)\bthan\s+(?:(?:a|an|the|one|each)\s+)?(?:[\w-]+\s+){0,2}?\Z")
_PRICE_AFTER = re.compile(rf"(?i)\s*(?:{alternation('trip_price_words')})\b")
# "an international travel hub with links to Kenya", "travel restrictions to Chad": a bare movement noun that
# qualifies another noun names a kind of thing, not a trip (not "the flight to Kabul", "travel to Goma").
_MODIFIER_AFTER = re.compile(rf"(?i)\s+(?:{alternation('trip_modifier_heads')})\b")
_BARE_NOUN = re.compile(r"(?i)(?:travel|flight|trip|journey|transit|tour)\Z")
# A bare plural of movers: no "the", "these" or "those" before it (those name travellers told already).
_BARE_MOVERS = rf"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)\b(?:{alternation('generic_movers')})\s+"
# "people travelling to", "motorists heading for": a bare plural and a participle name a kind of traveller.
_GENERIC_MOVERS = re.compile(rf"(?i){_BARE_MOVERS}\Z")
_REFERRED = re.compile(r"(?i)(?:was|were|been)\s+referred\Z")
_AUX_BEFORE = re.compile(r"(?i)(?:\s*,?\s*\b(?:has|have|had|also|later|then|since|already|now)\b)*\s*\Z")
# "people who had travelled to", "travellers who have visited": a bare plural and a relative clause, the same.
_GENERIC_WHO = re.compile(rf"(?i){_BARE_MOVERS}(?:who|that)\s+(?:had\s+|have\s+|has\s+)?"
                          r"(?:(?:recently|all|also|previously|just)\s+)?\Z")


def untold_movement(text: str, sent: Sentence, clause: Clause, trig: Trigger) -> bool:
    """Whether a movement word tells no trip anyone made: an intention or a condition ("intends to travel to"),
    a price ("a round-trip fare of $205 from ..."), a kind of traveller ("people travelling to"), or something
    spreading ("the outbreak moved to").

    Journeys apply it to every movement trigger; the story context to every movement marker.
    """
    if _PRICE_AFTER.match(text, trig.end) or _SPREADS.search(text[clause.start:trig.start]):
        return True
    if _BARE_NOUN.match(trig.text) and _MODIFIER_AFTER.match(text, trig.end):
        return True
    if _service(text, sent, trig) or _NOT_YET.search(text, sent.start, trig.start):
        return True
    if _TAKEN_FROM.match(text, trig.start) and not _TO_AFTER.search(text, trig.end, clause.end) and not mover(
            text, sent, clause.start, trig.start, pronouns=True):
        return True  # "the blowers were taken from a truck": a theft; "two patients were taken from X to Y" travel
    if trig.text.lower().endswith("ing") and _GENERIC_MOVERS.search(text, max(sent.start, trig.start - 40),
                                                                   trig.start):
        return True
    aux = _AUX_BEFORE.search(text, clause.start, trig.start) if _REFERRED.match(trig.text) else None
    if aux is not None and not mover(text, sent, clause.start, aux.start(), pronouns=True):
        return True  # "The audit has been referred to the Attorney General's Office": a case file, not a patient
    if _GENERIC_WHO.search(text, max(sent.start, trig.start - 60), trig.start):
        return True  # "four cases, all in people who had travelled to the Congo": a kind of traveller
    return _unreal(text, sent, trig)


def _service(text: str, sent: Sentence, trig: Trigger) -> bool:
    """A trip told as a thing, not as anyone's: "the 6.5 hour trip from Amsterdam to Berlin includes stops" (a
    timetable: the trip noun is the subject of "includes", "takes", "costs"), "more than a flight from Kansas City
    to Dallas" (a comparison). Only the trip word itself is read so: "She took the trip from Lima to Cusco,
    which takes a day" keeps its "took"; and "The trip from Nairobi to Mombasa took the family two days" (past)
    stays someone's trip.
    """
    noun = TRIP_NOUN.match(text, trig.start)
    if noun and SERVICE.match(text, trig.start, sent.end):
        return True
    return bool((noun or trig.text.lower().endswith("ing"))
                and _COMPARED.search(text, max(sent.start, trig.start - 40), trig.start))


def _unreal(text: str, sent: Sentence, trig: Trigger) -> bool:
    """An intention or a condition governs the movement verb: "intends to travel to", "if they were deported to".

    The nearest such word before the verb counts only with no clause break between ("He intends to travel to
    Hawaii and drive to Florida": both verbs); a stated future ("will travel to") is a trip. With another
    verb between, only a verb coordinated with it is governed ("migrants hoping to reach Italy left Libya":
    they did leave).
    """
    hits = list(_UNREAL.finditer(text, max(sent.start, trig.start - 120), trig.start))
    last = hits[-1] if hits else None
    if last is None:
        return False
    if _UNREAL_DIRECT.fullmatch(text, last.end(), trig.start):
        return True  # "intends to travel", "if they were deported", "could fly"
    # "... and drive to Florida": coordinated with the verb the intention governs, which comes first.
    first = min((t.start for c in sent.clauses for t in c.triggers if last.end() < t.start < trig.start), default=None)
    return bool(first is not None and _UNREAL_DIRECT.fullmatch(text, last.end(), first)
                and _UNREAL_GAP.fullmatch(text, last.end(), trig.start)
                and _COORDINATED_VERB.search(text, last.end(), trig.start))


def mover(text: str, sent: Sentence, start: int, end: int, pronouns: bool = False) -> bool:
    """Whether the noun phrase ending at ``end`` (read from ``start``) names someone or something that travels: its
    last word is a person's or a group's head ("two ministers", "a team of experts", "1,000 troops"), a personal
    object pronoun ("him"; any personal pronoun with ``pronouns``: a subject that refers back), or a name that is
    none of the document's places ("Foreign Minister X and Intelligence Chief Y", "the USS Nimitz"). "a letter",
    "money", "the blowers" are no movers."""
    last = _LAST_WORD.search(text, start, end) if end > start else None
    if last is None:
        return False
    word = last.group(1)
    low = word.lower()
    if low in _MOVERS or (low in _PERSONAL and (pronouns or low in _OBJECT_PERSONAL)):
        return True
    return word[0].isupper() and low not in _NOT_NAMES and not any(
        m.start <= last.start(1) < m.end for m in sent.mentions)
