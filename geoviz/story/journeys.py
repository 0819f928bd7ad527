"""Journeys: who went where, stop by stop, from the movement language of an article.

:func:`extract_journeys` reads a :class:`~geoviz.story.context.StoryContext`
and returns one :class:`~geoviz.model.Route` per traveller with two stops or
more, legs computed (geoviz.geo.geodesy.build_legs). The rules:

* a movement verb ("left", "flew to", "arrived in", "crossed into") puts its
  origin ("from X", "left X") and destinations on the route; presence ("she
  was in X") adds a stop only to a journey already under way;
* a stop is dated by the action at the same place in the sentence (the
  shared reading's date), else by a date in its own clause; dated stops are
  ordered by date, undated ones keep their narrated place;
* a mode ("by train", "flew", "aboard the ferry") is the mode of the leg
  that reaches the stop; a mode stated at the origin ("left Ottawa by
  plane") carries to the next stop;
* a "for Y" destination ("left Amman for Baghdad") is where the traveller
  meant to go: it closes the route, flagged ``implied`` ("stated
  destination"), unless reached later in the text (that stop stands) or
  contradicted by a return (dropped);
* a country stop gives way to a more specific stop inside it ("Russia" ->
  "Khasan") or to its crossing point ("into Iraq near Ruwaished");
* travellers are told apart by name words, then by role or class ("the
  minister" = "the foreign minister", "the trucks" = "a convoy"); an
  indefinite description ("a second convoy") is someone new;
* a traveller whose home country the text states ("North Korea's leader Kim",
  "the Chilean president") and who went abroad starts from its capital,
  flagged ``implied`` with the rule that added it; the legs from it are
  ``implied`` too and never count in the route's distance;
* no trip is told by an intention or a condition ("intends to travel to"), a
  list under one verb in no stated order, a timetable ("the trip from A to B
  includes stops in"), or something spreading ("the outbreak moved to");
* an origin the text states indirectly is read: "the visit started in X",
  where the mover lived before a move ("a life in Charlotte ... moved to"),
  a site left by its kind ("left the camp": the town an earlier sentence put
  it in), "from the crash site near X", "moved here" (the dateline);
* a chain told without verbs continues a movement: "moved to A, before
  switching to B, and then finally their bungalow in C", "then on to D";
  a home or a custody told after a trip ended ("Their first home was a flat
  in E", "is being held in the jail in F") starts the next one;
* the rest of a set of vehicles or groups ("One bus left the camp ... Others
  are set to carry migrants to G") sets out from where the one told first
  did; a chase runs from where it began to where it ended or its quarry was
  caught; two names joined by a slash ("the H/I area") are one stop;
* outbreak reports, travel writing and international news (the held-out kinds): where an illness began
  ("developed symptoms in J ... and travelled to K", "fell ill near J. ... he travelled to K"), where a
  relative clause's mover is from ("a farm worker from J who travelled to K"), a return to a place the
  sentence named first ("a resident of J, travelled to K and returned to J"), a fronted place ("From J, the
  team drove", "Leaving J,", "In J we hired a driver for a day trip to K", "from there") and where a vehicle
  was boarded start a trip; "flew in from J" after an arrival is its origin; a path told after the goal
  ("to K via J") comes first; a participle trip cut short ("a tanker sailing from J to K was seized") reaches
  K only as a goal; a vehicle carrying "us" moves the narrator; two stated starts in a row tell no leg;
* travel writing and aid news: a vehicle taken ("caught the catamaran to", "took a tuk-tuk": any one-word vehicle
  of the mode lists), "coming down from J into K", a way followed ("followed the coast north to K"), a leg told in
  the past ("The longest leg was the last: from J to K"), goods moved ("moved food stocks from J to K":
  cargo_nouns) are trips; a halt ("with a stop at L", "stopping at L") comes before the goal; where a vehicle was
  collected starts the trip; "Our next stop, L," continues it; a return or a descent whose subject is no mover
  ("The show will return to San Diego", "Heavy rain came down from") and a place inside a crossed landmark's
  name ("over the Salang Pass") are no one's stop.

It never places a stop by guesswork: every stop is one of the document's
places, or, for an implied origin, the capital the caller's ``capital_of``
supplies. It does not find events (geoviz.story.events) and does not open a
gazetteer.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from geoviz.geo.geodesy import build_legs
from geoviz.model import MOVEMENT_TYPES, Document, Entry, Place, Route, Span, Stop
from geoviz.nlp.dates import resolve_date
from geoviz.nlp.lexicon import alternation, alternation_of, entries, words
from geoviz.story.actors import HEAD_CLASS, NP, PERSON_HEADS, TITLES, Antecedents, head_key
from geoviz.story.context import Action, StoryContext, date_for, direct_object, place_for
from geoviz.story.reading import (
    NOT_VEHICLE_AFTER,
    POSSESSIVE_AFTER,
    VEHICLE_NOUNS,
    WINDOW,
    Clause,
    PlaceMention,
    Sentence,
    Trigger,
    dateline,
    words_pattern,
)
from geoviz.story.untold import SERVICE, TRIP_NOUN, mover, untold_movement

__all__ = ["CapitalOf", "extract_journeys", "route_places"]

#: The home capital of a country (ISO alpha-2), e.g. ``Gazetteer.capital``: the only gazetteer use here.
CapitalOf = Callable[[str], "Entry | None"]

#: A clause's mode words, tried in this order: the first mode it names is the leg's.
_MODE_PATTERNS = tuple((mode, words_pattern(alternation(f"mode_{mode}")))
                       for mode in ("train", "plane", "ship", "bus", "car", "foot"))
_DEST_PREPS = entries("destination_prepositions")
_ORIGIN_VERB = re.compile(r"(?i)board|embark|set\s+sail")
_RETURN_VERB = re.compile(r"(?i)return|back")
_AT_VERB = re.compile(r"(?i)visit|tour|landed|stop|docked|docking|docks|berthed|called|put|made|came|were|was")
# "she was in Addis Ababa", "the delegation was already at the Kremlin": presence, weaker than movement.
_PRESENCE = re.compile(r"(?i)\b(?:was|were)\s+(?:(?:already|still|back|then|later|now|briefly)\s+)?(?:in|at)\s+"
                       r"(?:the\s+)?")
# "North Korea's leader Kim Jong Un", "French foreign minister Marie Dubois".
_LEADER_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:de\s+facto|supreme|top|new|long-?time|veteran)\s+)?"
    r"(?i:leader|president|prime\s+minister|premier|king|queen|chancellor|emir|sultan|head\s+of\s+state|"
    r"(?:foreign|defen[cs]e|trade|finance|interior)\s+minister|minister|envoy)\s*,?\s+"
    r"((?:[A-Z][\w'’.-]{0,30}\s+){0,3}[A-Z][\w'’.-]{0,30})")
# "The Chilean president", "Peru's foreign minister": a role with no name.
_ROLE_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:foreign|defen[cs]e|trade|finance|interior|prime|deputy)\s+)?(?:president|"
                         r"minister|chancellor|premier|king|queen|leader|envoy|monarch|emir|sultan|delegation)"
                         r"(?![\w'’-])(?!\s+[A-Z])")
# "to the town", "back to the city": a place named before, by its kind (not "to the town of X", not "the town hall").
_TO_THE_PLACE = re.compile(r"(?i)\b(?:to|into|reached|for)\s+the\s+(town|city|village|capital|port|island)\b"
                           r"(?!\s+(?:of|hall|centre|center|council|square|limits)\b|['’])")
_KIND_OF_HEAD = {"town": ("populated place",), "city": ("populated place",), "village": ("populated place",),
                 "capital": ("populated place",), "port": ("populated place", "port"),
                 "island": ("island", "populated place")}
# "left his church in", "left the camp at": a short object, then where it is.
_OBJECT_IN = re.compile(r"\s+(?:(?:his|her|their|its|the|a|an)\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:in|at|near)\s+"
                        r"(?:the\s+)?")
# "..., before switching to Bradford", "and then finally their bungalow in Skipton": a next stop with no verb.
_CHAIN_LEAD = re.compile(r"(?i)\s*(?:(?:and|but)\s+)?(?:(?:then|later|finally|eventually|subsequently|afterwards|"
                         r"before|next)\s+){1,3}")
_CHAIN_VERB = alternation("chain_verbs")
# "Our last ferry took us to Dubrovnik": a vehicle carrying the narrator moves the narrator's journey on.
_CARRIED_NARRATOR = re.compile(r"(?i)\s(?:us|me)\Z")
_CHAIN_MODE = alternation_of([w for mode, _rx in _MODE_PATTERNS for w in entries(f"mode_{mode}")])
# "then a minibus on to Kutaisi", "then south to Zagora", "before switching to Bradford"
_CHAIN_TO = re.compile(rf"(?i)(?:(?:(?:a|an|the|by)\s+)?(?:[\w-]+\s+){{0,2}}?{_CHAIN_MODE}\s+)?(?:{_CHAIN_VERB}\s+)?"
                       r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?)?\s+)?(?:(?:on|back|over)\s+)?"
                       r"(?:to|into)\s+(?:the\s+)?")
_CHAIN_IN = re.compile(rf"(?i){_CHAIN_VERB}\s+(?:in|at)\s+(?:the\s+)?")
_CHAIN_HOME = re.compile(r"(?i)(?:to\s+)?(?:a|an|the|his|her|their|its|our)\s+(?:[\w'’-]+\s+){1,3}(?:in|at)\s+"
                         r"(?:the\s+)?")
# ... and nothing after the place but a date or a mode: "and later his business in Bradford grew" is no stop.
_CHAIN_TAIL = re.compile(r"(?i)(?:\s+(?:in|on|by|during|last|this|next)\s+[\w'’-]+(?:\s+\d{4})?)?[\s.,;:!?\"'”’)]*")
_THEN = re.compile(r"(?i)\b(?:then|finally)\b")
_CHAIN_AT = re.compile(r"(?i)(?:in|at)\s+(?:the\s+)?")
_BEFORE_ONLY = re.compile(r"(?i)\s*before\s+\Z")
# "One bus", "One of the planes": a traveller that is one of a set.
_ONE_OF = re.compile(r"(?i)one\s+(?:of\s+)?(?:the\s+)?[a-z]")
_PARALLEL_SUBJECT = re.compile(rf"(?i)\s*(?:(?:and|but|meanwhile),?\s+)?((?:{alternation('parallel_subjects')}))\b")
# "Another bus": the noun that says what the rest are (not a verb: "Another headed", "Others are").
_PARALLEL_NOUN = re.compile(r"\s+(?!(?:are|is|were|was|will|would|may|might|can|could|should|shall|must|have|has|had|"
                            r"did|do|does|also|then|later|soon|set|to)\b)([a-z][a-z-]*)\b(?<!ed)(?<!ing)")
# "Others may fly to", "another could leave for": a possibility or an intention tells no trip.
_PARALLEL_UNREAL = re.compile(rf"(?i)\b(?:{alternation('journey_unreal')}|may)\b")
_PARALLEL_REACH = 2  # sentences after the first traveller's last stop
_CARRY_VERB = re.compile(rf"(?i)\b(?:carry|carries|{alternation('carrying_verbs')})\b")
# "a car chase that began in A", "the pursuit started at A"; "... ended in B", "the driver was caught in the area of B".
_CHASE_WORDS = entries("chase_nouns")
_CHASE_BEGAN = re.compile(rf"(?i)\b(?:{alternation('chase_nouns', plural=True)})\s+(?:(?:that|which)\s+)?"
                          r"(?:had\s+)?(?:began|begun|begins|started|starts|starting|beginning)\s+(?:in|at|near)\s+"
                          r"(?:the\s+)?")
_CHASE_ENDED = re.compile(r"(?i)\b(?:ended|ends|ending|finished|came\s+to\s+an\s+end|(?:was|were)\s+"
                          r"(?:(?:later|eventually|finally|then|soon)\s+)?(?:caught|arrested|stopped|apprehended|"
                          r"captured|cornered|detained|taken\s+into\s+custody))\s+(?:in|at|near)\s+"
                          r"(?:the\s+(?:area|vicinity|outskirts)\s+of\s+|the\s+)?")
_CHASE_REACH = 3  # sentences after the chase began
_CHASED_GAP = re.compile(r"(?:\s+of\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w'’-]+)?"
                         r"(?:\s*,\s*(?:who|which|that))?\s+")
_SLASH_JOINED = re.compile(r"(?i)\b(to|into|in|at)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}[\w'’.-]+/\Z")
# "a flight", "each trip": a trip told as a thing, with no one's possessive before it.
_GENERIC_TRIP = re.compile(r"(?i)\b(?:a|an|each|every)\s+(?:[\w.-]+\s+){0,2}\Z")
# "Our trip began in Lisbon", "her first visit to the region started in Sharm": where a journey starts is its origin.
_BEGAN = re.compile(r"(?:\s+to\s+(?:the\s+)?[\w'’-]+)?\s+(?:began|begins|started|starts|had\s+begun|had\s+started)"
                    r"\s+(?:in|at)\s+(?:the\s+)?")
# "An oil tanker sailing from Basra to Singapore was seized", "a bus travelling to Gulu overturned": a trip told by a
# participle on its traveller, then stopped by the sentence's own verb.
_PARTICIPLE_TRIP = re.compile(r"(?i)^\w+ing$")
_INTERRUPTED = re.compile(rf"(?i)\b(?:was|were|has\s+been|have\s+been|had\s+been)?\s*"
                          rf"(?:{alternation('interrupting_verbs')})\b")
_FRONTED = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?")
_FRONTED_FROM = re.compile(r"\s*(?:From|Leaving|Departing(?:\s+from)?|After\s+leaving)\s+(?:the\s+)?")
_FROM_THERE = re.compile(r"(?i)\s*\bfrom\s+there\b")
_FRONTED_TAIL = re.compile(r"\s*,?\s*")
_FRONTED_SUBJECT = re.compile(r",?\s+(?:we|I|he|she|they)\s", re.IGNORECASE)
_ARRIVAL_WORDS = words("trigger_arrival")
_WHO_AFTER = re.compile(r"(?i)\s*,?\s*who\s+(?:(?:had|has|have|then|later|also|recently|first)\s+){0,2}")
_ORIGIN_PREP = re.compile(r"from\Z")
_GOAL_PREPS = ("to", "into", "onto", "toward", "towards")
# "He crossed the border at Malaba": the place of a crossing, passed on the way (the words between the verb and
# the place).
_CROSSED_AT_RX = (rf"\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:{alternation('crossing_points')})\s+(?:at|in)\s+"
                  r"(?:the\s+)?")
_CROSSED_AT = re.compile(_CROSSED_AT_RX, re.IGNORECASE)
_CROSSING_VERB = re.compile(r"(?i)cross(?:ed|es|ing)?\Z")
# "Split is a city built ...": a sentence that opens by describing a place; "we"/"I": the narrator of travel writing.
_DESCRIBED = re.compile(r"\s+is\s+(?:a|an)\s")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|I)\b")
# "took a boat to the reed islands and spent a night with a family on X island": a stay the same subject makes at
# the end of the movement is where it went (the verb coordinated with the movement, a night or a day at most).
_STAYED_AFTER = re.compile(r"(?i)\band\s+(?:then\s+)?spent\s+(?:a|the|one|two|three|four|five|several|a\s+few)\s+"
                           r"(?:[\w-]+\s+)?(?:nights?|days?)\s+(?:[^\s,;:.!?()]+\s+){0,4}?(?:in|at|on)\s+(?:the\s+)?\Z")
_CROSSED_BEFORE = re.compile(rf"\bcross(?:ed|es|ing)?{_CROSSED_AT_RX}\Z", re.IGNORECASE)
_PATH_PREPS = ("via", "across", "over", "through")
# "flew in from Brisbane", "had driven up from Cairns": where the traveller came from to the place just told.
_IN_FROM = re.compile(r"(?i)\s+(?:in|up|down|over)\s+from\s+(?:the\s+)?")
# "will travel to", "is to make an official visit to", "is scheduled to arrive in": a stated future trip.
_FUTURE = re.compile(r"(?i)\b(?:will|shall|['’]ll|(?:is|are)\s+(?:(?:set|scheduled|due|expected|going|about)\s+)?to)"
                     r"\s+(?:[\w'’-]+\s+){0,3}?\Z")
_PAST_FORMS = words("past_movement_verbs")
# "their first home together was a cottage in Dewsbury", "is being held in the jail in": where the traveller was.
# ("home" only as the subject of "was": "his home race at Thruxton" is no residence)
_LATER_HOME = rf"homes?\s+(?:together\s+)?(?:was|were|had\s+been)|{alternation('custody_words')}"
_RESIDENCE = re.compile(rf"(?i)\b(?:{alternation('residence_words')}|{_LATER_HOME})\b"
                        r"(?:\s+[^\s,;:.!?()]+){0,8}?\s+(?:in|at)\s+(?:the\s+)?\Z")
# A stay that can follow a trip ("Their first home was a flat in Leeds", "is being held in the jail in"), not
# one before any trip ("grew up in", "was born in"): told after a trip ended, it starts the next one.
# (custody only with its site: "talks were held in Geneva" keeps no one there)
_STAY_AFTER = re.compile(rf"(?i)\b(?:homes?\s+(?:together\s+)?(?:was|were|had\s+been)|"
                         rf"{alternation('custody_words')}(?:\s+[^\s,;:.!?()]+){{0,6}}?\s+"
                         rf"{alternation('custody_places', plural=True)})\b"
                         r"(?:\s+[^\s,;:.!?()]+){0,8}?\s+(?:in|at)\s+(?:the\s+)?\Z")
_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")
_SITE_THEN_TOWN = re.compile(r"(?:\s+[A-Z][\w'’.&-]*){1,4}\s+(?:in|at)\s+(?:the\s+)?")  # "... County Jail in "
_ALONG = re.compile(r"(?i)\b(?:north|south|east|west|along|via|then|on\s+to|onwards?|next|later|finally)\b")
# "samples were flown", "and the bodies were taken": a passive's plain noun subject.
_PASSIVE_SUBJECT = re.compile(r"(?i)(?:(?:the|some|all|its|their|his|her|these|those)\s+)?"
                              r"(?!(?:and|but|or|nor|then|also|later|so|yet)\b)([a-z][\w-]*)\s+"
                              r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?\Z")
_NOT_SUBJECTS = words("referring_subjects")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|been|being|get|gets|got)\s+(?:\w+ly\s+)?\Z")
# Where the hurt are taken ("drove to USMD Medical Center in"), and the happenings that hurt them.
_CARE_SITE = re.compile(rf"(?i)\b(?:{alternation('care_places')})\b")
_CARE_GAP = 60
_HURT_TYPES = ("crime", "accident", "military", "disaster")
# "... from Leeds in May and drove": a time phrase, then "and" right before the movement verb.
_AND_THEN = re.compile(r"(?i)(?:\s+(?:in|on|at|last|early|late)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
                       r",?\s+and\s+(?:then\s+)?")
_ONSET_BEFORE = re.compile(rf"(?i)\b(?:{alternation('illness_onsets')})\s+(?:(?:on|in|at)\s+[\w'’ -]{{0,20}}?\s+)?"
                           r"(?:in|at|near)\s+(?:the\s+|a\s+)?(?:(?:village|town|city|district|camp|settlement)\s+"
                           r"(?:of|near|outside)\s+)?\Z")
_FROM_SITE_BEFORE = re.compile(r"(?i)\bfrom\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'’-]+\s+){0,3}(?:in|at)\s+\Z")
_AUX_START = re.compile(r"(?i)(?:were|was|are|is|been|being)\s+")
# What may open a clause before its own subject ("and samples were flown"; not "along with X and the driver were").
_CLAUSE_LEAD = re.compile(r"(?i)\s*(?:(?:and|but|while|then|later|meanwhile)\b[\s,]*)?")
# "left the camp", "left the hospital": a site named by its kind; the noun must be a word of its own.
_LEFT_THE = re.compile(r"\s+the\s+([a-z]{4,})\b")
_SITE_REACH = 6  # sentences back to where the site was put (a photo caption and a false break at "U.S." count too)
_SITE_GAP = 40
_WIDE_KINDS = ("country", "admin1", "region", "sea")
_LOCATOR = re.compile(r"(?:,|\s+in)\s+(?:the\s+)?")
_DISEASE_NAME = re.compile(rf"(?i){alternation('trigger_disease')}")
# "arrived in Paris after a long flight from Auckland": the flight came first.
_AFTER_TRIP = re.compile(r"(?i)\bafter\s+(?:(?:a|an|the|his|her|their|its|our)\s+)?(?:[\w-]+\s+){0,2}?\Z")
_HERE = re.compile(r"(?i)\s+(?:back\s+)?here\b")
_VERB_FORM = re.compile(r"(?i)(?:ed|ing)\Z")
_RELOCATION = re.compile(r"(?i)mov|relocat|emigrat|immigrat|migrat|return|back|fle[de]|escap|deport|extradit")
_REROUTE = re.compile(r"(?i)rerout|divert|redirect")
# "visit", "the trip": a movement told as a noun ("The visit coincides with the convention in Louisville").
_NOUN_BEFORE = re.compile(r"(?i)(?:\b(?:a|an|the|his|her|their|its|our|this|that|first|second|next|last)|['’]s)"
                          r"\s+(?:[\w'’-]+\s+){0,2}\Z")
_NOUN_REACH = 30
_OWN_PREP_GAP = 5  # "called at the port of": a trigger ending in its preposition names its place at once
_LIVED_REACH = 3  # sentences back to where a mover lived
#: Kinds too wide to be a stop of a route that names narrower places.
_REGION_KINDS = ("region",)
# "picking up several students in the vicinity of X", "are dropped off first in Woodstock": a stop of the vehicle
# under way, told by what it does there; the riders named are not the traveller.
_STOP_VERB = re.compile(rf"(?i)\b{alternation('journey_stop_verbs')}\b(?:\s+[^\s,;:.!?()]+){{0,8}}?"
                        r"\s+(?:in|at)\s+(?:the\s+(?:vicinity|area|centre|center)\s+of\s+(?:the\s+)?|the\s+)?")
# "the driving tour visited the chapel in X, the society in Y and the temple in Z": a tour's sites, in its order.
_TOUR = re.compile(rf"(?i)\b{alternation('tour_nouns')}\b")
_TOUR_VISIT = re.compile(r"(?i)visit|tour|stopp")
_LISTED_SITE = re.compile(r"(?i)\s*(?:(?:and|then|finally|,)\s+)*(?:(?:the|a|an|its|one\s+of)\s+)?"
                          r"[^,;:.!?()]{1,80}?\s+(?:in|at)\s+(?:the\s+)?\Z")
_COLON_AFTER = re.compile(r"\s*:")
# "past the crusader castle at Kerak, where we stopped for lunch": a halt told after the place, in a relative clause
# whose subject is a traveller pronoun; the place is a stop of the journey under way, like "stopped at X".
_WHERE_HALTED = re.compile(rf"\s*,\s*where\s+(?:{alternation('personal_pronouns')})\s+(?:then\s+|briefly\s+)?"
                           rf"({alternation('halts_after_where')})\b", re.IGNORECASE)
# "Our next stop was Salamanca": a stop of the journey under way, told with no verb of movement.
_NEXT_STOP = re.compile(r"(?i)\b(?:next|first|second|third|last|final)\s+stop"
                        r"(?:\s+(?:was|is|will\s+be|would\s+be)\s+|\s*,\s*)"  # ("Our next stop, Arequipa,")
                        r"(?:the\s+(?:\w+\s+)?(?:town|city|village|port|island)\s+of\s+)?")
# "We began our trip in Lisbon", "started the tour at": where the trip starts is its origin.
_STARTS_TRIP = re.compile(r"(?i)\b(?:began|begin|begins|beginning|started|start|starts|starting)\s+"
                          r"(?:our|his|her|their|its|the|a|an)\s+(?:[\w-]+\s+)?\Z")
# "... and will end the trip in Dakar", "ended his visit in Erbil": where the trip ends is its last stop.
_ENDS_TRIP = re.compile(r"(?i)\b(?:ended|end|ends|ending|finished|finish|finishes|concluded|concludes|conclude|"
                        r"wrapped\s+up|wraps\s+up|wrap\s+up)\s+(?:our|his|her|their|its|the|a|an)\s+(?:[\w-]+\s+)?\Z")
# "He began in Addis Ababa on Monday, moved on to Nairobi": a start told with no trip word, within a journey.
# "... and finished in Las Vegas": likewise its end.
_BEGAN_IN = re.compile(r"(?i)\b(?:began|begins|started|starts|ended|ends|finished|finishes)\s+(?:(?:off|out|up)\s+)?"
                       r"(?:in|at)\s+(?:the\s+)?")
# "Before leaving New Delhi, he said ...": a departure told after the arrival it led to.
_FRONTED_BEFORE = re.compile(r"(?i)\s*(?:shortly\s+|just\s+)?before\s+\Z")
# "flying from Amsterdam to Kuala Lumpur when it was shot down over Ukraine": another verb's place, not the trip's.
_WHEN_CLAUSE = re.compile(r"(?i)\b(?:when|while|until)\s+(?:it|he|she|they|the|its|his|her|their)\b")
# "Most later made their way to Tripoli": a bare quantifier is part of the group already moving, like a pronoun.
_PART_OF_GROUP = words("group_part_subjects")
_AGO = re.compile(r"(?i)\bago\b")
# "the truck stolen in Nashville", "a van that was stolen from Leeds": where the vehicle was taken from.
_VEHICLE = alternation("vehicle_words", plural=True)
_STOLEN_FROM = re.compile(rf"(?i)\b{_VEHICLE}\s+(?:(?:that|which)\s+)?(?:(?:was|were|had\s+been)\s+)?stolen\s+"
                          r"(?:from|in|at)\s+(?:the\s+)?")
# "Semi left in Niota", "the stolen car was found abandoned in Hove": where the same vehicle ended up.
_FOUND_IN = re.compile(rf"(?i)\b{_VEHICLE}\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:later\s+)?"
                       r"(?:found|recovered|abandoned|left|located|dumped|discovered)\s+(?:(?:abandoned|burned|"
                       r"burnt|wrecked|empty|parked)\s+)?(?:in|at|near)\s+(?:the\s+)?")
# "She had first been taken to Freetown": a movement told in the past perfect came before the one just told.
_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?:(?:first|already|earlier|initially|previously|originally)\s+)?"
                         r"(?:been\s+)?\Z")
# "an intercepted ship suspected of transporting explosives from Iran": where the carrier's load came from is
# where the carrier set out.
_CARRIED_FROM = re.compile(rf"(?i)\b{alternation('carrying_verbs')}\s+(?:[^\s,;:.!?()]+\s+){{0,4}}?from\s+"
                           r"(?:the\s+)?")
# What may stand between the carrier and its verb: "a ship, suspected of", "the truck, which was".
_CARRIER_GAP = re.compile(r"(?i)(?:\s*,)?(?:\s+(?:which|that|suspected|accused|believed|of|was|were|is|are|been|"
                          r"had|has|being|allegedly|reportedly|also))*\s+\Z")
_CARRIER_REACH = 60
# "Springfield City Council OKs ...": a local story's headline names its town by the town's own body.
_LOCAL_BODY_AFTER = re.compile(rf"(?i)\s+(?:(?:city|county|town|village|borough)\s+)?{alternation('local_bodies')}\b")
# "..., before the family moved to": what came earlier; "returned ... after practising in": likewise.
_BEFORE = re.compile(r"(?i)\bbefore\b")
_AFTER = re.compile(r"(?i)\bafter\s+(?:[\w'’-]+\s+){0,4}?(?:in|at|near)\s+(?:the\s+)?\Z")
_BEFORE_REACH = 160
# "After 30 years in Iran, the couple moved to Texas": the opening phrase says where they were.
_OPENS_AFTER = re.compile(r"(?i)\s*(?:after|having\s+(?:spent|stayed|lived|worked|been))\b")
_RUN_ON = re.compile(r"\w[.!?]['’\"“”]\w")
_ACRONYM = re.compile(r"[A-Z]{2,}s?")
_STREET_ENDS = words("street_ends")
# "to a hospital in", "to the PDQ Mart at": a site, then the named place it is in.
_TO_SITE_IN = re.compile(r"(?i)(?<![\w-])to\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'’.&-]+\s+){0,5}?"
                         r"(?:in|at)\s+(?:the\s+)?\Z")
# (not "from Iran to militants in Gaza": a destination between ends the site's name)
_FROM_SITE_IN = re.compile(r"(?i)(?<![\w-])from\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
                           r"(?:(?!(?:to|into|toward|towards)\b)[\w'’.&-]+\s+){0,5}?"
                           r"(?:in|at|near|outside)\s+(?:the\s+)?\Z")
# "to Carle Foundation Hospital, ": a named site, then its town after a comma.
_TO_NAMED_SITE = re.compile(r"(?<![\w-])to\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){1,5}[A-Z][\w'’.&-]*,\s+\Z")
_DET_BEFORE = re.compile(r"(?:[Tt]he|[Ii]ts|[Aa])\s+\Z")
_ROLE = re.compile(r"(?i)(prime minister|head of state|(?:foreign|defen[cs]e|trade|finance|interior) minister|leader|"
                   r"president|premier|king|queen|chancellor|emir|sultan|minister|envoy)")


def extract_journeys(ctx: StoryContext, capital_of: CapitalOf) -> list[Route]:
    """Journeys (>= 2 stops) from movement language, one per traveller, legs computed.

    ``capital_of(code)`` supplies the home capital for an implied origin
    (the pipeline passes the gazetteer's ``capital``; None means no origin is implied).
    """
    routes: list[Route] = []
    homes: list[tuple[str, str, Span]] | None = None
    starts = [sent.start for sent in ctx.sentences]
    for group in (trip for g in _group(_candidates(ctx)) for trip in _trips(g)):
        cands = _merge_duplicates(_refine_countries(_merge_duplicates(_stated_destinations(group)), starts))
        cands = _order_by_date(cands)
        cands = _left_from_return(ctx, cands)
        cands = _crossed_on_the_way(ctx, cands)
        if homes is None:
            homes = _homes(ctx)
        implied = _implied_origin(ctx.doc, cands, capital_of, homes) if cands else None
        if implied is not None and implied.place.id != cands[0].place.id:
            cands.insert(0, implied)
        if len(cands) < 2 or _service_only(ctx.text, cands):
            continue
        stops = [c.stop for c in cands]
        traveller = next((c.traveller for c in cands if c.traveller), None)
        if not _is_traveller(traveller):
            traveller = None  # the route stands; its label would name no one ("CSTs", "Marshall Street")
        routes.append(Route(id=f"r{len(routes) + 1}", stops=stops, legs=build_legs(stops), traveller=traveller))
    for parallel in _parallel_trips(ctx, routes):
        routes.append(Route(id=f"r{len(routes) + 1}", stops=parallel.stops, legs=parallel.legs,
                            traveller=parallel.traveller))
    chase = _chase(ctx, {s.place_id for r in routes for s in r.stops})
    if chase is not None:
        routes.append(Route(id=f"r{len(routes) + 1}", stops=chase.stops, legs=chase.legs, traveller=chase.traveller))
    stolen = _stolen_vehicle(ctx, {s.place_id for r in routes for s in r.stops})
    if stolen is not None:
        routes.append(Route(id=f"r{len(routes) + 1}", stops=stolen.stops, legs=stolen.legs,
                            traveller=stolen.traveller))
    return routes


# Travel writing and aid news: movements the shared triggers do not read (geoviz.story.reading), read here as
# trips of the clause. A vehicle taken ("caught the catamaran to", "took a tuk-tuk", "boarded a matatu"): any
# one-word vehicle noun of the mode lists, after a determiner ("took the early train", "hired a car"; not "took
# the view", "hired a driver"). "coming down from X into Y": a descent from one place into another. "moved food
# stocks from A to B": goods moved with no article before them are a shipment (an article is read already:
# "moved his company from"); only goods (cargo_nouns): "moved money from London" is no trip.
# The vehicle nouns, and what may not follow them ("the bus timetable"), are reading's: one list for both.
_VEHICLE_THING = re.compile(r"(?i)(?:took|takes|taking|caught|catches|boarded)\s+[^,;]*\Z")
_EXTRA_MOVES = re.compile(
    r"(?i)\b(?:(?:took|take|takes|taking|caught|catch|catches|catching|boarded|board|boards|boarding|rode|ride|"
    r"rides|riding|hired|chartered|(?:hopped|jumped|climbed|got)\s+(?:on|onto|into|aboard))\s+"
    r"(?:a|an|the|our|my|his|her|their|its|another|one)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{VEHICLE_NOUNS})(?![\w-])(?!{NOT_VEHICLE_AFTER})"
    r"|(?:came|come|comes|coming)\s+(?:back\s+)?(?:down|up|over|across)(?=\s+from\s)"
    r"|mov(?:ed|es|ing)\s+(?!(?:a|an|the|his|her|their|its|our|my|this|that|these|those|it|them|him|us|me|"
    r"here|there|back|on|in|out|up|down|away|to|into|from|and|or|quickly|north|south|east|west)\b)"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?{alternation('cargo_nouns')}\s+(?=from\s+[A-Z]))")
# "The longest leg was the last: nineteen hours from Da Nang to Saigon": a leg of the journey told in the past, its
# stated start and end after it ("the leg from A to B takes nine hours" is a timetable: no past tense, no trip).
_LEG_TRIP = re.compile(r"(?i)\b(?:the|our|my|this|that|its|their|his|her)\s+(?:(?:first|second|third|next|last|final|"
                       r"\w+est)\s+)?(leg|stretch|stage)\s+(?:of\s+(?:the|our|my|his|her|their)\s+[\w-]+\s+)?"
                       r"(?=(?:was|were)\b[^.;!?]{0,80}?\bfrom\s+(?-i:[A-Z])[^.;!?]{0,60}?\bto\s+(?-i:[A-Z]))")
# "and then followed the coast north to Swakopmund", "followed the river down to Kratie": a trip along a way (not
# "the highway follows the coast to Blenheim": a road, and only a mover follows it; see _thing_returns).
_FOLLOWED_WAY = re.compile(r"(?i)\bfollowed\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:coast|coastline|river|road|highway|valley|"
                           r"shore|shoreline|track|trail|railway|line|lake|border)(?=\s+(?:(?:north|south|east|west)"
                           r"(?:-?(?:east|west))?(?:wards?)?\s+|(?:up|down|back)\s+)*(?:to|into|towards?)\s)")
# "She will return to Accra on Friday", "is due to return to Nairobi": the bare verb after a modal or "to" (the shared
# triggers read "returned", "returns", "returning"); an arrival, like them. Not "a return to growth" (a noun).
_BARE_RETURN = re.compile(r"(?i)(?:(?<=\bwill\s)|(?<=\bshall\s)|(?<=['’]ll\s)|(?<=\bto\s)|(?<=\bwould\s)|"
                          r"(?<=\bthen\s)|(?<=\balso\s))return(?=\s+(?:home\s+)?(?:to|from)\s+(?:the\s+)?[A-Z])")
# "The exhibition returns to Sydney in May", "Flights will return to Abuja": a return whose subject is a thing, not
# a traveller, continues no one's journey (the subject's last word, auxiliaries and adverbs dropped).
_SUBJECT_TAIL = re.compile(r"(?i)(?:\s+(?:will|would|shall|is|are|was|were|has|have|had|be|been|due|set|expected|"
                           r"scheduled|going|to|then|later|also|finally|soon|eventually|never|not))*[\s,]*\Z")
# "We picked up our camper van at the depot near Christchurch airport ... and headed north": where the vehicle was
# collected is where the trip that follows set out (like "boarded the train at X").
_COLLECTED = re.compile(r"(?i)\b(?:picked\s+up|collected|hired|rented)\s+(?:a|an|the|our|my|his|her|their)\s+"
                        rf"(?:[\w-]+\s+){{0,2}}?(?:{VEHICLE_NOUNS}|camper\s+van|van)\s+"
                        r"(?:[^\s,;:.!?()]+\s+){0,4}?(?:at|in|near|from)\s+(?:the\s+)?\Z")
_COLLECTED_THEN = re.compile(r"[^.;:!?()]{0,60}?\s+and\s+(?:then\s+)?")
# "..., with a stop at Vinh", "stopping at Kos", "making a brief stopover in Doha": a halt on the way, passed before
# the goal told first.
_HALT = (r"(?:(?:with|after|making|made)\s+(?:a|an|one)\s+(?:(?:brief|short|quick|night['’]?s?|two-hour|one-night|"
         r"refuelling|refueling)\s+)?(?:stop|stopover|halt|layover)|stopping\s+(?:off|over|briefly)?)\s*(?:in|at)\s+"
         r"(?:the\s+)?")
_HALT_BEFORE = re.compile(rf"(?i)\b{_HALT}\Z")
_HALT_LEAD = re.compile(rf"(?i)\s*(?:and\s+)?{_HALT}")
_FOLLOWED = re.compile(r"(?i)followed\s")
_COME_VERB = re.compile(r"(?i)(?:came|come|comes|coming)\s+(?:back\s+)?(?:down|up|over|across)\b")
# (its words no preposition or clause word: "He ended the visit in Erbil before returning" has no such subject)
_NP_WORD = (r"(?!(?:in|at|on|to|into|from|near|before|after|of|for|with|by|and|or|but|when|while|then|until|since|"
            r"as|than|via)\b)")
_THING_NP = re.compile(rf"(?i)(?<![\w'’-])(?:the|a|an|this|that|these|those|its|their)\s+(?:{_NP_WORD}[\w'’-]+\s+)"
                       rf"{{0,3}}?{_NP_WORD}([a-z][\w'’-]*)\s*\Z")
# "Flights will return to", "Heavy rain came down from": a bare noun phrase opening the clause (not "We").
_BARE_PLURAL = re.compile(r"\s*(?:[A-Z][a-z]+s|(?:[A-Z][a-z'’-]*\s+)(?:[a-z][\w'’-]*\s+)?([a-z][\w'’-]*))\s*")
_NO_SUBJECT = re.compile(r"(?i)[\s,]*(?:and|but)\s*")
# "The show made its debut ...": a sentence's opening noun phrase, up to its verb.
_OPENING_NP = re.compile(r"\s*(?:The|A|An|This|That|These|Those|Its|Their)\s+(?:[\w'’-]+\s+){0,3}?([a-z][\w'’-]*)\s+"
                         r"(?=(?:has|have|had|was|were|is|are|will|would|can|could|made|makes|[a-z]+ed)\b)")

#: Each document-wide pattern with the words one of which it needs (lower case).
_GATED = ((_PRESENCE, ("was ", "were ")), (_STOP_VERB, tuple(entries("journey_stop_verbs"))),
          (_NEXT_STOP, ("stop",)), (_BEGAN_IN, ("began", "begins", "started", "starts", "ended", "ends", "finish")),
          (_CARRIED_FROM, tuple(entries("carrying_verbs"))))


def _chase(ctx: StoryContext, taken: set[str]) -> Route | None:
    """ "a car chase that began in Fresno ... ended in Modesto", "... the driver was caught in Modesto": a chase
    went from where it began to where it ended or its quarry was caught, within a few sentences.

    Only the first chase the text places, and only when the end is another place that neither holds the
    other ("caught in the area of a park in Leeds" after a chase that began there: no trip drawn), and
    no route already joins the two.
    """
    text = ctx.text
    low = text.lower()
    if not any(w in low for w in _CHASE_WORDS):
        return None  # most stories chase nobody: one cheap look first
    for sent in ctx.sentences:
        for hit in _CHASE_BEGAN.finditer(text, sent.start, sent.end):
            start = next((m for m in sent.mentions if m.start == hit.end() and m.usable), None)
            if start is None:
                continue
            for other in ctx.sentences[sent.index:sent.index + 1 + _CHASE_REACH]:
                for end_hit in _CHASE_ENDED.finditer(text, hit.end() if other is sent else other.start, other.end):
                    end = next((m for m in other.mentions if m.start == end_hit.end() and m.usable), None)
                    if end is None:
                        continue
                    if (end.place.id == start.place.id or _holds(end.place, start.place)
                            or _holds(start.place, end.place) or {start.place.id, end.place.id} <= taken):
                        return None
                    stops = [_stop(m.place, Span(m.start, m.end, text[m.start:m.end])) for m in (start, end)]
                    return Route(id="", stops=stops, legs=build_legs(stops),
                                 traveller=_chased(text, other, end_hit.start()))
            return None
    return None


def _chased(text: str, sent: Sentence, at: int) -> str | None:
    """Who was caught: the noun phrase right before "(, who) was caught", else None ("the chase ended in")."""
    found = None
    for np in NP.finditer(text, max(sent.start, at - _CARRIER_REACH), at):
        if _CHASED_GAP.fullmatch(text, np.end(), at):
            found = np
    return " ".join(found.group().split()) if found is not None else None


def _stolen_vehicle(ctx: StoryContext, taken: set[str]) -> Route | None:
    """ "Semi left in Niota ... it was the truck stolen in Nashville": a stolen vehicle went from where it was
    stolen to where it was found, whichever the text tells first. Only one theft place and one other find place
    in the story: with more, which vehicle went where is not told.
    """
    text = ctx.text
    if "stolen" not in text.lower():
        return None  # most stories steal nothing: one cheap look first
    thefts: list[tuple[PlaceMention, str]] = []
    finds: list[tuple[PlaceMention, str]] = []
    for sent in ctx.sentences:
        for rx, found in ((_STOLEN_FROM, thefts), (_FOUND_IN, finds)):
            for hit in rx.finditer(text, sent.start, sent.end):
                m = next((m for m in sent.mentions if m.start == hit.end() and m.usable), None)
                if m is not None and m.place.kind not in _WIDE_KINDS:
                    found.append((m, hit.group().split()[0]))
    origins = {m.place.id for m, _w in thefts}
    ends = {m.place.id for m, _w in finds} - origins
    if len(origins) != 1 or len(ends) != 1 or origins & taken or ends & taken:
        return None
    (start, vehicle), end = thefts[0], next(m for m, _w in finds if m.place.id in ends)
    stops = [_stop(m.place, Span(m.start, m.end, text[m.start:m.end])) for m in (start, end)]
    return Route(id="", stops=stops, legs=build_legs(stops), traveller=f"the {vehicle.lower()}")


def _parallel_trips(ctx: StoryContext, routes: list[Route]) -> list[Route]:
    """ "One truck left the depot at dawn en route to Gulu. Others are set to carry the families to Lira":
    the rest of a set ("others", "another") set out from where the one told first did, to a place of their own.

    Only after a route whose traveller is "one" of a set of vehicles or groups ("One bus", "One of the planes")
    and that states its origin, in the next sentences, opened by such a subject, with a movement or a carrying
    verb that no intention or condition governs ("Others may carry": none) and a "to"/"for" place that is
    neither the origin nor inside it. A place another route already stops at there is that route's.
    """
    text = ctx.text
    out: list[Route] = []
    spans = {(s.span.start, s.span.end) for r in routes for s in r.stops if s.span}
    starts = [sent.start for sent in ctx.sentences]
    for r in routes:
        first, last = r.stops[0], r.stops[-1]
        if not (r.traveller and _ONE_OF.match(r.traveller)) or first.implied or first.span is None or (
                last.span is None):
            continue
        # A set of vehicles or groups ("One bus", "One aid convoy") leaves from one place; people of a set ("One
        # of the suspects fled from Kano ... Another was flown to Lagos") may each set out from anywhere.
        np = NP.search(r.traveller)
        if np is None or head_key(np.group("head")) in PERSON_HEADS:
            continue
        origin = next((m.place for sent in ctx.sentences for m in sent.mentions
                       if m.start == first.span.start), None)
        at = bisect.bisect_right(starts, last.span.start) - 1
        for sent in ctx.sentences[at + 1:at + 1 + _PARALLEL_REACH]:
            subject = _PARALLEL_SUBJECT.match(text, sent.start)
            if subject is None or origin is None:
                continue
            leg = _parallel_leg(text, sent, subject.end(), origin, spans)
            if leg is not None:
                stops = [replace(first, date=None, date_label=None, mode=None), leg]
                noun = _PARALLEL_NOUN.match(text, subject.end())
                who = subject.group(1) + (noun.group() if noun else "")
                out.append(Route(id="", stops=stops, legs=build_legs(stops), traveller=" ".join(who.split())))
                spans.add((leg.span.start, leg.span.end) if leg.span else (-1, -1))
                break
    return out


def _parallel_leg(text: str, sent: Sentence, after: int, origin: Place, taken: set[tuple[int, int]]) -> Stop | None:
    """The stop a parallel traveller's sentence moves it to, or None (see _parallel_trips)."""
    for clause in sent.clauses:
        verbs = [t for t in clause.triggers if t.type in MOVEMENT_TYPES and t.start >= after]
        verbs += [Trigger("travel", hit.start(), hit.end(), hit.group())
                  for hit in _CARRY_VERB.finditer(text, max(after, clause.start), clause.end)]
        for trig in sorted(verbs, key=lambda t: t.start):
            if untold_movement(text, sent, clause, trig) or _PARALLEL_UNREAL.search(text, after, trig.start):
                continue
            m = next((m for m in sent.mentions if m.usable and trig.end <= m.start and m.end <= clause.end), None)
            if (m is None or m.prep not in ("to", "into", "for", "toward", "towards") or (m.start, m.end) in taken
                    or m.place.id == origin.id or _holds(m.place, origin) or _holds(origin, m.place)):
                continue
            return _stop(m.place, Span(m.start, m.end, text[m.start:m.end]))
    return None


def _service_only(text: str, cands: list[_Candidate]) -> bool:
    """ "more than a flight from Kansas City to Dallas", "each trip from Dover to Calais": a trip or flight that
    no one in the story takes is a service or a comparison, not a journey. ("The trip from Nairobi to Mombasa
    took the family two days" is someone's: a definite trip stays.)"""
    return all(c.traveller is None and c.segment >= 0 and _GENERIC_TRIP.search(text, max(0, c.segment - 30),
                                                                               c.segment)
               and TRIP_NOUN.match(text, c.segment) for c in cands)


def _trips(group: list[_Candidate]) -> list[list[_Candidate]]:
    """One traveller's stops cut into trips: a stated origin away from where the last trip ended starts another.

    "In May she flew from Oslo to Rome. In June she flew from Madrid to Lisbon" is two trips, not a leg
    Rome -> Madrid the text never tells.
    """
    trips: list[list[_Candidate]] = [[]]
    for c in _rerouted(group):
        cur = trips[-1]
        if c.lived and cur and not (c.stay and _told_after(c, cur[-1])):
            continue  # "fled to Turkey, ... later moved to Berlin": the trip is under way; it did not restart
        # ("... before heading on their honeymoon to Yarmouth. Their first home was a cottage in Leeds. They
        # moved to ...": where they lived is told after the last trip ended, so the move starts from there)
        if c.began and cur and not any(x.origin for x in cur):
            cur.insert(0, c)  # "Clinton's first visit to the region started in Sharm": the trip's start, told late
            continue
        if (c.origin and cur and cur[-1].origin and cur[-1].place.id != c.place.id and cur[-1].segment != c.segment
                and _ORIGIN_PREP.match(cur[-1].prep) and _ORIGIN_PREP.match(c.prep)):
            # "We took the bus from Hanoi to [a town the map lacks]. From Luang Prabang we took the boat": two
            # stated starts in a row, the first trip's end unnamed, tell no leg between them.
            trips.append([])
        elif (c.origin and cur and not cur[-1].origin and cur[-1].place.id != c.place.id
                and not _holds(cur[-1].place, c.place) and any(not x.origin for x in cur)):
            # ("visit Japan, where he is to meet the emperor in Tokyo, before travelling on to": Tokyo is where
            # the trip is, not a new start)
            trips.append([])
        elif cur and ((c.own_trip and not c.origin and cur[-1].segment != c.segment
                       # "left Tokyo on Sunday for a five-day tour of Asia", "arrived in Riyadh at the start of a
                       # three-day visit to the Gulf": the trip is the one the same sentence's movement began
                       and not (cur[-1].sentence == c.sentence and not cur[-1].own_trip
                                and (cur[-1].origin or cur[-1].verb.lower() in _ARRIVAL_WORDS)))
                      or (c.past and cur[-1].future)):
            # "a return trip to Saipan and a trip to Thailand": each indefinite trip is its own; "will travel to
            # Jeffersonville ... It landed on the beaches of Normandy": a past trip is not the next leg of a future one.
            trips.append([])
        trips[-1].append(c)
    return [t for t in trips if t]


def _left_from_return(ctx: StoryContext, cands: list[_Candidate]) -> list[_Candidate]:
    """ "a resident of Riyadh, travelled to Medina on 2 April and returned to Riyadh", "a man from Kisumu who
    travelled to Kampala and returned to Kisumu": a trip with no stated start that returns to a place the same
    sentence named before its first stop set out from there.

    Only a place named before the first stop counts: "flew to Paris, then Berlin, and returned to Madrid" states
    no start, and none is added.
    """
    if len(cands) < 2 or cands[0].origin or cands[0].stop.span is None or not 0 <= cands[0].sentence < len(
            ctx.sentences):
        return cands
    back = next((c for c in cands[1:] if c.returning and not c.origin and c.place.id != cands[0].place.id), None)
    if back is None:
        return cands
    first = cands[0].stop.span.start
    home = next((m for m in ctx.sentences[cands[0].sentence].mentions
                 if m.usable and m.place.id == back.place.id and m.end <= first), None)
    if home is None:
        return cands
    st = _stop(home.place, Span(home.start, home.end, ctx.text[home.start:home.end]))
    return [_Candidate(st, home.place, True, cands[0].traveller, home.prep, cands[0].segment,
                       sentence=cands[0].sentence)] + cands


def _crossed_on_the_way(ctx: StoryContext, cands: list[_Candidate]) -> list[_Candidate]:
    """ "drove from Kampala to Mombasa. He crossed the border at Malaba and was diagnosed in Mombasa": a crossing
    told after the trip, in a sentence that names the trip's goal again after it, was passed on the way there.

    Only when the goal comes back after the crossing: "flew to Nairobi. Later he crossed the border at Namanga"
    is a trip on from the goal.
    """
    out = list(cands)
    moved: set[int] = set()  # where a goal now stands after its crossing
    for i in range(1, len(out)):
        c, goal = out[i], out[i - 1]
        if (c.origin or goal.origin or c.stop.span is None or c.sentence <= goal.sentence
                or not 0 <= c.sentence < len(ctx.sentences)):
            continue
        sent = ctx.sentences[c.sentence]
        if not _CROSSED_BEFORE.search(ctx.text, max(sent.start, c.stop.span.start - 80), c.stop.span.start):
            continue
        if any(m.usable and m.place.id == goal.place.id and m.start > c.stop.span.end for m in sent.mentions):
            out[i - 1], out[i] = c, goal
            moved.add(i)
    # ("They crossed the river at X and reached Y": the goal reached again after the crossing is one stop)
    return [c for i, c in enumerate(out) if not (i in moved and i + 1 < len(out)
                                                 and out[i + 1].place.id == c.place.id and not out[i + 1].origin)]


def _told_after(c: _Candidate, last: _Candidate) -> bool:
    """Whether a stop's mention comes after the other's in the text."""
    return c.stop.span is not None and last.stop.span is not None and c.stop.span.start > last.stop.span.start


def _rerouted(group: list[_Candidate]) -> list[_Candidate]:
    """ "was headed to Bozeman but rerouted to Butte": the destination given up is no stop."""
    out: list[_Candidate] = []
    for c in group:
        if (_REROUTE.match(c.verb) and out and not out[-1].origin and out[-1].sentence == c.sentence
                and out[-1].segment != c.segment):
            out.pop()
        out.append(c)
    return out


def _is_traveller(name: str | None) -> bool:
    """A name or a noun phrase that can move: not a street ("Marshall Street"), not an acronym ("CSTs"), not
    two sentences run together ("Thomas.'Our")."""
    if not name:
        return False
    words = name.split()
    if _RUN_ON.search(name) or (len(words) == 1 and _ACRONYM.fullmatch(name)):
        return False
    return words[-1].lower().rstrip(".") not in _STREET_ENDS


def route_places(routes: list[Route], doc: Document,
                 lookup: Callable[[str], Entry | None] | None = None) -> list[Place]:
    """Places that routes stop at but the document does not hold (implied origins), as Place objects.

    ``lookup(id)`` (e.g. ``Gazetteer.get``) fills in kind and country.
    """
    known = {p.id for p in doc.places}
    extra: dict[str, Place] = {}
    for r in routes:
        for s in r.stops:
            if s.place_id not in known and s.place_id not in extra:
                entry = lookup(s.place_id) if lookup else None
                extra[s.place_id] = Place(id=s.place_id, name=s.name, lat=s.lat, lon=s.lon,
                                          kind=entry.kind if entry else "populated place",
                                          country=entry.country if entry else "", confidence=0.5,
                                          reason={"implied": s.reason}, entry_id=s.place_id,
                                          admin1=entry.admin1 if entry else "")
    return list(extra.values())


# --------------------------------------------------------------------------
# Stops, in text order
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    stop: Stop
    place: Place
    origin: bool
    traveller: str | None
    prep: str = ""
    segment: int = -1  # start of the movement verb that put the stop here
    stated: bool = False  # "left Amman for Baghdad": where the traveller meant to go, not a stop reached
    returning: bool = False  # "returned to Berlin": the trip's end
    weak: bool = False  # "she was in Addis Ababa": a stop only within a journey already under way
    verb: str = ""  # the movement words that put the stop here ("flew", "rerouted", "trip")
    sentence: int = -1
    own_trip: bool = False  # "a trip to Thailand": an indefinite trip is one trip of its own
    began: bool = False  # "the visit started in Sharm": the trip's origin, told after its other stops
    future: bool = False  # "will travel to Jeffersonville": a stated future trip
    past: bool = False  # "landed", "flew": told in the past tense
    lived: bool = False  # an origin read from where the mover lived ("grew up in Aleppo ... moved to Berlin")
    stay: bool = False  # ... from a stay that can follow a trip ("Their first home was a flat in Leeds")


def _candidates(ctx: StoryContext) -> list[_Candidate]:
    """Stops in text order, each with its date (from the action at the same place) and stated mode."""
    text = ctx.text
    by_sentence: dict[int, list[Action]] = {}
    for a in ctx.actions:
        by_sentence.setdefault(a.sentence.index, []).append(a)
    antecedents = Antecedents()
    modes: dict[tuple[int, int], str | None] = {}  # a clause's mode, asked per clause and again per sentence
    out: list[_Candidate] = []
    pending: str | None = None  # "left Ottawa by plane": the mode of the leg that follows
    prev: list[dt.date | None] = [None]  # the latest stop date: "the next day" leans on it
    earlier: list[PlaceMention] = []  # specific places named in earlier sentences: what "the town" means
    lived: set[int] = set()  # mentions taken as where a mover lived (see _lived_before)
    stays: set[int] = set()  # ... of them, a stay that can follow a trip (a home, a jail: see _STAY_AFTER)
    here: list[PlaceMention | None] | None = None  # the story's own place, found when "here" first asks
    # Each pattern runs once over the document, not once per clause: most clauses hold none of them.
    # A pattern whose words the text lacks is not run at all (a plain substring test is far cheaper).
    low = text.lower()
    patterns = [rx for rx, gate in _GATED if any(w in low for w in gate)]
    presence = sorted((hit.start(), hit.end(), hit.group()) for rx in patterns if rx is not _CARRIED_FROM
                      for hit in rx.finditer(text))
    carried = list(_CARRIED_FROM.finditer(text)) if _CARRIED_FROM in patterns else []
    # Each of the last three opens with a look-behind or \b, tried at every position: run only where the word
    # every match holds is in the text (a substring test, in C).
    extra = sorted([Trigger("travel", h.start(), h.end(), h.group()) for h in _EXTRA_MOVES.finditer(text)]
                   + ([Trigger("arrival", h.start(), h.end(), h.group()) for h in _BARE_RETURN.finditer(text)]
                      if "return" in low else [])
                   + ([Trigger("travel", h.start(1), h.end(1), h.group(1)) for h in _LEG_TRIP.finditer(text)]
                      if "leg" in low or "stretch" in low or "stage" in low else [])
                   + ([Trigger("travel", h.start(), h.end(), h.group()) for h in _FOLLOWED_WAY.finditer(text)]
                      if "followed" in low else []),
                   key=lambda t: t.start)
    for sent in ctx.sentences:
        sent_first = len(out)  # where this sentence's stops begin
        for clause in sent.clauses:
            clause = _with_extra_moves(clause, extra)
            moves = [t for t in clause.triggers if t.type in MOVEMENT_TYPES]
            pairs: list[tuple[Trigger, list[tuple[PlaceMention, bool]], bool]] = []
            for trig in moves:
                if untold_movement(text, sent, clause, trig) or _thing_returns(text, sent, clause, trig):
                    continue
                if _VEHICLE_THING.fullmatch(trig.text) and re.match(NOT_VEHICLE_AFTER, text[trig.end:trig.end + 20]):
                    continue  # "took the bus timetable from Leeds to York as its model"
                fallback = place_for(text, sent, clause, trig) if trig.type == "arrival" else None
                stops = _movement_stops(text, sent, clause, trig, fallback, earlier)
                if not stops:
                    stops = _interrupted_stops(text, sent, clause)
                if trig is moves[-1] and (trig.type != "departure" or any(not o for _m, o in stops)):
                    # ("left Paris, then Lyon" may say what was left; "fled to Chad, then Cameroon" is a chain)
                    stops += _chained_stops(text, sent, clause, trig, {m.start for m, _o in stops})
                    stops = _halt_after(text, sent, clause, stops)
                if not stops and trig.type == "travel":
                    stops = _collected_at(text, sent, trig)
                if stops and not any(origin for _m, origin in stops):
                    took = _taken_from_then(text, sent, trig, {m.place.id for m, _o in stops})
                    if took is None:
                        took = _from_who(text, sent, trig, {m.place.id for m, _o in stops})
                    if (took is None and trig.type == "travel" and sent.index > 0
                            and clause.start == sent.clauses[0].start):
                        took = _fell_ill_before(text, ctx.sentences[sent.index - 1], {m.place.id for m, _o in stops})
                    if (took is None and not out and sent.index > 0
                            and _FIRST_PERSON.search(text, sent.start, trig.start)):
                        took = _described_before(text, ctx.sentences[sent.index - 1], {m.place.id for m, _o in stops})
                    stops = [(took, True)] + stops if took is not None else stops
                if stops and not any(origin for _m, origin in stops):
                    hurt = _hurt_at(ctx.actions, text, trig, stops[0][0], out, sent)
                    stops = [(hurt, True)] + stops if hurt is not None else stops
                if not any(not origin for _m, origin in stops):
                    back = _named_earlier(text, sent, clause, trig, earlier, {m.place.id for m, _o in stops})
                    if back is None and _HERE.match(text, trig.end):
                        if here is None:
                            here = [_story_place(ctx)]
                        back = here[0]  # "The plant moved here from Boston": here is where the story is
                    stops += [(back, False)] if back is not None else []
                if trig is moves[-1] and _TOUR_VISIT.match(trig.text) and _TOUR.search(text, sent.start, sent.end):
                    stops += _tour_sites(text, sent, clause, {m.start for m, _o in stops})
                if trig.type == "departure" and not any(origin for _m, origin in stops):
                    site = _site_named_earlier(text, ctx.sentences, sent, trig, {m.place.id for m, _o in stops})
                    stops = [(site, True)] + stops if site is not None else stops
                if stops and not any(origin for _m, origin in stops) and _RELOCATION.match(trig.text):
                    home = _lived_before(text, ctx.sentences, sent, trig, {m.place.id for m, _o in stops})
                    if home is not None and not _holds(stops[0][0].place, home.place):
                        stops = [(home, True)] + stops
                        lived.add(home.start)
                        if _STAY_AFTER.search(text, max(0, home.start - 90), home.start):
                            stays.add(home.start)
                pairs.append((trig, stops, False))
            if not moves and not _long_before(text, sent, clause):
                pairs = [(trig, [(m, False)], True) for m, trig in _presence_stops(text, sent, clause, presence)]
            for carrier, m in _carried_from(text, sent, clause, carried):
                st = _stop(m.place, Span(m.start, m.end, text[m.start:m.end]))
                out.append(_Candidate(st, m.place, True, carrier, m.prep, m.start, verb="carried",
                                      sentence=sent.index))
            # The mode words are read only where a stop was found (most clauses move nobody).
            mode = (_clause_mode(text, clause, modes) or _spare_mode(text, sent, modes)) if pairs else None
            for trig, stops, weak in pairs:
                # "students are dropped off in Woodstock": the riders are not the vehicle; the route under way goes on.
                # ("surveillance teams picked up 14 more cases in Butembo": an active subject is who acts there)
                riders = _STOP_VERB.match(trig.text) and _PASSIVE_BEFORE.search(text, max(sent.start, trig.start - 30),
                                                                                 trig.start)
                actors = ([] if weak and (riders or _NEXT_STOP.match(trig.text))
                          else ctx.actors.of(sent, clause, trig, antecedents))
                if _CARRIED_NARRATOR.search(trig.text):
                    actors = []  # "another catamaran carried us to Korcula": we travel on, not the boat
                if actors and actors[0].lower() in _PART_OF_GROUP:
                    actors = []  # "Most later made their way to Tripoli": the group already under way
                if not actors and SERVICE.search(text, sent.start, sent.end):
                    continue  # "the trip from Amsterdam to Berlin includes stops in ...": a timetable
                # "A team arrived in Malabo, and samples were flown to Dakar": a passive's subject of its own,
                # however plain, is who moved; the sentence's first subject (the team) is not.
                # (a trigger may hold its own auxiliary: "were sent to", "was later transferred")
                aux = _AUX_START.match(text, trig.start)
                own_subject = _PASSIVE_SUBJECT.search(text, clause.start, aux.end() if aux else trig.start)
                if (own_subject and own_subject.group(1).lower() not in _NOT_SUBJECTS
                        and _CLAUSE_LEAD.fullmatch(text, clause.start, own_subject.start())
                        and not (actors and actors[0] in text[clause.start:trig.start])):
                    actors = [" ".join(own_subject.group(0).split()[:-1])]
                if actors and _object_of_earlier_verb(text, clause, trig, actors[0]):
                    actors = []  # "where I visited the Gelati monastery before flying home": no traveller named
                tense = _tense(text, clause, trig)
                own = bool(TRIP_NOUN.match(text, trig.start)
                           and _GENERIC_TRIP.search(text, max(sent.start, trig.start - 30), trig.start))
                # "arrived in Paris after a long flight from Auckland via Singapore": the flight's stops come first.
                flashback = bool(TRIP_NOUN.match(text, trig.start)
                                 and _AFTER_TRIP.search(text, max(sent.start, trig.start - 40), trig.start))
                at = sent_first if flashback else len(out)
                if not flashback and ((_PLUPERFECT.search(text, max(sent.start, trig.start - 40), trig.start)
                                       and not any(origin for _m, origin in stops))
                                      or (trig.type == "departure" and _FRONTED_BEFORE.fullmatch(text, sent.start,
                                                                                                  trig.start))):
                    # "was evacuated to London ... She had first been taken to Freetown": before the stop just told.
                    at = _before_last_stop(out, at)
                    if not actors and at < len(out) and out[at].traveller:
                        actors = [out[at].traveller]  # "She had first been taken": the traveller just told
                # "a tanker sailing from Basra to Singapore was seized": where it was going, not where it got
                # ("The hijacked bulk carrier, which was travelling from Brazil to China, was freed": before it too)
                cut_short = bool(_PARTICIPLE_TRIP.search(trig.text) and (
                    _INTERRUPTED.search(text, trig.end, sent.end) or _INTERRUPTED.search(text, sent.start, trig.start)))
                for m, origin in stops:
                    date, label = _stop_date(ctx, sent, clause, trig, m, by_sentence.get(sent.index, []), prev)
                    if origin:
                        pending = mode or pending
                    st = _stop(m.place, Span(m.start, m.end, text[m.start:m.end]), date=date, date_label=label,
                               mode=None if origin or weak else (mode or pending))
                    if not origin and not weak:
                        pending = None
                    stated = not origin and trig.type in ("departure", "travel") and (
                        m.prep == "for" or (m.prep in ("to", "towards", "toward") and cut_short))
                    # ("arrived in Port Moresby on Tuesday ... Hollis flew in from Brisbane": the origin of the
                    # arrival just told, told after it, like "the visit started in X")
                    began = origin and bool(_BEGAN.fullmatch(text, trig.end, m.start)
                                            or _IN_FROM.fullmatch(text, trig.end, m.start))
                    out.insert(at, _Candidate(st, m.place, origin, actors[0] if actors else None, m.prep, trig.start,
                                              stated, bool(_RETURN_VERB.match(trig.text)), weak, trig.text,
                                              sent.index, own, began, *tense, origin and m.start in lived,
                                              origin and m.start in stays))
                    at += 1
            ctx.actors.remember(sent, clause, antecedents)
        earlier += [m for m in sent.mentions if m.usable and m.place.kind != "country"]
    return out


def _thing_returns(text: str, sent: Sentence, clause: Clause, trig: Trigger) -> bool:
    """ "The show will return to San Diego", "Next year the race returns to Sydney", "Flights will return to Abuja":
    a return whose subject is no mover (a show, an event, a service) is no one's trip, so it joins no route. The
    subject is the clause's own noun phrase, or, for a verb coordinated with no subject of its own ("The show made
    its debut in Oklahoma, and will return to San Diego"), the sentence's opening one; with neither ("before
    returning to Riyadh", "We flew ... and returned"), the traveller told before returns. "Prices came down from
    ..." likewise: only a mover comes down from one place into another."""
    if not (_RETURN_VERB.match(trig.text) or _COME_VERB.match(trig.text) or _FOLLOWED.match(trig.text)):
        return False
    tail = _SUBJECT_TAIL.search(text, clause.start, trig.start)
    end = tail.start() if tail else trig.start
    np = _THING_NP.search(text, clause.start, end) or _BARE_PLURAL.fullmatch(text, clause.start, end)
    if np is None and _NO_SUBJECT.fullmatch(text, clause.start, end) and clause.start > sent.start and not any(
            t.type in MOVEMENT_TYPES for c in sent.clauses if c.end <= clause.start for t in c.triggers):
        # (not "The case is a man from Kisumu who travelled to Kampala and returned": the mover of the trip before)
        np = _OPENING_NP.match(text, sent.start, clause.start)
        end = np.end(1) if np else end
    if np is None or (np.group(1) or np.group(0).strip()).lower() in _NOT_SUBJECTS:
        return False
    return not mover(text, sent, np.start(), end, pronouns=True)


def _halt_after(text: str, sent: Sentence, clause: Clause,
                stops: list[tuple[PlaceMention, bool]]) -> list[tuple[PlaceMention, bool]]:
    """ "sailed from Piraeus to Rhodes, stopping at Kos", "nineteen hours from Da Nang to Saigon, with a stop at Nha
    Trang": a halt told in the verbless clause after a trip to a goal is passed before that goal."""
    goal = next((i for i, (m, origin) in enumerate(stops) if not origin and m.prep in _GOAL_PREPS), None)
    # (the goal may lie in a later clause: "The longest leg was the last: nineteen hours from A to B, with a stop")
    after = max(clause.end, stops[goal][0].end) if goal is not None else clause.end
    nxt = next((c for c in sent.clauses if c.start >= after), None)
    if goal is None or nxt is None or nxt.triggers:
        return stops
    m = next((m for m in sent.mentions if nxt.start <= m.start and m.end <= nxt.end), None)
    if m is None or not m.usable or not _HALT_LEAD.fullmatch(text, nxt.start, m.start) or any(
            m.place.id == s.place.id for s, _o in stops):
        return stops
    return stops[:goal] + [(m, False)] + stops[goal:]


def _collected_at(text: str, sent: Sentence, trig: Trigger) -> list[tuple[PlaceMention, bool]]:
    """ "picked up our camper van at the depot near Christchurch airport on a spring morning and headed north": a
    movement with no place of its own sets out from where the vehicle was collected, in the clause coordinated
    just before it (an origin only: a stop told later, "The first stop was Kaikoura", continues it)."""
    for m in reversed(sent.mentions):
        if m.end > trig.start or not m.usable:
            continue
        if _COLLECTED.search(text, max(sent.start, m.start - 120), m.start) and _COLLECTED_THEN.fullmatch(
                text, m.end, trig.start):
            return [(m, True)]
        return []
    return []


def _with_extra_moves(clause: Clause, extra: list[Trigger]) -> Clause:
    """The clause with the movements only journeys read (_EXTRA_MOVES) among its triggers, where no movement
    trigger of the shared reading covers them already ("took the night train" is one). A copy: the shared reading
    stays as the events read it."""
    added = [t for t in extra if clause.start <= t.start and t.end <= clause.end and not any(
        o.start < t.end and t.start < o.end for o in clause.triggers if o.type in MOVEMENT_TYPES)]
    if not added:
        return clause
    return replace(clause, triggers=sorted([*clause.triggers, *added], key=lambda t: t.start))


def _tense(text: str, clause: Clause, trig: Trigger) -> tuple[bool, bool]:
    """(future, past) of a movement: "will travel", "is to make an official visit"; "flew", "landed"."""
    future = bool(_FUTURE.search(text, max(clause.start, trig.start - 60), trig.start))
    word = trig.text.split()[0].lower()
    return future, not future and (word.endswith("ed") or word in _PAST_FORMS)


def _object_of_earlier_verb(text: str, clause: Clause, trig: Trigger, actor: str) -> bool:
    """Whether the actor is named after an earlier verb of the clause: that verb's object, not who moved."""
    at = text.rfind(actor, clause.start, trig.start)
    return at >= 0 and any(t.end <= at and _VERB_FORM.search(t.text) for t in clause.triggers if t.start < at)


def _interrupted_stops(text: str, sent: Sentence, clause: Clause) -> list[tuple[PlaceMention, bool]]:
    """ "tells Jae's journey, against her mother's wishes, from South Korea to America": a movement whose
    "from X to Y" follows an aside. Only the next verbless clauses of the sentence are read, and only a stated
    pair (an origin and a destination) is taken: a lone "from X" after a comma is too often where someone is from.
    """
    later = [c for c in sent.clauses if c.start >= clause.end]
    for nxt in later[:2]:
        if nxt.triggers:
            break
        inside = [m for m in sent.mentions if m.usable and nxt.start <= m.start and m.end <= nxt.end]
        origins = [m for m in inside if m.prep == "from" and not m.coordinated]
        dests = [m for m in inside if m.prep in ("to", "into") and origins and m.start > origins[0].end]
        if origins and dests:
            return [(origins[0], True), (dests[0], False)]
    return []


def _chained_stops(text: str, sent: Sentence, clause: Clause, trig: Trigger,
                   taken: set[int]) -> list[tuple[PlaceMention, bool]]:
    """ "They moved to Leeds, before switching to Bradford, and then finally a farmhouse in Skipton": the verbless
    clauses after a movement, each opened by an order word ("before", "then", "later", "finally"), are its next
    stops in the order told. Each such clause gives one place: the one right after "(verb-ing) to" ("before
    switching to", "and later on to") or after a dwelling it names ("their bungalow in", "settling in").
    A clause with a trigger of its own, or with a place it does not give so, ends the chain (an aside with
    no place, "when she was ten", is passed over).
    """
    out: list[tuple[PlaceMention, bool]] = []
    for nxt in (c for c in sent.clauses if c.start >= clause.end):
        inside = [m for m in sent.mentions if nxt.start <= m.start and m.end <= nxt.end]
        if nxt.triggers:
            break
        if not inside:
            continue
        lead = _CHAIN_LEAD.match(text, nxt.start)
        m = inside[0]
        if (lead is None or not m.usable or m.start in taken or not _CHAIN_TAIL.fullmatch(text, m.end, nxt.end)
                or not (_CHAIN_TO.fullmatch(text, lead.end(), m.start) or _CHAIN_IN.fullmatch(text, lead.end(),
                                                                                               m.start)
                        # "..., then Niamey." ("(later Quesnel)" is a new name, not a next stop)
                        or (lead.end() == m.start and not m.prep and _THEN.search(text, nxt.start, lead.end()))
                        # "arrived in Kinshasa, then in Mbandaka"
                        or (trig.type == "arrival" and _CHAIN_AT.fullmatch(text, lead.end(), m.start))
                        or (
                    # ("..., before a concert in Bern": an event there, not a move; "and then finally their
                    # cottage in Whitby" is one)
                    _CHAIN_HOME.fullmatch(text, lead.end(), m.start) and not _BEFORE_ONLY.fullmatch(text, nxt.start,
                                                                                                    lead.end())))):
            break
        out.append((m, False))
    return out


def _carried_from(text: str, sent: Sentence, clause: Clause,
                  hits: list[re.Match[str]]) -> list[tuple[str, PlaceMention]]:
    """(carrier, origin) for "an intercepted ship suspected of transporting explosives from Iran", "a truck
    carrying migrants from Guatemala": a described carrier (a vehicle, a ship, a group) set out from where its
    load came from. With no such carrier right before the verb nothing is read: a person "carrying" a bag
    "from" a shop is no trip the text tells.
    """
    out = []
    for hit in hits:
        if not (clause.start <= hit.start() and hit.end() <= clause.end):
            continue
        m = next((m for m in sent.mentions if m.start == hit.end() and m.usable), None)
        if m is None:
            continue
        lo = max(sent.start, hit.start() - _CARRIER_REACH)
        carrier = None
        for np in NP.finditer(text, lo, hit.start()):
            if _CARRIER_GAP.fullmatch(text, np.end(), hit.start()):
                carrier = np
        if carrier is not None and head_key(carrier.group("head")) not in PERSON_HEADS:
            out.append((" ".join(carrier.group().split()), m))
    return out


def _long_before(text: str, sent: Sentence, clause: Clause) -> bool:
    """ "Four years ago, she was in Nigeria": where someone was long before is no next stop of a trip. ("Since he
    arrived two weeks ago, ... while he was in Washington": the "ago" dates the arrival, not the stay.)"""
    ago = _AGO.search(text, sent.start, clause.end)
    return bool(ago) and not any(t.type in MOVEMENT_TYPES and ago.start() - 60 < t.start < clause.start
                                 for c in sent.clauses for t in c.triggers)


def _before_last_stop(out: list[_Candidate], at: int) -> int:
    """Where a past-perfect movement's stops go: before the latest stop reached (not before an origin)."""
    if out and not out[-1].origin and not out[-1].weak:
        return len(out) - 1
    return at


def _tour_sites(text: str, sent: Sentence, clause: Clause, taken: set[int]) -> list[tuple[PlaceMention, bool]]:
    """ "the driving tour visited the chapel in Glendale, the society in Los Feliz and the temple in Echo Park":
    the sites listed after the visit, each "the SITE in TOWN" in a verbless clause of its own, are the tour's
    next stops in the order told. A wider place that a colon explains ("buildings in Los Angeles: the temple in
    Echo Park") gives way to the place after it.
    """
    out: list[tuple[PlaceMention, bool]] = []
    for nxt in (c for c in sent.clauses if c.start >= clause.end):
        if nxt.triggers:
            break
        at = nxt.start
        for m in sent.mentions:
            if not (nxt.start <= m.start and m.end <= nxt.end) or not m.usable or m.start in taken:
                continue
            if m.prep in ("in", "at") and _LISTED_SITE.fullmatch(text, at, m.start) and not _COLON_AFTER.match(
                    text, m.end):
                out.append((m, False))
            at = m.end
    return out


def _site_named_earlier(text: str, sentences: list[Sentence], sent: Sentence, trig: Trigger,
                        taken: set[str]) -> PlaceMention | None:
    """ "One bus left the camp ... en route to Puebla": the camp is the town an earlier sentence put it in.

    The site's noun ("camp", "hospital", "base") is looked for in the sentences before, nearest first
    ("migrants have been camped out, in Matias Romero"), with a town-level place right after it; a country
    ("a camp in southern Mexico") says too little to be the origin.
    """
    hit = _LEFT_THE.match(text, trig.end)
    if hit is None or any(m.start == hit.end() for m in sent.mentions):
        return None
    stem = re.compile(rf"(?i)\b{re.escape(hit.group(1)[:4])}\w*")
    for other in reversed(sentences[max(0, sent.index - _SITE_REACH):sent.index + 1]):
        end = trig.start if other is sent else other.end
        for word in reversed(list(stem.finditer(text, other.start, end))):
            m = next((m for m in other.mentions if m.start >= word.end() and m.start - word.end() <= _SITE_GAP
                      and m.usable and m.place.kind not in _WIDE_KINDS and m.place.id not in taken), None)
            if m is not None and m.prep in ("in", "at", "near", "outside"):
                return m
    return None


def _story_place(ctx: StoryContext) -> PlaceMention | None:
    """Where the story is, for "moved here": its dateline, else the town it names most (twice at least).

    A local story names its town in the headline and again in the text; a tie, or a town named once, is
    no answer.
    """
    found = dateline(ctx.text, ctx.sentences)
    if found is not None:
        return found
    if ctx.sentences:  # "Springfield City Council OKs ...": the headline names the town by its own body
        head = ctx.sentences[0]
        found = next((m for m in head.mentions if m.usable and m.place.kind == "populated place" and not m.prep
                      and _LOCAL_BODY_AFTER.match(ctx.text, m.end)), None)
        if found is not None:
            return found
    firsts: dict[str, PlaceMention] = {}
    counts: dict[str, int] = {}
    for sent in ctx.sentences:
        for m in sent.mentions:
            if m.usable and m.place.kind == "populated place":
                firsts.setdefault(m.place.id, m)
                counts[m.place.id] = counts.get(m.place.id, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return next(firsts[k] for k, n in counts.items() if n == ranked[0])


def _holds(area: Place, place: Place) -> bool:
    """Whether a country or state holds a place: "races at Thruxton ... returns to Hampshire" is no move."""
    if area.kind == "country":
        return place.country == area.country
    return area.kind == "admin1" and place.country == area.country and bool(place.admin1) and (
        place.admin1 == area.admin1)


def _lived_before(text: str, sentences: list[Sentence], sent: Sentence, trig: Trigger,
                  taken: set[str]) -> PlaceMention | None:
    """Where the traveller lived or was held before "moved to" / "returned to": the origin the text implies.

    "Lord used to have a successful life in Charlotte. ... Lord moved to Garden City"; "is being held in the
    jail in Greenwood ... will be returned to Meigs County". Only the move's own sentence (before the verb)
    and the three before it are read, and the latest such place is taken.
    """
    for other in reversed(sentences[max(0, sent.index - _LIVED_REACH):sent.index + 1]):
        for m in reversed(other.mentions):
            if (m.usable and m.prep in ("in", "at") and m.end <= trig.start and m.place.id not in taken
                    and not _NAME_GOES_ON.match(text, m.end)  # "the North Central Regional Jail": part of a name
                    and _RESIDENCE.search(text, max(other.start, m.start - 90), m.start)):
                return m
    return None


def _stop(place: Place, span: Span | None, **kw: Any) -> Stop:
    return Stop(place_id=place.id, name=place.name, lat=place.lat, lon=place.lon, span=span, **kw)


def _movement_stops(text: str, sent: Sentence, clause: Clause, trig: Trigger,
                    fallback: PlaceMention | None, earlier: list[PlaceMention]) -> list[tuple[PlaceMention, bool]]:
    """(mention, is_origin) pairs a movement trigger puts on the route, origin first.

    Each movement verb owns the text up to the next one in its clause ("crossed
    into Iraq near Ruwaished before heading east to Ramadi"), so no place is
    claimed twice. "near Y" right after a destination refines it ("into Iraq
    near Ruwaished": the crossing point); "over"/"across" are a path's stops
    ("moved north over Monterrey").
    """
    moves = [t for t in clause.triggers if t.type in MOVEMENT_TYPES]
    later = [t.start for t in moves if t.start > trig.start]
    seg_end = min(later) if later else clause.end
    seg_start = clause.start if moves and moves[0] is trig else trig.start
    # A name the movement word is part of ("Cleared to Fly to ...", read as a place "Fly") is no stop.
    inside = [m for m in sent.mentions if seg_start <= m.start and m.end <= seg_end and m.usable
              and not (m.start < trig.end and trig.start < m.end)
              and not _DISEASE_NAME.fullmatch(text, m.start, m.end)]  # "tested positive for Ebola": no river
    origins = [m for m in inside if (m.prep == "from" and not m.coordinated) or _from_site(text, trig, m)
               or (m.prep in ("in", "at") and m.start >= trig.end and m.start - trig.end <= _OWN_PREP_GAP + 4
                   and bool(_STARTS_TRIP.search(text, max(clause.start, trig.start - 40), trig.start)
                            # "boarded the night train at Hanoi station": where the vehicle was boarded
                            or _ORIGIN_VERB.match(trig.text)))
               or _BEGAN.fullmatch(
        text, trig.end, m.start) or (
        trig.type == "departure" and m.start >= trig.end and (
            (not m.prep and direct_object(text, trig.end, m.start))
            or (m.prep in ("at", "in", "near") and (_ORIGIN_VERB.match(trig.text)
                                             or _OBJECT_IN.fullmatch(text, trig.end, m.start)))))]
    if not origins and trig.type != "arrival":
        # "In Da Nang we hired a driver for a day trip to Hoi An", "At Picton we drove the van onto the ferry": a
        # place fronted at the head of the sentence is where the movement set out.
        origins = [m for m in inside if m.prep in ("in", "at") and m.start < trig.start
                   and _FRONTED.fullmatch(text, sent.start, m.start) and _FRONTED_SUBJECT.match(text, m.end)][:1]
    if not origins and moves and moves[0] is trig and clause.start != sent.clauses[0].start:
        # "From Nairobi, the team drove north to Marsabit": a fronted "from" phrase cut off as a clause of its own
        # ("Leaving Hobart, we drove up the coast to Bicheno": the same, told by a participle)
        origins = [m for m in sent.mentions if m.usable and m.end <= clause.start
                   and _FRONTED_FROM.fullmatch(text, sent.start, m.start)
                   and _FRONTED_TAIL.fullmatch(text, m.end, clause.start)][:1]
    if not origins and trig.type != "arrival":
        there = _FROM_THERE.search(text, clause.start, trig.start) or _FROM_THERE.match(text, trig.end)
        if there is not None:
            # "Puno is a market town on the lake. From there we took a boat to Amantani": the place just named
            last = [m for m in sent.mentions if m.usable and m.end <= there.start() and m.place.kind != "country"]
            origins = last[-1:] or ([earlier[-1]] if earlier else [])
    dest_preps = _DEST_PREPS
    if trig.type == "arrival" or _AT_VERB.match(trig.text):
        dest_preps += ("in", "at", "near", "off")
    if trig.type == "travel":
        dest_preps += ("over", "across")
    dests: list[PlaceMention] = []
    # "The visit coincides with the convention in nearby Louisville": a movement told as a noun reaches an "in"
    # place only right after it ("a visit in Prague"), not across the rest of the clause.
    noun = bool(_NOUN_BEFORE.search(text, max(sent.start, trig.start - 40), trig.start))
    own_prep = trig.text.split()[-1].lower() in ("at", "in", "to", "into", "of")
    halts: set[int] = set()  # "from Hanoi to Hue, with a stop at Vinh": a halt on the way to the goal
    for m in inside:
        if m.start < trig.start or m in origins:
            continue
        if m.prep in ("over", "across", "through") and _NAME_GOES_ON.match(text, m.end):
            continue  # "over the Hai Van Pass to Da Nang": a pass, a bridge named after a place is no stop of it
        if m.prep in ("in", "at") and (_HALT_BEFORE.search(text, max(trig.end, m.start - 40), m.start)
                                       or (_CROSSING_VERB.match(trig.text) and _CROSSED_AT.fullmatch(
                                           text, trig.end, m.start))):
            halts.add(m.start)
            dests.append(m)
            continue
        if m.prep in ("in", "at", "on") and _STAYED_AFTER.search(text, max(trig.end, m.start - 80), m.start):
            dests.append(m)
            continue
        if dests and text[dests[-1].end:m.start] == "/":
            continue  # "to the Minneapolis/St. Paul area": one stop, named twice
        if m.prep in ("over", "across", "near", "off") and _WHEN_CLAUSE.search(text, trig.end, m.start):
            break  # "... when it was shot down over Ukraine": the place of what happened to the traveller
        if noun and m.prep in ("in", "at") and m.start - trig.end > _NOUN_REACH and not _site_in(text, trig.end, m):
            continue
        if own_prep and m.prep in ("in", "at", "near", "off") and m.start - trig.end > _OWN_PREP_GAP:
            continue  # "We were called at 1.31pm ... to a collision at Coggeshall": "called at" names its port at once
        if m.prep in ("in", "at", "near") and _AFTER.search(text, trig.end, m.start):
            origins.append(m)  # "returns to Newark after practising in New Zealand": where she was before
            continue
        if (m.prep in dest_preps or (m.prep == "near" and dests) or _slash_prep(text, trig.end, m) in dest_preps
                or (m.prep in ("in", "at") and m.start - trig.end <= _OWN_PREP_GAP + 4
                    and _ENDS_TRIP.search(text, max(clause.start, trig.start - 40), trig.start))
                or (not m.prep and trig.type != "departure" and direct_object(text, trig.end, m.start))
                or _site_in(text, trig.end, m)):
            dests.append(m)
    # "taken to Porto Empedocle in Sicily", "to Gao, Mali": a wider place right after a stop locates it.
    dests = [m for i, m in enumerate(dests) if not (
        i > 0 and m.place.kind != "populated place" and _LOCATOR.fullmatch(text, dests[i - 1].end, m.start))]
    # "to the Dawson County Jail in Lexington": a place inside a site's name gives way to the site's town.
    dests = [m for i, m in enumerate(dests) if not (
        i + 1 < len(dests) and _NAME_GOES_ON.match(text, m.end) and dests[i + 1].prep in ("in", "at")
        and _SITE_THEN_TOWN.fullmatch(text, m.end, dests[i + 1].start))]
    # "flew to London via Dubai", "travelled to Mwanza by boat across Lake Victoria": the path told after the goal
    # is passed on the way to it.
    goal = next((i for i, m in enumerate(dests) if m.prep in _GOAL_PREPS), None)
    if goal is not None:
        path = [m for m in dests[goal + 1:] if m.prep in _PATH_PREPS or m.start in halts]
        dests = dests[:goal] + path + [m for m in dests[goal:] if m not in path]
    if (not dests and not origins and trig.type == "arrival" and fallback is not None
            and not (own_prep and not 0 <= fallback.start - trig.end <= _OWN_PREP_GAP)):
        dests = [fallback]
    # ("travelled from Khartoum through Chad and Niger before reaching Libya": a path from a stated start is in order)
    path_list = bool(origins and dests) and dests[0].prep in _PATH_PREPS and all(
        m.prep in _PATH_PREPS or m.coordinated for m in dests)
    if (any(m.coordinated for m in dests[1:]) and not path_list
            and not _ALONG.search(text, clause.start, dests[0].start)
            and not (_TOUR_VISIT.match(trig.text) and _TOUR.search(text, sent.start, sent.end))):
        # "members heading to Hawaii and Guam, Louisiana": places listed under one verb, in no stated order, are
        # no route (each stays a movement marker); "heading east along the highway to Ramadi and Fallujah", "she
        # then travelled to London and Madrid" tell a sequence: there the list is the order of the stops.
        dests = []
    if not origins and dests:
        origins = _where_before(text, sent, trig, dests)
    return [(m, True) for m in origins] + [(m, False) for m in dests]


def _slash_prep(text: str, lo: int, m: PlaceMention) -> str:
    """ "moved to the Brighton/Hove area": the second of two names joined by a slash shares the first's
    preposition (the first may be no place the gazetteer holds). "" when the mention is not so joined."""
    if m.prep:
        return ""
    hit = _SLASH_JOINED.search(text, max(lo, m.start - 60), m.start)
    return hit.group(1).lower() if hit else ""


def _hurt_at(actions: list[Action], text: str, trig: Trigger, dest: PlaceMention, out: list[_Candidate],
             sent: Sentence) -> PlaceMention | None:
    """ "The injured teen drove to a medical center in Arlington", "was airlifted to a hospital in Leeds": one
    taken to care set out from where the shooting, crash or blaze the story told last happened.

    Only a movement to a care site (the care-place words right before the stop) leans on it, and only a
    happening told before the movement at another place that does not hold the stop, with no trip told in an
    earlier sentence since ("cases were reported in Beira ... he travelled from Beira to Quelimane ... and was
    taken to the hospital in Quelimane" set out from where he had gone).
    """
    gap = text[trig.end:dest.start]
    if len(gap) > _CARE_GAP or not _CARE_SITE.search(gap):
        return None
    for a in reversed(actions):
        if a.trigger.start >= trig.start or a.type not in _HURT_TYPES:
            continue
        m = a.mention
        if any(c.stop.span is not None and a.trigger.end <= c.stop.span.start < sent.start and not c.weak
               for c in out):
            return None
        if m.usable and m.place.id != dest.place.id and not _holds(m.place, dest.place):
            return m
        return None
    return None


def _taken_from_then(text: str, sent: Sentence, trig: Trigger, taken: set[str]) -> PlaceMention | None:
    """ "abducted her from a mall in Leeds in May and drove her to Bradford": the "from" place of the verb
    coordinated just before the movement is where that movement set out (the clause cut at "and" split them).

    Only a "from" place that ends its clause, with at most a time phrase between it and "and <verb>", counts,
    so "graduated from Yale, worked for years and moved to Ohio" is no route.
    """
    for m in reversed(sent.mentions):
        if m.end > trig.start:
            continue
        if not m.usable or m.place.id in taken or m.coordinated:
            return None
        if not _AND_THEN.fullmatch(text, m.end, trig.start):
            return None
        if m.prep == "from" or (m.prep in ("in", "at") and _FROM_SITE_BEFORE.search(text, max(sent.start, m.start - 60),
                                                                                  m.start)):
            return m
        if m.prep in ("in", "at") and _ONSET_BEFORE.search(text, max(sent.start, m.start - 60), m.start):
            return m  # "developed symptoms in Kenema on 5 May and travelled to Freetown": where the illness began
        return None
    return None


def _from_who(text: str, sent: Sentence, trig: Trigger, taken: set[str]) -> PlaceMention | None:
    """ "a 52-year-old farm worker from Teofilo Otoni who travelled by car to Belo Horizonte": where the mover the
    relative clause hangs on is from is where that trip set out."""
    for m in reversed(sent.mentions):
        if m.end > trig.start:
            continue
        if m.usable and m.prep == "from" and m.place.id not in taken and _WHO_AFTER.fullmatch(text, m.end, trig.start):
            return m
        return None
    return None


def _fell_ill_before(text: str, prev: Sentence, taken: set[str]) -> PlaceMention | None:
    """ "The trader fell ill on 9 March in a village near Bukoba. On 11 March he travelled to Mwanza": where the
    sentence just before says the illness began is where the next trip set out (an outbreak report's usual order).

    Only the last place that sentence names, right after its onset words, counts.
    """
    ms = [m for m in prev.mentions if m.usable and m.place.kind != "country"]
    if not ms or ms[-1].place.id in taken:
        return None
    m = ms[-1]
    return m if _ONSET_BEFORE.search(text, max(prev.start, m.start - 60), m.start) else None


def _described_before(text: str, prev: Sentence, taken: set[str]) -> PlaceMention | None:
    """ "Split is a city built inside a palace ... On a hot morning we caught the catamaran to Hvar": travel
    writing that opens by describing a place, then tells the narrator's first trip with no start, set out from it.

    Only for the text's first trip, told by "we"/"I" in the sentence right after one whose subject is the place
    ("X is a ..."); a country or region is no start.
    """
    m = next((m for m in prev.mentions if m.usable), None)
    if (m is None or m.place.id in taken or m.place.kind in ("country", "admin1", *_REGION_KINDS)
            or text[prev.start:m.start].strip() or not _DESCRIBED.match(text, m.end)):
        return None
    return m


def _where_before(text: str, sent: Sentence, trig: Trigger, dests: list[PlaceMention]) -> list[PlaceMention]:
    """Where the traveller was before setting out, when the sentence says so in order words.

    "spent ten years in Wintersville, before the family moved to Arlington", "married at South Ossett Church
    before heading to Great Yarmouth"; "returned to Newark after practising in New Zealand" (after the
    return, but before it in time).
    """
    opens_after = bool(_OPENS_AFTER.match(text, sent.start))
    # ("After a week in Hanoi we flew to Da Nang, before heading on to Hoi An": Hanoi is where the flight set
    # out, not the drive; a movement between the place and this verb is the one it starts)
    moves = [t.start for c in sent.clauses for t in c.triggers if t.type in MOVEMENT_TYPES and t.start < trig.start]
    prior = [m for m in sent.mentions if m.usable and m.prep in ("in", "at") and m.end <= trig.start
             and trig.start - m.end <= _BEFORE_REACH and (_BEFORE.search(text, m.end, trig.start) or opens_after)
             and not any(m.end <= t for t in moves)]
    if prior:
        return prior[-1:]
    last = dests[-1]
    after = [m for m in sent.mentions if m.usable and m.prep in ("in", "at") and m.start >= last.end
             and m.start - last.end <= _BEFORE_REACH and _AFTER.search(text, last.end, m.start)]
    return after[:1]


def _named_earlier(text: str, sent: Sentence, clause: Clause, trig: Trigger, earlier: list[PlaceMention],
                   taken: set[str]) -> PlaceMention | None:
    """ "drove from Nairobi to the town": "the town" is the place of that kind named last before the sentence."""
    hit = _TO_THE_PLACE.search(text, trig.end, clause.end)
    if hit is None or any(m.start == hit.end() for m in sent.mentions):
        return None
    for m in reversed(earlier):
        if m.place.id not in taken and m.place.kind in _KIND_OF_HEAD.get(hit.group(1).lower(), ()):
            return m
    return None


def _site_in(text: str, trig_end: int, m: PlaceMention) -> bool:
    """ "was flown to a hospital in Leeds", "drove her to a store in Woodbridge", "airlifted to Carle Hospital,
    Urbana": the place of the site the traveller was taken to is the stop."""
    if m.start - trig_end > WINDOW or m.prep not in ("in", "at", ""):
        return False
    gap = text[trig_end:m.start]
    return bool(_TO_SITE_IN.search(gap) or (not m.prep and _TO_NAMED_SITE.search(gap)))


def _from_site(text: str, trig: Trigger, m: PlaceMention) -> bool:
    """ "evacuated 40 tourists from a flooded campsite near Tromsø", "airlifted from the scene in Kendal": the
    place of the site the traveller left is the origin."""
    return (m.prep in ("in", "at", "near", "outside") and m.start >= trig.end and m.start - trig.end <= WINDOW
            and bool(_FROM_SITE_IN.search(text, trig.end, m.start)))


def _presence_stops(text: str, sent: Sentence, clause: Clause,
                    hits: list[tuple[int, int, str]]) -> list[tuple[PlaceMention, Trigger]]:
    """Places a clause without a movement verb says someone was at ("was in X", "dropped off first in X", "Our
    next stop was X", "at X, where we stopped"), each as a weak arrival; ``hits`` are the document's matches of
    the patterns told before the place, in order."""
    out = []
    for start, end, words_ in hits[bisect.bisect_left(hits, (clause.start, 0, "")):]:
        if start >= clause.end:
            break
        if end > clause.end and not _NEXT_STOP.match(words_):
            continue  # ("Our next stop, Arequipa, was": the comma cut the clause before the name)
        m = next((m for m in sent.mentions if m.start == end and m.usable), None)
        if m is not None:
            out.append((m, Trigger("arrival", start, end, words_)))
    for m in sent.mentions:
        # the halt's relative clause is a clause of its own: the place is read in the clause that names it
        if clause.start <= m.start < clause.end and m.usable and m.prep in ("at", "in"):
            halt = _WHERE_HALTED.match(text, m.end, sent.end)
            if halt is not None and all(m is not seen for seen, _t in out):
                out.append((m, Trigger("arrival", halt.start(1), halt.end(1), halt.group(1))))
    return sorted(out, key=lambda pair: pair[0].start)


def _clause_mode(text: str, clause: Clause, modes: dict[tuple[int, int], str | None]) -> str | None:
    """The first mode a clause names (``modes`` keeps each clause's answer)."""
    key = (clause.start, clause.end)
    if key not in modes:
        modes[key] = next((mode for mode, rx in _MODE_PATTERNS if rx.search(text, clause.start, clause.end)), None)
    return modes[key]


def _spare_mode(text: str, sent: Sentence, modes: dict[tuple[int, int], str | None]) -> str | None:
    """A mode stated in a clause with no movement verb of its own ("..., aboard his armoured train")."""
    for clause in sent.clauses:
        if not any(t.type in MOVEMENT_TYPES for t in clause.triggers):
            mode = _clause_mode(text, clause, modes)
            if mode:
                return mode
    return None


def _stop_date(ctx: StoryContext, sent: Sentence, clause: Clause, trig: Trigger, m: PlaceMention,
               actions: list[Action], prev: list[dt.date | None]) -> tuple[str | None, str | None]:
    """The stop's date: the action at the same place in the sentence, else a date in the stop's clause.

    ``prev`` holds the latest stop date, the anchor of "the next day"; it is
    updated here so that relative dates chain along the journey.
    """
    expr = date_for(sent, clause, trig)
    if expr is not None and not (clause.start <= expr.start < clause.end):
        return None, None  # "travelled to Lisbon, where it faces Portugal on Saturday": not the arrival's date
    for a in actions:
        if a.place.id == m.place.id:
            if a.date:
                prev[0] = a.date
            return a.iso_date, a.date_label
    if expr is None:
        return None, None
    resolved = resolve_date(expr, ctx.ref, prev[0])
    if resolved:
        prev[0] = resolved
    return (resolved.isoformat() if resolved else None), expr.label


# --------------------------------------------------------------------------
# Travellers
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Who:
    """How a traveller is referred to: proper-name words, role/class words, whether it is a person."""

    names: frozenset[str]
    roles: frozenset[str]  # every role/class word it can be referred back by ("foreign minister", "minister")
    person: bool
    indefinite: bool  # "A convoy", "a group of migrants": someone new enters the story
    key: str = ""  # the most specific role of a description: what it looks for among earlier travellers
    definite: bool = False  # "the vessel", "its crew": refers back to someone already in the story


def _who(traveller: str) -> _Who:
    np = NP.fullmatch(traveller)
    if np:
        keys = {head_key(h) for h in (np.group("head"), np.group("head2")) if h}
        keys |= {k.split()[-1] for k in keys}  # "the foreign minister" is also "the minister"
        det = (np.group("det") or "").strip().lower()
        key = head_key(np.group("head"))
        # "Another convoy", "the second bus": the rest of a set is someone new, like "a second convoy".
        parallel = bool(_PARALLEL_SUBJECT.match(traveller))
        definite = det in ("the", "this", "that", "these", "those", "its", "his", "her", "their") and not parallel
        return _Who(frozenset(), frozenset(keys), bool(keys & set(PERSON_HEADS)), det in ("a", "an") or parallel,
                    key, definite)
    words = traveller.split()
    classes = set(HEAD_CLASS.values())
    names = {w for w in words if w.lower() not in TITLES and head_key(w) not in classes}
    roles = {head_key(w) for w in words if w.lower() in TITLES or head_key(w) in classes}
    roles |= {r for r in PERSON_HEADS if " " in r and r in traveller.lower()}  # "Prime Minister X"
    return _Who(frozenset(names), frozenset(roles), not (roles & classes), False)


def _same_traveller(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    wa, wb = _who(a), _who(b)
    if wa.names and wb.names:
        return bool(wa.names & wb.names)
    return bool(wa.roles & wb.roles)


def _group(cands: list[_Candidate]) -> list[list[_Candidate]]:
    """One list per traveller, in the order they first move.

    * a name joins the group sharing one of its words ("Kim Jong Un" ... "Kim");
    * a description joins the latest group with its role or class ("the
      president" after "The Chilean president", "the trucks" after "a convoy",
      "the chancellor" after "Chancellor Olaf Weber"); an indefinite one ("a
      second convoy") is someone new;
    * a definite description of a thing, not a person ("the vessel", "the
      storm"), with no antecedent continues the latest journey, as a pronoun
      does; a bare one ("rescue helicopters") is someone new;
    * no traveller at all continues the latest journey;
    * a weak stop ("she was in X") starts a journey only when the traveller then moves; a group of weak
      stops alone is dropped.
    """
    groups: list[list[_Candidate]] = []
    by_token: dict[str, int] = {}  # a traveller's name word -> its group: linear, however many travellers
    by_role: dict[str, int] = {}  # a role/class word -> the latest group it describes
    unnamed: set[int] = set()  # groups known only by a description
    by_verb: dict[tuple[str | None, int], int] = {}  # one movement verb's stops share one traveller
    by_text: dict[str, int] = {}
    told: tuple[int, int] | None = None  # (where, group) of the stop told furthest into the text so far
    for c in cands:
        w = _who(c.traveller) if c.traveller is not None else None
        target: int | None = by_verb.get((c.traveller, c.segment))
        if target is not None:
            pass
        elif w is None:
            # the traveller told last in the text, not the group made last ("A second case was a tourist who had
            # visited Ilhabela. After returning to Sao Paulo, she ...": the tourist, though her earlier stop was
            # put before another's)
            target = told[1] if told is not None else (len(groups) - 1 if groups else None)
        elif w.names:
            target = next((by_token[t] for t in w.names if t in by_token), None)
            if target is None:  # "President Luis Vidal" after "the president"
                target = next((by_role[r] for r in w.roles if r in by_role and by_role[r] in unnamed), None)
        elif w.indefinite:
            target = by_text.get(c.traveller or "")  # "A group ... they": the pronoun's antecedent, repeated
        else:
            target = by_role.get(w.key)  # "the minister" finds "the foreign minister", not vice versa
            if target is None and w.definite and not w.person and groups and (
                    not c.origin or groups[-1][-1].place.id == c.place.id):
                # "The vessel docked in Piraeus" continues the voyage under way; "the jet ... en route from Kuala
                # Lumpur" states an origin of its own: a new trip, not a stitch onto someone else's (unless it
                # sets out from where the last journey stopped: "the delegation travelled from Arequipa").
                target = len(groups) - 1
        if target is None and c.began and groups:
            target = len(groups) - 1  # "Her first visit to the region started in Quito": the trip just told
        if target is None:
            groups.append([])
            target = len(groups) - 1
            if w is not None and not w.names:
                unnamed.add(target)
        if w is not None:
            for t in w.names:
                by_token.setdefault(t, target)
            if w.names:
                unnamed.discard(target)
            for r in w.roles:
                by_role[r] = target
        by_verb[(c.traveller, c.segment)] = target
        by_text.setdefault(c.traveller or "", target)
        groups[target].append(c)
        at = c.stop.span.start if c.stop.span is not None else -1
        if told is None or at >= told[0]:
            told = (at, target)
    # "Macron was in Washington for talks ... Macron will travel to New Orleans": where a traveller was starts
    # the trip only when they then move; presence alone is no journey.
    return [g for g in groups if not all(c.weak for c in g)]


# --------------------------------------------------------------------------
# One traveller's stops, in order
# --------------------------------------------------------------------------


def _stated_destinations(cands: list[_Candidate]) -> list[_Candidate]:
    """Put "for Y" destinations where they belong: reached later, or last, flagged as intended only.

    "left Amman for Baghdad ... crossed near Ruwaished ... heading to Ramadi":
    the stops follow the narrated movement and Baghdad, never reached in the
    text, closes the route as its stated destination. A later return or a
    later stated destination contradicts it, so it is dropped.
    """
    last = {c.place.id: i for i, c in enumerate(cands)}  # where each place is named last
    after_end = [False] * len(cands)  # a return or a stated destination comes later
    for i in range(len(cands) - 2, -1, -1):
        nxt = cands[i + 1]
        after_end[i] = after_end[i + 1] or nxt.returning or nxt.stated
    out: list[_Candidate] = []
    tail: list[_Candidate] = []
    for i, c in enumerate(cands):
        if not c.stated:
            out.append(c)
            continue
        if last[c.place.id] > i or after_end[i]:
            continue  # reached later (that mention stands for it), or contradicted by a return
        c.stop.implied = True
        c.stop.reason = "stated destination"
        c.stop.date = c.stop.date_label = None  # the date was the departure's
        tail.append(c)
    return out + tail


def _merge_duplicates(cands: list[_Candidate]) -> list[_Candidate]:
    """One stop for a place named twice in a row ("arrived in Lima ... in Lima, she met"), keeping what each says."""
    out: list[_Candidate] = []
    for c in cands:
        if out and out[-1].place.id == c.place.id:
            prev = out[-1]
            prev.stop.date = prev.stop.date or c.stop.date
            prev.stop.date_label = prev.stop.date_label or c.stop.date_label
            prev.stop.mode = prev.stop.mode or c.stop.mode
            prev.origin = prev.origin and c.origin
            continue
        out.append(c)
    return out


def _refine_countries(cands: list[_Candidate], sentence_starts: list[int]) -> list[_Candidate]:
    """A country or state stop next to a more specific stop inside it, or near its border crossing, gives way.

    "Russia" -> "Khasan"; "into Iraq near Ruwaished" -> "Ruwaished"; "to Montana ... to Bozeman" -> "Bozeman".

    The specific stop inherits the mode stated for reaching the country
    ("arrived in Russia by train ... in the border town of Khasan").
    """
    def sentence(c: _Candidate) -> int:
        return bisect.bisect_right(sentence_starts, c.stop.span.start) if c.stop.span else -1

    def inside(x: _Candidate | None, country: _Candidate) -> bool:
        if x is None or x.place.kind in ("country", country.place.kind) or x.place.country != country.place.country:
            return False
        if country.place.kind == "country":
            return True
        # A state or province holds its towns the same way when a later sentence retells the trip ("flying to
        # Montana ... The plane was headed to Bozeman"); within one sentence a name shared by a region and its
        # city is the city ("flew to Antofagasta ..., then travelled on to Calama").
        return bool(x.place.admin1 and x.place.admin1 == country.place.admin1 and sentence(x) != sentence(country))

    def near(x: _Candidate | None, country: _Candidate) -> bool:
        # "crossed into Iraq near Ruwaished": the crossing point stands for the country.
        return x is not None and x.prep == "near" and x.segment == country.segment and x.place.kind != "country"

    out: list[_Candidate] = []
    for i, c in enumerate(cands):
        if c.place.kind in _REGION_KINDS and not c.place.country and any(
                x.place.kind in ("country", "populated place") for x in cands[max(0, i - 1):i + 2] if x is not c):
            continue  # "her first visit to the Middle East ... to Israel", "cargo from Europe ... landing in London":
            # a region of many countries beside a country or a town is too wide to be a stop
        if c.place.kind in ("country", "admin1"):
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if inside(nxt, c) or near(nxt, c):
                nxt.stop.mode = nxt.stop.mode or c.stop.mode
                nxt.origin = nxt.origin or c.origin
                continue
            if inside(out[-1] if out else None, c) and not (
                    c.returning and c.place.kind == "admin1" and out[-1].segment != c.segment):
                # (a return to a state after a stop another movement put inside it is a move of its own, not the
                # trip retold: "visited waterfalls near X. After returning to São Paulo", the name a state shares
                # with its city read as the state; "lived in X before he returned to" the area that holds it, or
                # a return to a country, is no move)
                continue
        out.append(c)
    return out


def _order_by_date(cands: list[_Candidate]) -> list[_Candidate]:
    """Stable-sort the stops that have calendar dates among themselves; undated ones keep their slots."""
    slots = [i for i, c in enumerate(cands) if c.stop.date and not c.origin]
    dated = sorted((cands[i] for i in slots), key=lambda c: c.stop.date or "")
    out = list(cands)
    for i, c in zip(slots, dated):
        out[i] = c
    return out


# --------------------------------------------------------------------------
# An implied origin: the traveller's home capital
# --------------------------------------------------------------------------


def _homes(ctx: StoryContext) -> list[tuple[str, str, Span]]:
    """(person, country code, phrase span) for "North Korea's leader Kim Jong Un", "French minister X"."""
    text = ctx.text
    out = []
    for sent in ctx.sentences:
        for m in sent.mentions:
            if m.place.kind != "country":
                continue
            hit = _LEADER_AFTER.match(text, m.end, min(len(text), m.end + WINDOW))
            if hit:
                out.append((hit.group(1), m.place.country, Span(m.start, hit.end(), text[m.start:hit.end()])))
                continue
            # "The Chilean president", "the Kenyan foreign minister": a role with no name.
            role = _ROLE_AFTER.match(text, m.end, min(len(text), m.end + WINDOW))
            det = _DET_BEFORE.search(text[max(sent.start, m.start - 8):m.start])
            possessive = POSSESSIVE_AFTER.match(text, m.end)
            # "The Chilean president", "Peru's president"; "Australian prime minister visits ...": a headline or
            # a sentence opening with the demonym needs no article
            if role and (det or possessive or not text[sent.start:m.start].strip()):
                start = m.start - (len(det.group()) if det else 0)
                out.append((text[start:role.end()], m.place.country, Span(start, role.end(),
                                                                           text[start:role.end()])))
    return out


def _implied_origin(doc: Document, group: list[_Candidate], capital_of: CapitalOf,
                    homes: list[tuple[str, str, Span]]) -> _Candidate | None:
    """The traveller's home capital, when the text says whose leader/minister they are and they went abroad."""
    first = group[0]
    if first.origin:
        return None
    traveller = next((c.traveller for c in group if c.traveller), None)
    if traveller is None:
        return None
    for person, code, span in homes:
        if not _same_traveller(person, traveller) or first.place.country == code:
            continue
        entry = capital_of(code)
        if entry is None:
            return None
        place = next((p for p in doc.places if p.id == entry.id or p.entry_id == entry.id), None)
        country = next((p.name for p in doc.places if p.kind == "country" and p.country == code), code)
        if NP.fullmatch(person):
            reason = f"implied: home capital of {country}, as {person} (not stated as the origin)"
        else:
            reason = f"implied: home capital of {country}'s {_role(span.text)} {person} (not stated as the origin)"
        if place is None:
            place = Place(id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind,
                          country=entry.country, confidence=0.5, entry_id=entry.id)
        return _Candidate(_stop(place, span, implied=True, reason=reason), place, True, traveller)
    return None


def _role(phrase: str) -> str:
    m = _ROLE.search(phrase)
    return m.group(1).lower() if m else "leader"
