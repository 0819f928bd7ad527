"""The per-document reading both story stages share: :class:`StoryContext`, built once per document.

``StoryContext.read(doc)`` reads the article once (sentences, clauses,
triggers, place mentions and dates: geoviz.story.reading; who acts:
geoviz.story.actors) and finds its *actions*: every trigger the text ties to
one of the document's places, with its date and actors. Events
(geoviz.story.events) are those actions as the map shows them; journeys
(geoviz.story.journeys) date their stops by them. The caller builds the
context once and passes it to both, so the costly reading is done once and
both stages see the same findings.

The rules that find an action live here because both stages depend on them:

* the clause's highest-priority trigger is its action, plus any movement verb
  that governs a place of its own ("travelled to Warsaw ... for talks");
* the place is the one the action governs: a mention after a locative
  preposition (at/in/to/from/near ...) in the same clause, else the clause's
  subject when it is a place ("North Korea conducted ...", "the White House
  has issued ..."), else, for static events only, a locative mention
  elsewhere in the sentence, "the city" named just before, or, in a local
  story, its setting (dateline, or the town it keeps returning to: reading.
  setting). "From X" places only a launch or reported cases; a hospital where
  the hurt were treated, a topic ("talks on Ukraine") and an area a happening
  is spread over ("across Europe") place nothing. An action is never placed by
  guesswork;
* no action where the clause tells a wish, a duty or a refusal ("hope to
  hold"), a hypothesis, a negation or a habit ("every Saturday"), nor at a
  trigger inside a phrase that names no happening ("meet the criteria");
* a date is the date expression nearest the trigger (geoviz.nlp.dates
  resolves it against the article date), "the summit" repeats the date of the
  summit already dated;
* a static action at coordinated places ("in Potosí and Oruro") is one per
  place, and so is an outbreak at listed or counted places ("districts: A, B
  and C", "... and three in Goma"); a movement into a country gives way to a
  nearby one inside it ("arrived in Russia" ... "arrival in Khasan"), and a
  country's or province's event to one inside it unless it has a figure of
  its own;
* one happening at one place is one event, however often it is told; the
  text tells a second one apart by "another", "a second", "in a separate
  incident", by a blotter item that opens on someone new on another day, or
  by its kind (a vote, a court hearing: geoviz/nlp/lexicon/happening_kinds.json);
  an outbreak stays one event per place however many cases it counts;
* a calendar's lines after a calendar or schedule heading ("28/29 April:
  Donington Park, Leicestershire.") are one fixture each; a meeting told in
  its own clause right after a trip ("flew to Nairobi and met ...") is at the
  trip's goal; "a Louisiana man" says where he is from, and a place inside an
  infinitive of purpose ("a concert to help finance his studies in London")
  says nothing about where the happening is; "Elections were canceled" did
  not happen; a traveller's own visit or meeting ("we visited the markets")
  is a stop, not a meeting, and "on 24 June each year" is a habit.

It holds no event presentation (summary, certainty: geoviz.story.events) and
no journey rules (geoviz.story.journeys), and it never opens a gazetteer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from geoviz.model import EVENT_TYPES, MOVEMENT_TYPES, Document, Place
from geoviz.nlp.dates import DateExpr, parse_iso, resolve_date
from geoviz.nlp.lexicon import alternation, alternation_of, entries, table, words
from geoviz.nlp.names import fold
from geoviz.story.actors import Actors, Antecedents
from geoviz.story.reading import (
    DIRECTION_ADJ,
    POSSESSIVE_AFTER,
    Clause,
    PlaceMention,
    Sentence,
    Trigger,
    dateline,
    read_sentences,
    setting,
    words_pattern,
)
from geoviz.story.untold import mover, untold_movement

__all__ = ["Action", "StoryContext", "date_for", "direct_object", "place_for"]

#: Types that happen *at* a place, so a locative elsewhere in the sentence may
#: locate them ("Putin, already at the Vostochny Cosmodrome, awaited ... the summit").
_STATIC_TYPES = tuple(t for t in EVENT_TYPES if t not in ("departure", "travel", "statement"))
#: Types a local story's dateline can place when the sentence names no place ("Police arrested a man ...").
_DATELINE_TYPES = ("disaster", "accident", "crime", "protest", "meeting")
#: Types a local body's place locates when nothing governs one: police for a crime, a council for a meeting.
_BODY_PLACED_TYPES = ("crime", "meeting", "accident", "disaster")
_LOCAL_BODY = re.compile(r"(?:,\s{0,2}[A-Z][\w.]{0,12},?)?\s+(?i:(?:city\s+|county\s+|town\s+|village\s+)?"
                         r"(?:police|sheriff|council|board|court|fire\s+department|fire\s+crews?|firefighters|"
                         r"magistrates|aldermen|commissioners|selectmen))\b")
_SUBSUME_SENTENCES = 3  # a country-level movement is refined by a specific one this close
# A trigger that is a verb can take its place as object ("visited Riyadh"); a noun cannot ("Hurricane Delia").
_VERB = re.compile(r"(?i)(?:ed|met|hosts|visits?|holds|held)$")
_HYPO = re.compile(rf"(?i)\b(?:might|could|would|should|if|{alternation('event_intentions')})\b")
# "had never been arrested", "did not seek re-election" (a prefix may join the trigger).
_NEGATED = re.compile(r"(?i)\b(?:no|never|not|without|n['’]t)\s+(?:[\w-]+\s+){0,2}(?:[a-z]{1,4}-)?\Z")
# "Elections were canceled in 1997", "the match has been postponed": it did not take place.
_CALLED_OFF = re.compile(rf"(?i)\b(?:(?:has|have|had|was|were|is|are|been|be|being)\s+){{1,2}}"
                         rf"{alternation('called_off')}\b")
_MODAL = re.compile(rf"(?i)\b{alternation('hedge_modal')}\b")

_ATTACK = re.compile(r"(?i)attack(?:s|ed)?|ambush(?:ed)?|raid(?:s|ed)?")
_ARMED = re.compile(rf"(?i)\b{alternation('armed_forces')}\b")
# ", killing 30": a participle clause that counts the toll of the clause before it.
_TOLL = re.compile(r"[\s,;]*(?:and\s+)?(?:killing|killed|leaving)\b", re.IGNORECASE)
_DEATHS = re.compile(r"(?i)deaths?|dead|died|killed|killing")
_CLASH = re.compile(r"(?i)clash(?:ed|es)?")
# A clause that opens with a verb continues a subject told before it ("... - was offloaded").
_VERB_FIRST = re.compile(r"(?:was|were|is|are|has|have|had|will|would|could|can|may|might|been|[a-z]+ed)\b")
_PASSIVE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+)?\Z")
_MOVE_PREPS = {
    "arrival": ("in", "at", "to", "into", "onto"),
    "departure": ("from",),
    "travel": ("to", "into", "toward", "towards", "for", "via", "through", "across", "in", "at"),
}
_LOCATIVE = words("event_prepositions")
_TRAVEL_WORDS = words("trigger_travel")
_LIFT_OFF = words("lift_off_verbs")
# "dispatched two ministers to Khartoum", "troops were deployed to the border": a verb that moves its object (or,
# in the passive, its subject) to the destination; the mover is the phrase's last word (a head noun, a name).
_SENDING = words_pattern(alternation("sending_verbs"))
_SENT_TO = ("to", "into", "toward", "towards")
_SENT_PARTICLE = re.compile(r"(?i)\s*(?:\b(?:back|home|on|off|out|over|away|down|up)\s*)?\Z")
# "drove the Halifax Transit 9 route", "the Halifax school bus run": the place's name words
# (and at most two more) run on into a route's noun.
_NAMES_A_ROUTE = re.compile(rf"(?:[\s-]+(?:[A-Z][\w'’.&-]*|\d[\w-]*)){{0,8}}(?:\s+[a-z][\w-]*){{0,2}}\s+"
                            rf"{alternation('route_nouns')}\b")
# A visit's or a tour's word: its places listed in no stated order are no trip (_visited_list).
_VISIT = re.compile(r"(?i)visit|tour")
# "in Sharon, Cornwall and Salisbury": names listed after the place (one the geoparser did not find counts too).
# The last name ends the list: "and Salisbury last week", not "and President Ruto said".
_NAMES_LISTED = re.compile(r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){0,6}\s*,?\s+(?:and|or)\s+"
                           r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
                           r"(?=\s*(?:[.,;:)]|\Z)|\s+(?:in|on|last|this|next|during|and|for|to|with|at|from|over|"
                           r"earlier|between|before|after)\b)")
# "came to this country from Poland", "moved here from Ohio": the verb, a deictic destination (where the story
# is told from, named by no name), then "from" the place set out from.
_HERE_MOVE = re.compile(rf"(?i)\b{alternation('here_movement_verbs')}\s+(?:back\s+)?(?:(?:to|into)\s+)?"
                        rf"(?:here|this\s+(?:country|nation|area|community|county|{alternation('place_heads')})|"
                        rf"these\s+shores)\b")
# Prepositions that spread a happening over an area rather than put it at a place.
_SPREAD = ("across", "within")
_DISEASE_TALK = re.compile(rf"(?i)\b(?:{alternation('trigger_disease')}|outbreaks?|epidemics?|pandemic|virus|viral|"
                           rf"infect\w*|disease|illness|cluster|pneumonia|confirmed|suspected|probable|symptoms|"
                           rf"hospitali[sz]ed|vaccin\w*)\b")
_CASE_WORD = re.compile(r"(?i)\bcases?\Z")
_CASE = re.compile(rf"(?i)\bcases?\b|\b{alternation('trigger_disease')}\b")
# A list of places after a colon or "including": its opener, its head, the gap between two of its names (one
# name the geoparser did not find, up to three words, may stand in it).
_LIST_OPENER = re.compile(r"(?i)(?::|\bincluding\b|\bnamely\b|\bsuch\s+as\b)[ \t]*")
_LIST_HEAD = re.compile(r"(?:the\s+)?")
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                       r"(?:(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+))?(?:the\s+)?")
# "... and three in South Kivu", ", 12 more in Goma": a count whose noun is elided, then its place.
_NUMBER_WORDS = alternation_of([*table("number_values")["ones"], *table("number_values")["tens"]])
_ELIDED_COUNT = re.compile(rf"(?i)(?:,|\band|;)\s+(?:another\s+)?(?:\d[\d,]*|{_NUMBER_WORDS})\s+"
                           rf"(?:more\s+|others?\s+|new\s+)?"
                           rf"(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?\Z")
_TRAVEL_STOPS = 3  # movements to this many places make a travel story (two: a patient taken to two hospitals)
_HABITUAL = re.compile(rf"(?i)\b(?:every|each)\s+(?:other\s+)?(?:{alternation('habitual_units')}|"
                       rf"{alternation('weekdays', plural=True)}|"
                       rf"{'|'.join(f for forms in table('months') for f in forms)})\b")
_NEXT_TO_HABIT = re.compile(r"\s*,?\s*")  # "24 June each year", "on Sundays, every week"
_PERSONAL = re.compile(rf"(?i){alternation('personal_meetings')}")
_LIGHT_VERB = re.compile(rf"(?i){alternation('light_event_verbs')}")
_FALSE_SENSE = words_pattern(alternation("trigger_false_senses"))
_FALSE_SENSE_WORDS = frozenset(w for e in entries("trigger_false_senses") for w in re.split(r"[\s-]+", e.lower()))
_TOPIC_ON = re.compile(r"\s+on\s+(?:the\s+)?")
# "Kerala's Wayanad": the possessive, then at most two words, then the owned place.
_OWNED_NEXT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}")
# "struck the capital", "in the town on Sunday": a place named before, by its kind; not "the city council", "the
# town's mayor", "the town of Khasan" (a name follows: a mention of its own).
_THE_PLACE = re.compile(r"(?i)\b(?:in|at|near|on|outside|inside|across|struck|hit|hits|rocked|shook|pounded|"
                        r"shelled|attacked)\s+the\s+(town|city|village|capital|port)\b(?!['’]|\s+of\b)"
                        r"(?=\s*(?:[,.;:)]|\Z|\s(?:on|in|at|and|but|when|where|after|before|last|this|early|late|"
                        r"overnight|yesterday|today|killing|injuring|leaving)\b))")
_KIND_OF_HEAD = {"town": ("populated place",), "city": ("populated place",), "village": ("populated place",),
                 "capital": ("populated place",), "port": ("populated place", "port")}
_THE_PLACE_SENTENCES = 3
_FIGURE = re.compile(rf"\b\d[\d,.]*\s+(?:[\w-]+\s+){{0,3}}?{alternation('toll_nouns')}\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*(?:province|state|region|district|county)?\s*\(\d[\d,.]*\)", re.IGNORECASE)
# "crashed shortly after take-off from Addis Ababa": a plane crash near the airport it left.
_TAKE_OFF_FROM = re.compile(r"(?i)\b(?:take-?off|taking\s+off|took\s+off|departing|departure)\s+from\s+"
                            r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}\Z")
# "cases were reported from Edo and Ondo states": an outbreak report's place, not an origin.
_REPORTED_FROM = re.compile(r"(?i)\b(?:reported|recorded|confirmed|notified|detected|registered)\s+from\s+"
                            r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}\Z")
_HURT = re.compile(rf"(?i)\b{alternation('hurt_words')}\b")
# "a Dallas hospital", "Oneida Mountain Hospital": up to three name words, then a care place.
_CARE = re.compile(rf"(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*\b(?i:{alternation('care_places')})\b")
# "flooded the centre of Porto Alegre", "shook the area of Al Haouz": the place struck, through its part.
_PART_OF = rf"the\s+(?:[a-z][\w-]*\s+)?(?:{alternation('area_parts')}|{alternation('place_heads')})\s+of\s+(?:the\s+)?"
# "floods hit Bangladesh": the place is the object of an impact verb ("a quake of magnitude 6.8 struck ...").
# "Hurricane Delia hit Tampico": the storm's own name may stand between.
_IMPACT = re.compile(rf"\s+(?:[A-Z][\w'’-]*\s+){{0,2}}"
                     rf"(?:(?:of|measuring)\s+(?:a\s+)?(?:magnitude\s+|force\s+|category\s+)?[\d.]+\s+(?:magnitude\s+)?)?"
                     rf"(?:(?:has|have|had|again|also|reportedly)\s+){{0,2}}"
                     rf"{alternation('impact_verbs')}"
                     rf"\s+(?:{_PART_OF})?"  # "shook the area of Al Haouz"
                     rf"(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){{0,2}}[A-Z][\w-]*['’]s\s+)?"  # "struck Morocco's Al Haouz"
                     rf"(?:(?i:{DIRECTION_ADJ})\s+)?")  # "a quake hit central Italy"
# "Russian missiles struck Kharkiv", "a rocket hit Sderot": the impact verb is the trigger, the place its object.
_IMPACT_VERB = re.compile(rf"(?i){alternation('impact_verbs')}")
# "the port of", "the border town of", "the capital,": a place named through its head noun.
_OF_HEAD = re.compile(rf"\s+the\s+(?:[a-z][\w-]{{0,20}}\s+){{0,2}}{alternation('place_heads')}\s+of\s+(?:the\s+)?")
# "left his church in Fort Worth", "visited a school in Leeds": the verb's object is a site inside the place.
_SITE_IN = re.compile(r"\s+(?:the|his|her|their|its|our|a|an)\s+(?:[a-z][\w'’-]{0,20}\s+){1,2}in\s+(?:the\s+)?")


_ITEM_TYPES = ("crime", "accident")
# "still recovering from a near-fatal car crash", "a survivor of the 2004 tsunami": a person's past, not the story's
_SUFFERED = re.compile(r"(?i)\b(?:recover(?:ing|ed|s)?|survivors?|survived|survives|scarred|injuries)\s+"
                       r"(?:from|of|in)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}\Z")
# "was killed there", "a rally held there on Sunday": the place named just before (not "there was a fire").
_THERE = re.compile(r"\s+there\b(?!\s+(?:is|are|was|were|will|would|has|have|had)\b)", re.IGNORECASE)
# "The Kenyan capital, Nairobi, hosted ...": a name set off by commas after the head noun it names (not "Terry
# Jolly, 60, Lebanon, was arrested": where he lives).
_APPOSED = re.compile(rf"(?i)\b{alternation('place_heads')},\s{{1,2}}\Z")
# "was hit by a magnitude 7.1 earthquake", "has been battered by Storm Ophelia": the place is the passive's subject.
_STRUCK_BY = re.compile(rf"(?i)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been)\s+(?:[a-z]+ly\s+)?"
                        rf"{alternation('impact_verbs')}\s+(?:[a-z]+ly\s+)?by\s+(?:[\w.’'-]+\s+){{0,6}}")
# "in the Libyan capital Tripoli", "to the Ugandan capital Kampala": a demonym, a place's head noun, its name.
_HEAD_BETWEEN = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?{alternation('place_heads')}\s+(?:of\s+)?")
# ", 23, of the 3200 block of Elm Street in Chicago,": an apposition that says where someone lives.
_RESIDENCE = re.compile(r"of\s")
# "may have been accidental", "could have started": a judgement on what happened, not a happening to come.
_MODAL_PERFECT = re.compile(r"\s+(?:not\s+)?have\b", re.IGNORECASE)
# A sentence that opens on someone new: "A Louisiana man", "A 34-year-old woman", "Two teenagers".
_NEW_SUBJECT = re.compile(r"(?:A|An|Two|Three|Four)\s|[A-Z][\w'’-]+(?:\s[A-Z][\w.'’-]*){1,2},\s\d{1,2},")
# "... and met the president", "... to discuss the crisis": a meeting clause that follows a trip.
_GOAL_OPENER = re.compile(r"(?i)\s*(?:and\s+(?:then\s+|later\s+|also\s+)?|to\s+)(?:[\w-]+\s+){0,1}\Z")
_GOAL_CLAUSES = 2  # "going to Gaza | to deliver aid | and meet with ...": the trip may be two clauses back
# "to help finance his studies", "to create a joint venture": an infinitive of purpose with its object (not "to
# be held", not "in relation to allegations", where a noun follows "to").
_PURPOSE = re.compile(rf"\bto\s+(?!(?:{alternation('not_purpose_verbs')}|{_NUMBER_WORDS}|the|an?|his|her|their|its)\b)"
                      r"[a-z]{3,}\s+(?:[a-z]{3,}\s+)?(?:(?:the|an?|his|her|their|its|our|some|more)\b|[$£€\d])")
# "we also visited", "I finally visited", "we joined a walking tour and met": the first person is the subject.
_FIRST_PERSON = re.compile(r"\b(?:we|I|We)\s+(?:[a-z]+\s+){0,4}?(?:and\s+)?\Z")
# "a Louisiana man", "an Ohio teenager": a person's origin.
_A_BEFORE = re.compile(r"(?i)\b(?:a|an)\s+\Z")
_PERSON_AFTER = re.compile(rf"\s+(?i:{alternation('person_heads')})\b")
# "another man was arrested", "In a separate incident, ...": a new happening of a type already told there.
_DISTINCT = re.compile(rf"(?i)\b{alternation('distinct_markers')}\b")
_DISTINCT_OPENER = re.compile(rf"(?i)[\W_]{{0,3}}{alternation('distinct_openers')}\b")
_PRONOUN_ANOTHER = re.compile(rf"(?i)\s*(?:[,.;:]|{alternation('not_after_another')}\b)")
_KINDS = {k: v for k, v in table("happening_kinds").items() if not k.startswith("_")}
_LISTED_KINDS = frozenset(_KINDS.values())
_RACE = ("race", "races")
_VOTE_TALK = re.compile(rf"(?i)\b{alternation_of([k for k, v in _KINDS.items() if v == 'vote'])}\b")
_JOINED = re.compile(r"(?i)(?:and|or)\s")  # a clause that shares the one before it ("to discuss and vote on")
_RANKING = re.compile(rf"(?i)\b{alternation('ranking_words')}\b")
_DISTINCT_REACH = 60  # chars before the trigger: its noun phrase or its clause's subject
# "another man was arrested", "a second cholera outbreak": the marker is at most three words before the trigger.
_NEAR_WORDS = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}")
# A calendar's line: "28/29 April: Donington Park, Leicestershire.", "May 3 – Lyon": a date, a colon or a dash,
# then only names (the place, its region, a venue's name words), nothing told about them.
_CALENDAR_LEAD = re.compile(r"[\W_]{0,3}(?:\d{1,2}\s?[/–-]\s?|[A-Z][a-z]{2,8},?\s+)?")
_CALENDAR_SEP = re.compile(r"\s*(?::|[–—]|\s-)\s*(?:the\s+)?")
_CALENDAR_NAMES = re.compile(r"(?:\s*,?\s*(?:[A-Z][\w'’&-]*|of|the|and|&))*\s*")
_LINE_END = re.compile(r"[.;\n](?:\s|\Z)|\Z")
_CALENDAR_MIN_LINES = 2  # one such line is a heading or a note; two make a calendar
_CALENDAR_HEAD = re.compile(rf"(?i)\b{alternation('calendar_heads')}\b")
_CALENDAR_HEAD_REACH = 200  # chars before the first line where its heading stands
# "declared an outbreak in Equateur province": the outbreak's status at a country or province, its own event.
# "died at home before they could reach a hospital": a time clause with a subject of its own after the happening.
_SUBORDINATE = re.compile(r"\b(?:before|until)\s+(?:they|he|she|we|I|you|it|the|his|her|their|its|[A-Z][a-z]+)\b")
# "Kano state accounts for 80% of the confirmed cases": the place's share of the outbreak, its subject.
_SHARE = re.compile(r"(?i)(?:\s+[a-z]+)?\s+(?:accounts?|accounted)\s+for\s+(?:[\w%.,]+\s+){1,4}?of\s+(?:the\s+)?"
                    r"(?:[\w-]+\s+){0,2}")
# "a car was hit on the road between Nabatieh and Kfar Roummane": the way between two places, at the first of them;
# "heavy rain closed the road to Taupo": the way's goal, not where the happening is.
_WAY = rf"(?i:\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+)?{alternation('street_words', plural=True)})\s+"
_WAY_BETWEEN = re.compile(rf"{_WAY}between\s+(?:the\s+)?\Z")
_WAY_TO = re.compile(rf"{_WAY}(?:to|toward|towards)\s+(?:the\s+)?\Z")
# "held rallies, one in Kumasi and the other in Cape Coast": a happening shared out over two places.
_SHARED_OUT = re.compile(r"(?i)\s*(?:,\s*|\s+)(?:and\s+)?(?:the\s+other|another|the\s+second|the\s+rest|others)\s+"
                         r"(?:one\s+)?(?:in|at)\s+(?:the\s+)?")
# "opened their summit in the Lao capital on Wednesday, with tension in the South China Sea": the capital of the
# country the demonym names is where; a later "in" belongs to another phrase.
_IN_THE_ADJ_PLACE = re.compile(r"\b(?i:in|at)\s+the\s+[A-Z][\w'’-]*\s+(?i:(capital|city|town|port))\b(?!['’]|\s+of\b)")
_HEADING_DASH = re.compile(r"\s[–—-]\s+\Z")
# "from the African Union and the European Union": the second name shares the first one's "from".
_FROM_LIST = re.compile(r"\b(?i:from)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:and|or)\s+(?:the\s+)?\Z")
# "Ba reported 97 cases, Lautoka 81 and Nadi 64": a name, then its own figure, the noun and verb gapped.
_OWN_FIGURE = re.compile(r"\s+\d[\d,]*\b(?!\s*%)")
_GAPPED_FIRST = re.compile(r"\s*,\s*(?:and\s+)?")
_FIGURE_GAP = re.compile(r"\s+\d[\d,]*(?:\s+[a-z]+){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_VERB_FIGURE_GAP = re.compile(rf"(?i)\s+(?:[a-z]+\s+){{1,3}}\d[\d,.]*\s+(?:[\w-]+\s+){{0,3}}?"
                              rf"{alternation('toll_nouns')}\s*,\s*(?:and\s+)?")
_STATUS = re.compile(rf"(?i)\b{alternation('outbreak_status_words')}\b")
# "the confirmed cases", "12 suspected cases": a report's word as the adjective of the happening's noun, no speech.
_ADJECTIVE_GAP = re.compile(r"[ \t]{1,2}")
# "... accounts for 80% of the cases, followed by Yobe, Katsina and Bauchi states": a ranking's next places.
_FOLLOWED_BY = re.compile(r"(?i),?\s+followed\s+by\s+(?:the\s+)?\Z")
# "influenza A(H5N1) in Takeo province": a bracket that the splitter made a clause of its own, then the place.
_BRACKET = re.compile(r"[()\[\]]")
# "diphtheria antitoxin was received in Abuja", "clearing flood debris": a word that only qualifies another noun.
_QUALIFIED = re.compile(rf"(?i)\s+{alternation('qualified_heads')}\b")
# "epidemics are common in the dry season", "cases usually rise": a general statement, no happening.
_GENERIC = re.compile(rf"(?i)\b{alternation('generic_markers')}\b")
_PART_OF_OBJECT = re.compile(rf"\s+{_PART_OF}")
# "the foreign ministers of Thailand and Cambodia held talks": whose people they are, not where they met (one
# country's "the mayor of Leeds opened ..." may well be there).
_PEOPLE_OF = re.compile(rf"(?i:\b{alternation('person_heads', plural=True)})\s+of\s+(?:the\s+)?"
                        rf"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}(?:\s*,\s*|\s+and\s+))+\Z")


@dataclass(frozen=True, slots=True)
class Action:
    """A trigger the text ties to one of the document's places, with when and by whom."""

    trigger: Trigger
    sentence: Sentence
    clause: Clause
    mention: PlaceMention
    actors: tuple[str, ...]
    date: dt.date | None  # the resolved date, if the text fixes one
    date_label: str | None  # the date as the text says it ("Tuesday", "the next day")

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def place(self) -> Place:
        return self.mention.place

    @property
    def iso_date(self) -> str | None:
        return self.date.isoformat() if self.date else None


@dataclass(frozen=True, slots=True)
class StoryContext:
    """One document as the story reads it: build with :meth:`read`, once, and pass to both extractors."""

    doc: Document
    text: str
    ref: dt.date | None  # the article date
    sentences: list[Sentence]
    actors: Actors
    actions: list[Action]  # in text order

    @classmethod
    def read(cls, doc: Document) -> StoryContext:
        """Read the document and find its actions; the document's places must already be resolved."""
        text = doc.text or ""
        ref = parse_iso(doc.date)
        sentences = read_sentences(doc)
        actors = Actors(text, {fold(p.name) for p in doc.places})
        return cls(doc, text, ref, sentences, actors, _scan(text, ref, sentences, actors, setting(text, sentences)))


# --------------------------------------------------------------------------
# Where an action happens
# --------------------------------------------------------------------------


_OWN_PREPS = ("to", "at", "in", "into")


def place_for(text: str, sent: Sentence, clause: Clause, trig: Trigger) -> PlaceMention | None:
    """The mention the action happens at, or None (an action is never placed by guesswork)."""
    static = trig.type in _STATIC_TYPES and trig.type != "arrival"
    inside = [m for m in sent.mentions if m.within(clause.start, clause.end) and m.usable]
    if static:
        inside = sorted(inside + _possessive_places(text, sent, clause) + _headed_places(text, sent, clause),
                        key=lambda m: m.start)
    after = [m for m in inside if m.start >= trig.end]
    before = [m for m in inside if m.end <= trig.start]
    if trig.type in _MOVE_PREPS:
        preps = _MOVE_PREPS[trig.type]
        for m in after:
            if m.prep in preps or (not m.prep and direct_object(text, trig.end, m.start)
                                   and not _NAMES_A_ROUTE.match(text, m.end)):
                return m
        if trig.type != "arrival":
            return None
        if trig.text.split()[-1].lower() in _OWN_PREPS:
            # "Clinton came to the region": a trigger ending in its preposition names no place before it, and
            # "came to this country from Poland" names where the arrival set out from, not where it arrived
            before, after = [], [m for m in after if m.prep != "from"]
    if trig.type in _STATIC_TYPES and trig.type != "arrival":
        for m in inside:
            if m.start < trig.start < m.end:
                return m  # the happening's name holds its place: "the Walker County Fair", "the Kent County Show"
    if trig.type == "statement":
        # What is said ("... that North Korea would pay a price ... in Ukraine") is not where.
        for m in after:
            if m.prep in ("in", "at", "from") and m.start - trig.end < 40:
                return m
        return _subject(text, before, trig)
    moves = [t.start for t in clause.triggers if t.type in MOVEMENT_TYPES and t is not trig]
    for m in after + before[::-1]:
        if trig.type in _STATIC_TYPES and trig.type != "arrival" and _WAY_BETWEEN.search(
                text, max(0, m.start - 40), m.start):
            return m  # "died when a car was hit on the road between Nabatieh and Kfar Roummane"
        if m.prep in ("to", "toward", "towards") and trig.type not in MOVEMENT_TYPES and _WAY_TO.search(
                text, max(0, m.start - 40), m.start):
            continue  # "heavy rain closed the road to Taupo": where the road leads
        if m.prep in ("to", "toward", "towards") and trig.type in ("crime", "accident"):
            continue  # "expelled to Turkey ... detained", "a crash on the way to Leeds": not where it happened (a
            # fire or a flood that spread to a place, a march to it, do reach it)
        if m.start > trig.end and _PURPOSE.search(text, trig.end, m.start):
            continue  # "a concert to help finance his studies in London": where the purpose lies, not the concert
        if trig.type == "meeting" and m.prep == "on" and _TOPIC_ON.fullmatch(text, trig.end, m.start):
            continue  # "a conference on Lebanon in Paris", "talks on Ukraine": what it is about
        if m.prep == "from" and trig.type not in ("other", *MOVEMENT_TYPES) and not _REPORTED_FROM.search(
                text, max(0, m.start - 40), m.start) and not (trig.type == "disaster" and _CASE.search(trig.text)) \
                and not (trig.type == "accident" and _TAKE_OFF_FROM.search(text, max(0, m.start - 40), m.start)):
            continue  # "fire crews from Kansas City", "shots fired from the car": where they came from; a launch
            # "from the Baikonur cosmodrome" is there, and so are cases "reported from" a province, a case
            # "from Kasese district" and a crash "shortly after take-off from Addis Ababa"
        if m.prep in _LOCATIVE and (trig.type == "disaster" or not any(
                min(m.end, trig.end) <= t < max(m.start, trig.start) for t in moves)):
            return m  # (a movement verb between them governs it: "after the match the squad travelled to Lisbon")
    for m in after:
        if _IMPACT.fullmatch(text, trig.end, m.start):
            return m  # "floods hit Bangladesh", "missiles struck Kharkiv"
        if not m.prep and (_VERB.search(trig.text) or _IMPACT_VERB.fullmatch(trig.text)) and (direct_object(
                text, trig.end, m.start) or (_IMPACT_VERB.fullmatch(trig.text) and _PART_OF_OBJECT.fullmatch(
                    text, trig.end, m.start))):
            return m  # "visited Riyadh", "hosted the Kremlin talks", "missiles struck Kharkiv": not "Hurricane Delia"
    opener = _where_opener(text, sent, clause)
    if opener is not None:
        # "... flew on to Johannesburg, where she met ...": the antecedent place.
        antecedent = [m for m in sent.mentions if m.end <= opener.start and m.usable]
        before_clause = [c for c in sent.clauses if c.end <= opener.start]
        if antecedent and _HURT.fullmatch(trig.text) and before_clause and any(
                t.type in MOVEMENT_TYPES for t in before_clause[-1].triggers):
            return None  # "was airlifted to Palmetto Health Richland, where he later died": treated there, hurt
            # where the crash was
        if antecedent:
            return antecedent[-1]
    if trig.type in _STATIC_TYPES and trig.type != "arrival":
        carried = _after_bracket(text, sent, clause)
        if carried is not None:
            return carried
    subject = _subject(text, before, trig)
    if subject is not None:
        return subject
    if trig.type in _STATIC_TYPES and not any(t.type == "statement" and t.start > trig.start and not _PASSIVE.search(
            text, max(0, t.start - 30), t.start) for t in clause.triggers):
        # (not after "The indictment said ...", "the report says ...": the rest is what they say; "four cases have
        # been reported" is the happening's own report)
        # A place described by a trigger-less clause of the same sentence
        # ("Putin, who was already at the Vostochny Cosmodrome, awaited ... the
        # summit"); a place another action governs ("arrived in Russia") is taken.
        for other in sent.clauses:
            if other is clause or (other.triggers and not (trig.type == "disaster" and _only_reports(text, other))):
                continue  # (a clause that only reports it, "have been reported from A and B", still says where)
            if _RESIDENCE.match(text, other.start):
                continue  # "Marcin Przydacz, 23, of the 3200 block of North Monticello in Chicago,": his home
            for m in sent.mentions + _possessive_places(text, sent, other):
                if m.within(other.start, other.end) and m.usable and (m.prep in ("at", "in", "near", "inside",
                                                                                  "outside") or (
                        m.prep == "from" and trig.type == "disaster" and _CASE.search(trig.text))):
                    return m  # (and "The index case, a man from Kasese district, ...")
    if trig.type == "meeting":
        goal = _trip_goal(text, sent, clause, trig)
        if goal is not None:
            return goal
    if trig.type in _BODY_PLACED_TYPES:
        # "Concord Police executed two search warrants", "the Athens City Council voted": the local body's place.
        for m in sent.mentions:
            if m.usable and not m.prep and _LOCAL_BODY.match(text, m.end):
                return m
    if trig.type == "disaster":
        listed = _enumerated(text, sent, trig.end)
        if listed:
            return listed[0]  # "2,092 cases have been reported from four districts: Abéché, Adré and ..."
        gapped = next((m for m in sent.mentions if m.start >= trig.end and m.usable and not m.prep
                       and _GAPPED_FIRST.fullmatch(text, trig.end, m.start)
                       and _OWN_FIGURE.match(text, m.end)), None)
        if gapped is not None:
            return gapped  # "Ba reported 97 cases, Lautoka 81 and Nadi 64": the verb and its noun gapped
    return None


_WHERE_REACH = 3  # trigger-less clauses a "where" clause's verb may stand behind


def _after_bracket(text: str, sent: Sentence, clause: Clause) -> PlaceMention | None:
    """ "a human case of avian influenza A(H5N1) in Takeo province": the splitter cut the clause at the bracket, so
    the locative phrase after it is a clause of its own; it still says where the clause's happening is. Only
    across a bracket and trigger-less clauses, and only a clause that opens on its preposition."""
    end = clause.end
    for nxt in (c for c in sent.clauses if c.start >= clause.end):
        if nxt.triggers or not _BRACKET.search(text, end, nxt.start + 1):
            return None
        for m in sent.mentions:
            if m.within(nxt.start, nxt.end) and m.usable and m.prep in _LOCATIVE and re.match(
                    rf"(?i){re.escape(m.prep)}\s", text[nxt.start:nxt.start + len(m.prep) + 1]):
                return m
        if any(m.within(nxt.start, nxt.end) for m in sent.mentions):
            return None
        end = nxt.end
    return None


def _where_opener(text: str, sent: Sentence, clause: Clause) -> Clause | None:
    """The "where" clause the trigger's clause belongs to: the clause itself, or one a few clauses back when
    only asides stand between ("docked in Cyprus, where its cargo - described by officials as munitions - was
    offloaded": the splitter cuts the subject from its verb at the dashes). An aside that names a place or tells
    a happening of its own ends the reach."""
    if re.match(r"(?i)where\b", text[clause.start:clause.start + 6]):
        return clause
    if not _VERB_FIRST.match(text, clause.start):
        return None  # "..., where the cargo lay, officials said": a clause with its own subject is not the verb
    before = [c for c in sent.clauses if c.end <= clause.start]
    for prev in before[::-1][:_WHERE_REACH]:
        if re.match(r"(?i)where\b", text[prev.start:prev.start + 6]):
            return prev if not prev.triggers else None
        if prev.triggers or any(m.usable and m.within(prev.start, prev.end) for m in sent.mentions):
            return None
    return None


def _trip_goal(text: str, sent: Sentence, clause: Clause, trig: Trigger) -> PlaceMention | None:
    """ "flew to Nairobi on Monday and met the president", "going to Gaza to deliver aid and meet with residents":
    a meeting told right after a trip, in a clause of its own that names no place, is at the trip's goal (the
    place the clause before goes "to", or arrives "in")."""
    if not _GOAL_OPENER.match(text, clause.start, trig.start):
        return None
    before = [c for c in sent.clauses if c.end <= clause.start]
    for prev in before[::-1][:_GOAL_CLAUSES]:
        moved = any(t.type in MOVEMENT_TYPES for t in prev.triggers)
        goals = [m for m in sent.mentions if m.within(prev.start, prev.end) and m.usable and (
            m.prep in ("to", "into") or (moved and m.prep in ("in", "at")))]
        if goals:
            # "said he would fly to X and meet ...": the meeting is as unreal as the trip
            return None if _HYPO.search(text, prev.start, prev.end) else goals[-1]
        if prev.triggers and not moved:
            return None  # another happening stands between
    return None


def _only_reports(text: str, clause: Clause) -> bool:
    """ "..., have been reported from Sud-Kivu": a clause whose only triggers are passive reports of the figures
    told before it."""
    return all(t.type == "statement" and _PASSIVE.search(text, max(0, t.start - 30), t.start) for t in clause.triggers)


def _enumerated(text: str, sent: Sentence, after: int) -> list[PlaceMention]:
    """The places a list names after a colon or "including" later in the sentence: "in nine states, including
    Gedaref, Khartoum and Al Jazirah", "four districts: Abéché, Adré, Hadjer Hadid and Amdjarass" (a name the
    geoparser did not find may stand between)."""
    for opener in _LIST_OPENER.finditer(text, after, sent.end):  # "including 8 deaths, ... districts: A, B"
        out: list[PlaceMention] = []
        end = opener.end()
        for m in sent.mentions:
            if m.start < end:
                continue
            if not m.usable or not (_LIST_HEAD.fullmatch(text, end, m.start) if not out else
                                    _LIST_GAP.fullmatch(text, end, m.start)):
                break
            out.append(m)
            end = m.end
        if out:
            return out
    return []


def _possessive_places(text: str, sent: Sentence, clause: Clause) -> list[PlaceMention]:
    """ "in Alabama's history", "at Butte's airport", "in Yemen's civil war": a possessive governed by a locative
    preposition still says where (what it owns lies there); a demonym ("in Russian hands") does not. When what
    it owns is a place named next ("in Kerala's Wayanad district"), that place is where, under the same
    preposition."""
    out = []
    for i, m in enumerate(sent.mentions):
        if not (m.adjectival and m.prep in _LOCATIVE and not m.distance_anchor and m.within(clause.start, clause.end)
                and POSSESSIVE_AFTER.match(text, m.end)):
            continue
        nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        if nxt is not None and nxt.usable and not nxt.prep and _OWNED_NEXT.fullmatch(text, m.end, nxt.start):
            out.append(replace(nxt, prep=m.prep))
        else:
            out.append(replace(m, adjectival=False))
    return out


def _headed_places(text: str, sent: Sentence, clause: Clause) -> list[PlaceMention]:
    """ "in the Libyan capital Tripoli", "to the Ugandan capital Kampala": the name after a demonym and a head
    noun is where, under the demonym's preposition (no comma stands between them for the reading to see one)."""
    out = []
    ms = sent.mentions
    for m, nxt in zip(ms, ms[1:]):
        if (m.adjectival and not POSSESSIVE_AFTER.match(text, m.end) and m.prep in _LOCATIVE
                and not m.distance_anchor and nxt.usable and not nxt.prep and nxt.within(clause.start, clause.end)
                and _HEAD_BETWEEN.fullmatch(text, m.end, nxt.start)):
            out.append(replace(nxt, prep=m.prep))
    return out


def direct_object(text: str, trig_end: int, mention_start: int) -> bool:
    """ "left Pyongyang", "visited the Kremlin", "left the port of Mombasa": the place is the verb's object."""
    gap = text[trig_end:mention_start]
    return (len(gap) < 8 and gap.strip().lower() in ("", "the")) or (
        len(gap) < 40 and bool(_OF_HEAD.fullmatch(gap) or _SITE_IN.fullmatch(gap)))


def _subject(text: str, before: list[PlaceMention], trig: Trigger) -> PlaceMention | None:
    """The clause subject when it is a place: "North Korea conducted a ... test", "the White House has issued"."""
    static = trig.type in _STATIC_TYPES and trig.type not in ("arrival", "statement")
    for m in before[::-1]:
        if m.prep or _origin(text, m):
            continue
        if _FROM_LIST.search(text, max(0, m.start - 80), m.start):
            continue  # "observers from the African Union and the European Union": where they come from
        if static and _PEOPLE_OF.search(text, max(0, m.start - 80), m.start):
            return None  # "the foreign ministers of Thailand and Cambodia held talks": whose they are
        gap = text[m.end:trig.start]
        if static and gap.startswith(",") and _APPOSED.search(text, max(0, m.start - 20), m.start):
            gap = gap[1:]  # "The Kenyan capital, Nairobi, hosted a climate summit": the name closes its apposition
        if static and _STRUCK_BY.fullmatch(gap):
            return m  # "Mexico City was hit by a magnitude 7.1 earthquake"
        if trig.type == "disaster" and _SHARE.fullmatch(gap):
            return m  # "Kano state accounts for 80% of the confirmed cases"
        # A comma in a number ("has recorded 1,200 cases") does not end the subject's reach.
        if len(gap.split()) <= 5 and not re.search(r"[;:]|,(?!\d)", gap):
            return m
        return None
    return None


def _origin(text: str, m: PlaceMention) -> bool:
    """ "A Louisiana man was arrested", "an Ohio woman": where the person is from, not where anything happened
    (a local story's blotter names visitors so); "Gainesville residents marched" is no such phrase."""
    return not m.prep and bool(_A_BEFORE.search(text, max(0, m.start - 4), m.start)
                               and _PERSON_AFTER.match(text, m.end))


def date_for(sent: Sentence, clause: Clause, trig: Trigger) -> DateExpr | None:
    """The date expression nearest the trigger: in its clause first, else in its sentence."""
    own = [d for d in sent.dates if clause.start <= d.start and d.end <= clause.end]
    pool = own or sent.dates
    if not pool:
        return None
    return min(pool, key=lambda d: abs(d.start - trig.start))


# --------------------------------------------------------------------------
# The scan: every placed action, in text order
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _DateState:
    """What relative dates lean on: the previous action's date and the last date seen per event type."""

    prev: dt.date | None = None
    last_by_type: dict[str, tuple[dt.date | None, str | None]] = field(default_factory=dict)


def _scan(text: str, ref: dt.date | None, sentences: list[Sentence], actors: Actors,
          filed_at: PlaceMention | None = None) -> list[Action]:
    found: list[Action] = []
    antecedents = Antecedents()
    state = _DateState()
    seen: set[tuple[str, str, bool, int]] = set()  # one happening at one place is one event, however often it is told
    first_at: dict[tuple[str, str], Action] = {}  # the first kept action of each type at each place
    placed_cause: tuple[str, str] | None = None  # the last sentence's placed military action, disaster or accident
    calendar = _calendar_lines(text, sentences)
    bulletin = _bulletin_country(text, sentences)
    for sent in sentences:
        # a sentence tells one happening per place ("hosts annual book sale"): each place's kinds and clauses
        placed: dict[str, set[tuple[str, int]]] = {}
        cause: str | None = None  # the sentence's military action, disaster or accident so far
        told, placed_cause = placed_cause, None
        for clause in sent.clauses:
            for trig in _clause_triggers(text, sent, clause):
                if cause and trig.type == "crime" and _TOLL.match(text, clause.start):
                    # "a quake hit central Italy, killing 30 in Amatrice": the deaths are the quake's.
                    trig = dataclasses.replace(trig, type=cause)
                if trig.type in ("military", "disaster", "accident"):
                    cause = trig.type
                if _bare_cases(text, sent, trig):
                    continue
                action = _action_for(text, ref, sent, clause, trig, actors, antecedents, state, filed_at,
                                     sentences, bulletin)
                if action is None:
                    for alt in _runners_up(text, clause, trig):
                        action = _action_for(text, ref, sent, clause, alt, actors, antecedents, state, filed_at,
                                             sentences, bulletin) if not _bare_cases(text, sent, alt) else None
                        if action is not None:
                            if _LIGHT_VERB.fullmatch(alt.text):
                                # "Kishwaukee College hosts annual book sale": placed by the verb, the book sale
                                alt = trig
                                action = replace(action, trigger=trig)
                            trig = alt
                            break
                if action is None:
                    continue
                if action.type in MOVEMENT_TYPES and untold_movement(text, sent, clause, trig):
                    continue  # "intends to travel to", "people travelling to": the same rule as the routes'
                if action.type == "travel" and _visited_list(text, sent, action):
                    continue  # "visited residents in Sharon, Cornwall and Salisbury": no stated order, no trip
                if told and action.type in ("crime", "other") and _DEATHS.fullmatch(trig.text) and (
                        action.place.country == told[1]):
                    # "An outbreak of dengue in Bangladesh ... . Dhaka accounts for most of the deaths.": the
                    # outbreak's deaths, told in the next sentence about a place in the same country.
                    action = replace(action, trigger=dataclasses.replace(trig, type=told[0]))
                if action.type in ("military", "disaster", "accident"):
                    placed_cause = (action.type, action.place.country)
                if action.type not in MOVEMENT_TYPES and (_unreal(text, clause, trig)
                                                          or _NEGATED.search(text, clause.start, trig.start)
                                                          or _CALLED_OFF.search(text, trig.end, clause.end)):
                    continue  # "if talks were held", "had never been arrested": nothing happened
                if action.type == "meeting" and _sightseeing(text, sent, trig):
                    continue  # "we visited the markets": a traveller's stop (journeys), no meeting
                if action.type not in MOVEMENT_TYPES and _habitual(text, sent, action):
                    continue  # "every Saturday a market is held in Tlacolula": what usually happens there
                if action.type not in MOVEMENT_TYPES and _generic(text, sent, action):
                    continue  # "epidemics are common in the dry season": a general statement
                if action.mention is filed_at and not filed_at.within(sent.start, sent.end) and any(
                        b.type == action.type and b.place.id != filed_at.place.id for b in found
                        if b.type in ("military", "disaster", "accident")
                        and b.place.kind not in ("country", "admin1")):
                    continue  # "DHAKA - A ferry capsized near Chandpur ... . It sank within minutes.": the
                    # happening already placed at a town away from where the story was filed, told again (a state or
                    # a country may hold the dateline's town)
                kept = [a for a in _fan_out(text, sent, action) if _happening(text, a, first_at) not in seen and not (
                    a.type not in MOVEMENT_TYPES and a.type != "statement" and _told_there(text, a, placed))]
                if kept:
                    # Who acted is read only for what is kept: the reading of people is the scan's main cost.
                    who = tuple(actors.of(sent, clause, trig, antecedents))
                    kept = [replace(a, actors=who) for a in kept]
                for a in kept:
                    static = a.type not in MOVEMENT_TYPES and a.type != "statement"
                    if _happening(text, a, first_at) not in seen and not (static and _told_there(text, a, placed)):
                        seen.add(_happening(text, a, first_at))
                        first_at.setdefault((a.type, a.place.id), a)
                        if static:
                            placed.setdefault(a.place.id, set()).add((_kind(text, a), a.clause.start))
                        found.append(a)
            actors.remember(sent, clause, antecedents)
        for line in calendar.get(sent.index, ()):
            fixture = _calendar_action(text, ref, sent, *line, state)
            key = (fixture.type, fixture.place.id, False, fixture.trigger.start)  # each date its own fixture
            if (fixture.type, fixture.place.id, False, -1) not in seen:
                seen.add(key)
                found.append(fixture)
    if filed_at is not None and _travelled(found) and dateline(text, sentences) is None:
        # A travel story has no one setting: nothing is placed by it (a dateline still says where it was filed).
        found = [a for a in found if a.mention is not filed_at or a.mention.within(a.sentence.start, a.sentence.end)]
    return _subsume_country_moves(text, found)


def _bulletin_country(text: str, sentences: list[Sentence]) -> PlaceMention | None:
    """ "Cholera – Malawi", "Leptospirosis and typhoid after flooding – Fiji": an outbreak report's heading line, a
    disease or outbreak word, a dash, then the country the report is about (its last word)."""
    if not sentences or not sentences[0].mentions:
        return None
    head = sentences[0]
    last = head.mentions[-1]
    if (last.place.kind != "country" or not last.usable or text[last.end:head.end].strip(" .\t\n")
            or not _HEADING_DASH.search(text, head.start, last.start) or "\n" in text[head.start:head.end].strip()
            or not _DISEASE_TALK.search(text, head.start, last.start)):
        return None
    return last


def _calendar_lines(text: str, sentences: list[Sentence]) -> dict[int, list[tuple[int, int, DateExpr, PlaceMention]]]:
    """A calendar's lines by sentence index, each with its start, end, date and place: "28/29 April: Donington Park,
    Leicestershire.", "3 May – Lyon" (a splitter may keep a run of such lines in one sentence).

    Each line is a date, a colon or a dash, then names only: the first place named is where the fixture is held
    (a race, a concert of a tour, a stage of a visit). One line alone is no calendar ("Update 3 May: Paris"),
    a line that tells something ("May 3: police in Lyon said ...") is read as a sentence, and lines with no
    calendar, schedule or fixtures named just before them are a diary's days, not fixtures.
    """
    out: dict[int, list[tuple[int, int, DateExpr, PlaceMention]]] = {}
    count = 0
    for sent in sentences:
        if not sent.dates or not sent.mentions:
            continue
        for d in sent.dates:
            start = max(text.rfind(".", sent.start, d.start), text.rfind(";", sent.start, d.start),
                        text.rfind("\n", sent.start, d.start), sent.start - 1) + 1
            sep = _CALENDAR_SEP.match(text, d.end)
            if sep is None or not _CALENDAR_LEAD.fullmatch(text, start, d.start):
                continue
            stop = _LINE_END.search(text, sep.end(), sent.end)
            end = stop.start() if stop else sent.end
            m = next((m for m in sent.mentions if m.within(sep.end(), end)), None)
            if (m is None or m.prep or not m.usable or not _CALENDAR_NAMES.fullmatch(text, sep.end(), m.start)
                    or not _CALENDAR_NAMES.fullmatch(text, m.end, end)):
                continue
            out.setdefault(sent.index, []).append((start, end, d, m))
            count += 1
    if count < _CALENDAR_MIN_LINES:
        return {}
    first = min(line[0] for lines in out.values() for line in lines)
    if not _CALENDAR_HEAD.search(text, max(0, first - _CALENDAR_HEAD_REACH), first):
        return {}  # dated place lines with no calendar before them: a diary's days, a timeline
    return out


def _calendar_action(text: str, ref: dt.date | None, sent: Sentence, start: int, end: int, d: DateExpr,
                     m: PlaceMention, state: _DateState) -> Action:
    """A calendar line's fixture: a scheduled meeting (STORY-GOLD: matches, races, concerts) at its place, on its
    date; the trigger is the date as written, since the line names no happening of its own."""
    resolved = resolve_date(d, ref, state.prev)
    clause = Clause(start, end, [])  # the line is its clause: its summary on the map
    trig = Trigger("meeting", start, d.end, text[start:d.end].strip())
    return Action(trig, sent, clause, m, (), resolved, d.label)


def _clause_triggers(text: str, sent: Sentence, clause: Clause) -> list[Trigger]:
    """The clause's best trigger, plus any movement verb that governs a place of its own.

    "travelled to Warsaw ... for talks" is both a journey and a meeting;
    "crossed into Iraq ... before heading to Ramadi" is two movements;
    "awaited Kim's arrival for the summit" stays one meeting, because the
    arrival there governs no place.
    """
    clause = _true_senses(text, clause)
    best = _best_trigger(text, clause)
    sending = _sending(text, sent, clause) + _from_here(text, sent, clause)
    if best is None:
        return sending
    if best.type == "military" and _ATTACK.fullmatch(best.text) and not _ARMED.search(text, sent.start, sent.end):
        # "a bus attack outside the stadium", "attacked a man in the park": with no armed force or weapon of war
        # in the sentence, an attack is a crime.
        best = dataclasses.replace(best, type="crime")
    out = [best]
    head = best.text.split()[-1]
    if best.type == "meeting" and head != best.text and head.lower() in _TRAVEL_WORDS:
        # "is to make an official visit to Vienna": the visit is a meeting there and a trip there.
        trip = Trigger("travel", best.end - len(head), best.end, head)
        m = place_for(text, sent, clause, trip)
        if m is not None and m.prep == "to" and 0 < m.start - trip.end <= 8:
            out.append(trip)
    if best.type == "other" and best.text.lower() in _LIFT_OFF:
        # "the rocket lifted off from the cosmodrome in X": a launch there and a departure from there.
        trip = Trigger("departure", best.start, best.end, best.text)
        m = place_for(text, sent, clause, trip)
        if m is not None and m.prep == "from":
            out.append(trip)
    for t in clause.triggers:
        if t is not best and t.type in _STATIC_TYPES and t.type not in MOVEMENT_TYPES and any(
                (m.prep in ("in", "at") or (m.prep == "to" and t.type == "meeting")) and 0 < m.start - t.end <= 8
                and m.usable for m in sent.mentions):
            # "15 cases in Kinshasa and three deaths in Goma", "in a visit to Tunis ... criticised the intervention in
            # Libya": each noun names its own place, and deaths told
            # with an outbreak, an attack or a crash are of its type.
            if best.type in ("military", "disaster", "accident") and _DEATHS.fullmatch(t.text):
                t = dataclasses.replace(t, type=best.type)
            elif t.type == "military" and _CLASH.fullmatch(t.text) and best.type == "protest":
                t = dataclasses.replace(t, type="protest")  # "protests in Dhaka and clashes in Chittagong"
            out.append(t)
            continue
        if t is not best and t.type in MOVEMENT_TYPES:
            m = place_for(text, sent, clause, t)
            # "visited Riyadh" is a meeting there and a movement there: both, at the same word.
            if m is not None and m.within(clause.start, clause.end) and m.start >= t.end and (
                    m.prep or t.start == best.start):
                out.append(t)
    out += [t for t in sending if not any(o.type == t.type and o.start == t.start for o in out)]
    return sorted(out, key=lambda t: t.start)


def _sending(text: str, sent: Sentence, clause: Clause) -> list[Trigger]:
    """ "He dispatched two ministers to the Ugandan capital Kampala", "sent a medical team to Goma", "troops were
    deployed to the border town of X": a movement of the object (of the passive's subject) to the destination, a
    travel marker there. Only when the one moved is a mover (a person, a group, a unit, a vehicle, a name):
    "sent a letter to Washington", "send money to Kenya", "the bill was sent to the Duma" move no one. Marker
    only: the routes' traveller is a verb's subject, and here the subject stays home."""
    out = []
    for v in _SENDING.finditer(text, clause.start, clause.end):
        trig = Trigger("travel", v.start(), v.end(), v.group())
        m = place_for(text, sent, clause, trig)
        if m is None or m.prep not in _SENT_TO or m.coordinated:
            continue
        gov = text.rfind(f" {m.prep} ", v.end() - 1, m.start)
        if gov < 0:
            continue
        passive = _PASSIVE.search(text, max(clause.start, v.start() - 30), v.start())
        if passive:  # "Two ministers were sent to X": nothing but a particle between the verb and "to"
            span = (clause.start, passive.start() if _SENT_PARTICLE.fullmatch(text, v.end(), gov + 1) else 0)
        else:  # "sent two ministers (back) to X": the object, its particle dropped
            obj = _SENT_PARTICLE.search(text, v.end(), gov + 1)
            span = (v.end(), obj.start() if obj else gov)
        if mover(text, sent, *span, pronouns=bool(passive)):  # ("He was sent to Kabul": a subject pronoun)
            out.append(trig)
    return out


def _visited_list(text: str, sent: Sentence, a: Action) -> bool:
    """ "visited residents in Sharon, Cornwall and Salisbury", "toured Ireland, Scotland and Wales": a list of
    visited places in no stated order is no journey (STORY-GOLD), so none of them is a movement marker (a
    meeting there stays: geoviz.story.events)."""
    return bool(_VISIT.match(a.trigger.text)) and (len(_coordination_chain(sent, a.mention)) > 1
                                                    or _NAMES_LISTED.match(text, a.mention.end) is not None)


def _from_here(text: str, sent: Sentence, clause: Clause) -> list[Trigger]:
    """ "an ancestor came to this country from Poland in 1852", "the family moved here from Ohio": the text
    names only where the mover set out from, so that is the marker (a departure); the deictic destination is
    no named place. The one who came must be a mover (untold.mover): a person, a family, a pronoun, a name."""
    out = []
    for hit in _HERE_MOVE.finditer(text, clause.start, clause.end):
        verb_end = hit.start() + len(hit.group().split()[0])
        trig = Trigger("departure", hit.start(), verb_end, text[hit.start():verb_end])
        m = place_for(text, sent, clause, trig)
        if m is not None and m.prep == "from" and m.start >= hit.end() and mover(
                text, sent, clause.start, hit.start(), pronouns=True):
            out.append(trig)  # (not "the custom came here from Ireland": no traveller)
    return out


def _runners_up(text: str, clause: Clause, best: Trigger) -> list[Trigger]:
    """The clause's other happenings, by priority, to try when its best trigger is tied to no place.

    "dispatched ... to the Ugandan capital Kampala to discuss the border dispute at the International
    Criminal Court": the court names no place, the talks do; "said at the launch of the CD": the launch. Only
    other types (a word of the best one's type is placed by the same rules) and only for the clause's best.
    """
    if _definite(text, best):
        return []  # "Two of those killed in the crash": the words of a clause about a happening already told
    clause = _true_senses(text, clause)
    top = _best_trigger(text, clause)
    if top is None or (top.start, top.end, top.type) != (best.start, best.end, best.type):
        return []
    pool = [t for t in clause.triggers if t.type != best.type and t.type in _STATIC_TYPES
            and t.type not in MOVEMENT_TYPES and not (best.start <= t.start and t.end <= best.end)]
    return sorted(pool, key=lambda t: (EVENT_TYPES.index(t.type), t.start))


def _true_senses(text: str, clause: Clause) -> Clause:
    """The clause without the triggers that sit in a phrase naming no happening ("meet the criteria")."""
    if any(t.type == "disaster" and _QUALIFIED.match(text, t.end) for t in clause.triggers):
        # "diphtheria antitoxin", "a cholera vaccination campaign", "flood debris": the word qualifies a noun
        clause = Clause(clause.start, clause.end, [t for t in clause.triggers if not (
            t.type == "disaster" and _QUALIFIED.match(text, t.end))])
    if not any(t.text.lower().split()[0] in _FALSE_SENSE_WORDS for t in clause.triggers):
        return clause  # the common case: no trigger word that any such phrase holds
    false = [(m.start(), m.end()) for m in _FALSE_SENSE.finditer(text, max(0, clause.start - 20), clause.end + 20)]
    if not false:
        return clause
    kept = [t for t in clause.triggers if not any(a <= t.start and t.end <= b for a, b in false)]
    return Clause(clause.start, clause.end, kept)


def _bare_cases(text: str, sent: Sentence, trig: Trigger) -> bool:
    """ "cases" with no disease, outbreak or infection told in the text so far: "rape and assault cases", "court
    cases" are no outbreak; in a bulletin the disease is named once, before its figures."""
    return trig.type == "disaster" and _CASE_WORD.search(trig.text) is not None and not _DISEASE_TALK.search(
        text, 0, sent.end)  # (and "another case", "a new case": a court's, with no disease told)


def _best_trigger(text: str, clause: Clause) -> Trigger | None:
    """The highest-priority trigger; a passive report ("two deaths were reported in Nairobi", "cases have been
    confirmed in ...") is the happening's, not speech, so it gives way to any other trigger of the clause."""
    if not clause.triggers:
        return None
    said = [t for t in clause.triggers if t.type == "statement" and (
        _PASSIVE.search(text, max(0, t.start - 30), t.start) or _adjective(text, clause, t))]
    pool = [t for t in clause.triggers if t not in said] or clause.triggers
    best = min(pool, key=lambda t: (EVENT_TYPES.index(t.type), t.start))
    if _LIGHT_VERB.fullmatch(best.text):
        # "hosts an annual book sale", "held a fundraiser": the noun names the happening.
        named = [t for t in pool if t is not best and t.type not in MOVEMENT_TYPES and t.type != "statement"]
        if named:
            best = min(named, key=lambda t: (EVENT_TYPES.index(t.type), t.start))
    if best.type == "military" and _CLASH.fullmatch(best.text):
        # "protesters clashed with riot police": a street clash is the protest's, not a battle.
        return next((t for t in pool if t.type == "protest"), best)
    return best


def _adjective(text: str, clause: Clause, t: Trigger) -> bool:
    """ "the confirmed cases", "12 suspected cases": a report's word right before another trigger qualifies it."""
    return any(o.start > t.end and _ADJECTIVE_GAP.fullmatch(text, t.end, o.start) for o in clause.triggers)


def _action_for(text: str, ref: dt.date | None, sent: Sentence, clause: Clause, trig: Trigger, actors: Actors,
                antecedents: Antecedents, state: _DateState, filed_at: PlaceMention | None = None,
                sentences: list[Sentence] | None = None, bulletin: PlaceMention | None = None) -> Action | None:
    expr = date_for(sent, clause, trig)
    resolved = resolve_date(expr, ref, state.prev) if expr else None
    label = expr.label if expr else None
    if expr is None and trig.type in state.last_by_type and _definite(text, trig):
        resolved, label = state.last_by_type[trig.type]  # "the summit": the one already dated
    if expr is not None:
        state.last_by_type[trig.type] = (resolved, label)
    mention = place_for(text, sent, clause, trig)
    if mention is not None and mention.start > trig.end and trig.type in _STATIC_TYPES and sentences:
        mention = _demonym_place(text, sent, trig, mention, sentences) or mention
    if mention is None and trig.type in _STATIC_TYPES and _THERE.match(text, trig.end):
        # "The pastor was killed there last Sunday", "was sentenced there" (in "another state"): a place told
        # before, perhaps unnamed, perhaps not pinned; never the story's setting by default
        return None
    if mention is None and trig.type in _STATIC_TYPES and trig.type != "arrival" and sentences:
        # "missiles struck the capital": the city named before
        mention = _the_place(text, clause, trig, sentences, sent)
    if mention is None and bulletin is not None and trig.type == "disaster" and _FIGURE.search(
            text, clause.start, clause.end) and not any(m.usable for m in sent.mentions):
        # "Cholera – Malawi ... 2,318 suspected cases, including 61 deaths, were reported from nine districts": an
        # outbreak report's totals, told with no place, are the country's its heading names
        mention = bulletin
    if mention is None and filed_at is not None and _set_there(text, trig) and all(
            m.place.id == filed_at.place.id or _origin(text, m) for m in sent.mentions):
        # A local story's happening with no place of its own happened where the story is set.
        mention = filed_at
    if mention is not None and trig.type not in MOVEMENT_TYPES and _cared_at(text, sent, mention):
        mention = None  # "airlifted to a hospital in Fort Worth, where he died": not where he was hurt
    if mention is None or (mention.prep in _SPREAD and trig.type not in MOVEMENT_TYPES and not (
            trig.type == "disaster" and mention.place.kind not in ("country", "region", "continent")
            and _FIGURE.search(text, sent.start, sent.end))):
        return None  # "competition across Europe", "pro-competition rules within the EU": a general statement
        # (not "floods across the state of Rio Grande do Sul, killing at least 39": the state's own toll)
    if resolved:
        state.prev = resolved
    return Action(trig, sent, clause, mention, (), resolved, label)  # actors: only for the actions kept (_scan)


def _cared_at(text: str, sent: Sentence, m: PlaceMention) -> bool:
    """ "died in a Dallas hospital", "taken to John Peter Smith Hospital in Fort Worth, where he was pronounced
    dead": the place names where someone hurt was treated, not where they were hurt (a robbery at a hospital,
    with no one hurt, is at the hospital)."""
    return bool((_CARE.match(text, m.end) or _CARE.search(text, max(sent.start, m.start - 40), m.start))
                and _HURT.search(text, sent.start, sent.end))


def _recent(sentences: list[Sentence], sent: Sentence) -> list[PlaceMention]:
    """The usable mentions of the few sentences before ``sent``, in text order: what "the city" can mean."""
    lo = max(0, sent.index - _THE_PLACE_SENTENCES)
    return [m for s in sentences[lo:sent.index] for m in s.mentions if m.usable]


def _the_place(text: str, clause: Clause, trig: Trigger, sentences: list[Sentence],
               sent: Sentence) -> PlaceMention | None:
    """ "Russian missiles struck the capital", "a fire broke out in the town on Sunday": the town or city named
    last in the sentences just before (a country or a state is never "the city")."""
    hit = _THE_PLACE.search(text, clause.start, clause.end)
    if hit is None:
        return None
    kinds = _KIND_OF_HEAD[hit.group(1).lower()]
    return next((m for m in reversed(_recent(sentences, sent)) if m.place.kind in kinds), None)


def _demonym_place(text: str, sent: Sentence, trig: Trigger, found: PlaceMention,
                   sentences: list[Sentence]) -> PlaceMention | None:
    """ "opened their annual summit in the Lao capital on Wednesday, with tension in the South China Sea": "in the
    <demonym> capital" between the trigger and the mention found is where it happens, the town of that country
    named last (in the sentence or just before it); None when there is no such phrase or town."""
    hit = _IN_THE_ADJ_PLACE.search(text, trig.end, found.start)
    if hit is None:
        return None
    adj = next((m for m in sent.mentions if m.adjectival and hit.start() < m.start < hit.end()), None)
    if adj is None:
        return None
    kinds = _KIND_OF_HEAD[hit.group(1).lower()]
    pool = _recent(sentences, sent) + [m for m in sent.mentions if m.end <= hit.start() and m.usable]
    return next((m for m in reversed(pool) if m.place.kind in kinds and m.place.country == adj.place.country
                 and m.place.id != adj.place.id), None)


def _set_there(text: str, trig: Trigger) -> bool:
    """Whether a story's setting may place the trigger when its sentence names no place: a public happening told
    for the first time; not "the crash" told again (placed already, wherever that was), nor a visit or a funeral
    that may be private ("Chu visited the family in August", "Her funeral was Saturday"), nor what someone
    suffered once, somewhere ("is still recovering from a near-fatal car crash")."""
    return (trig.type in _DATELINE_TYPES and not _definite(text, trig) and not _PERSONAL.fullmatch(trig.text)
            and not _SUFFERED.search(text, max(0, trig.start - 60), trig.start))


def _sightseeing(text: str, sent: Sentence, trig: Trigger) -> bool:
    """ "we visited the temples", "I visited Kotor", "we met a local guide": a first-person visit or meeting in
    travel writing is a stop on the trip, not a public happening (STORY-GOLD: a visit is a meeting when it meets
    someone; personal meetings are not placed by a story's setting either)."""
    return bool(_PERSONAL.fullmatch(trig.text) and _FIRST_PERSON.search(text, max(sent.start, trig.start - 50),
                                                                         trig.start))


def _definite(text: str, trig: Trigger) -> bool:
    """ "the summit", "the talks": a reference back to an event already dated; not "the council approved", "the
    voters backed" (a vote phrase that opens on who voted: "the" is theirs)."""
    said = trig.text.lower().split()
    if len(said) > 1 and _KINDS.get(" ".join(said)) == "vote" and said[0] not in _KINDS and said[-1] not in _KINDS:
        return False  # (not "the primary election", "went to the polls": their own words name the vote)
    return bool(re.search(r"(?i)\b(?:the|this|that)\s+\Z", text[max(0, trig.start - 8):trig.start]))


def _fan_out(text: str, sent: Sentence, action: Action) -> list[Action]:
    """One static action per coordinated place: "miners in Potosí and Oruro went on strike" is two markers.

    Movements stay single: their coordinated places become consecutive
    journey stops instead.
    """
    if action.type in MOVEMENT_TYPES or (not action.mention.prep and action.type != "disaster"):
        return [action]
    chain = _coordination_chain(sent, action.mention)
    chain += _shared_out(text, sent, chain[-1])
    if action.type == "disaster":
        chain = _listed_before(text, sent, chain[0]) + chain
        chain += _listed_after(text, sent, chain[-1])
        chain += _followed_by(text, sent, chain[-1])
        chain += _figured_after(text, sent, chain[-1])
        chain += _counted_after(text, sent, chain[-1])
        chain += [m for m in _enumerated(text, sent, action.trigger.end) if m not in chain]
    if len(chain) == 1:
        return [action]
    return [replace(action, mention=m) for m in chain]


def _listed_after(text: str, sent: Sentence, last: PlaceMention) -> list[PlaceMention]:
    """ "the outbreak has affected Garissa, Wajir and Mandera counties": the names listed right after the place,
    each its own outbreak event (STORY-GOLD), where the reading did not join them."""
    out = []
    for m in sent.mentions:
        if m.start <= last.end:
            continue
        if not (m.usable and not m.prep and _LIST_GAP.fullmatch(text, last.end, m.start)):
            break
        out.append(m)
        last = m
    return out


def _shared_out(text: str, sent: Sentence, last: PlaceMention) -> list[PlaceMention]:
    """ "held final rallies, one in Kumasi and the other in Cape Coast": the happening's other share, at its place."""
    nxt = next((m for m in sent.mentions if m.start > last.end), None)
    if nxt is None or not nxt.usable or nxt.prep != last.prep or not _SHARED_OUT.fullmatch(text, last.end, nxt.start):
        return []
    return [nxt]


def _figured_after(text: str, sent: Sentence, last: PlaceMention) -> list[PlaceMention]:
    """ "Lautoka 81 and Nadi 64", "Quetta reported 97 cases, Sukkur 81 and Karachi 64": each name with its own
    figure, the outbreak's noun (and verb) gapped after the first."""
    out = []
    gap = _FIGURE_GAP if _OWN_FIGURE.match(text, last.end) else _VERB_FIGURE_GAP  # ("Quetta reported 97 cases, ...")
    for m in sent.mentions:
        if m.start <= last.end:
            continue
        if not (m.usable and not m.prep and gap.fullmatch(text, last.end, m.start)
                and _OWN_FIGURE.match(text, m.end)):
            break
        gap = _FIGURE_GAP
        out.append(m)
        last = m
    return out


def _listed_before(text: str, sent: Sentence, first: PlaceMention) -> list[PlaceMention]:
    """ "The districts of Mirriah and Magaria have crossed the epidemic threshold": the names listed right before the
    place the outbreak's subject gave (the nearest one), where the reading did not join them."""
    out: list[PlaceMention] = []
    for m in reversed([m for m in sent.mentions if m.end <= first.start]):
        if not (m.usable and m.prep == first.prep and _LIST_GAP.fullmatch(text, m.end, first.start)):
            break
        out.insert(0, m)
        first = m
    return out


def _followed_by(text: str, sent: Sentence, last: PlaceMention) -> list[PlaceMention]:
    """ "Kano state accounts for 80% of the cases, followed by Yobe, Katsina and Bauchi states": the next places
    of a ranking of the outbreak's places, each its own event."""
    nxt = next((m for m in sent.mentions if m.start > last.end), None)
    if nxt is None or not nxt.usable or nxt.prep or not _FOLLOWED_BY.search(text, last.end, nxt.start):
        return []
    return [nxt, *_listed_after(text, sent, nxt)]


def _counted_after(text: str, sent: Sentence, last: PlaceMention) -> list[PlaceMention]:
    """ "14 cases in Kinshasa and three in South Kivu", "... , 12 in Goma": a count elided to its number names its
    own place, as many times as the sentence goes on."""
    out = []
    for m in sent.mentions:
        if m.start > last.end and m.prep in ("in", "at") and m.usable and _ELIDED_COUNT.search(
                text, max(last.end, m.start - 40), m.start):
            out.append(m)
            last = m
    return out


def _coordination_chain(sent: Sentence, mention: PlaceMention) -> list[PlaceMention]:
    """The mentions joined to ``mention`` by "and"/commas ("in Potosí and Oruro"), in text order."""
    ms = sent.mentions
    i = next((k for k, m in enumerate(ms) if m.start == mention.start), None)
    if i is None:
        return [mention]
    lo = hi = i
    while lo > 0 and ms[lo].coordinated:
        lo -= 1
    while hi + 1 < len(ms) and ms[hi + 1].coordinated:
        hi += 1
    return ms[lo:hi + 1]


def _has_figure(text: str, a: Action) -> bool:
    """ "has killed 1,000 people", "214 suspected cholera cases in Nampula", "in Cabo Delgado (56)": the place's
    own count; "floods across the state of Rio Grande do Sul, killing at least 39 people": the toll's clause."""
    end = a.sentence.end if _TOLL.match(text, a.clause.end) else a.clause.end
    return bool(_FIGURE.search(text, a.clause.start, end) or _BRACKETED.match(text, a.mention.end))


def _habitual(text: str, sent: Sentence, a: Action) -> bool:
    """ "every Saturday", "each July" in the sentence, and no date of its own ("on 3 May"), or a date that the
    habit qualifies ("on 24 June each year"): a standing fact."""
    hit = _HABITUAL.search(text, sent.start, sent.end)
    if hit is None:
        return False
    if a.date_label is None or a.date_label.lower() in hit.group().lower():
        return True
    return any(d.label == a.date_label and _NEXT_TO_HABIT.fullmatch(text, d.end, hit.start()) for d in sent.dates)


def _unreal(text: str, clause: Clause, trig: Trigger) -> bool:
    """A wish, a plan or a hypothesis in the clause ("if talks were held", "hope to hold"); not a modal in a
    subordinate clause after the happening ("died at home before they could reach a hospital")."""
    return any(h.start() < trig.start or not _SUBORDINATE.search(text, trig.end, h.start())
               for h in _HYPO.finditer(text, clause.start, clause.end))


def _generic(text: str, sent: Sentence, a: Action) -> bool:
    """ "epidemics are common in the dry season", "Leptospirosis is endemic in Fiji and cases usually rise": a
    general statement in the action's clause, or in a sentence with no date of its own (a date carried over from
    "the outbreak" told before is not the sentence's)."""
    if _GENERIC.search(text, a.clause.start, a.clause.end):
        return True
    return not sent.dates and _GENERIC.search(text, sent.start, sent.end) is not None


def _travelled(found: list[Action]) -> bool:
    """A travel story: the text moves someone to three or more places, so no one place is its setting."""
    return len({a.place.id for a in found if a.type in MOVEMENT_TYPES}) >= _TRAVEL_STOPS


def _subsume_country_moves(text: str, found: list[Action]) -> list[Action]:
    """Drop "arrived in Russia" when a nearby movement names the place in Russia ("arrival in Khasan")."""
    keep = []
    for i, a in enumerate(found):
        if a.type == "disaster" and (_has_figure(text, a) or _STATUS.search(a.trigger.text)):
            keep.append(a)  # the country's or the province's own figure or status ("declared an outbreak in
            # Equateur province", "is experiencing a dengue outbreak") in an outbreak: its own event (STORY-GOLD)
            continue
        if a.place.kind == "country" and a.type != "statement" and _refined_later(found, i, a.place):
            continue
        if a.place.kind == "admin1" and a.type not in MOVEMENT_TYPES and a.type != "statement" and any(
                b.type == a.type and b.place.kind not in ("country", "admin1") and b.place.country == a.place.country
                and b.place.admin1 != "" and b.place.admin1 in (a.place.name, a.place.admin1) for b in found):
            continue  # "a Montana crash" ... "the crash near Butte": one happening, at the town
        keep.append(a)
    return keep


def _refined_later(found: list[Action], i: int, country: Place) -> bool:
    """A movement (or a happening of the same type) close after it names a place inside the country.

    "Kim's visit to Russia ... the summit at the Vostochny Cosmodrome": one meeting, at its most specific place.
    """
    a = found[i]
    moving = a.type in MOVEMENT_TYPES
    for b in found[i + 1:]:
        if moving and b.sentence.index - a.sentence.index > _SUBSUME_SENTENCES:
            return False  # found is in text order: nothing further can be close
        alike = b.type in MOVEMENT_TYPES if moving else b.type == a.type
        if alike and b.place.kind != "country" and b.place.country == country.country:
            return True
    return False




def _kind(text: str, a: Action) -> str:
    """The happening's kind: the happening_kinds table's for its trigger ("vote", "court"), else its type; a bare
    "race" in a story that has told a vote is the vote's contest ("a three-way race for two seats")."""
    said = " ".join(a.trigger.text.lower().split())
    if said in _RACE and _VOTE_TALK.search(text, 0, a.trigger.start):
        return "vote"
    return _KINDS.get(said, a.type)


def _told_there(text: str, a: Action, placed: dict[str, set[tuple[str, int]]]) -> bool:
    """Whether the sentence already told a happening at the action's place that this one is part of.

    "hosts annual book sale" is one happening, though "hosts" is a meeting's word, and so is "a special meeting
    to discuss and vote" (one clause, or one joined by "and"); "a public hearing on Tuesday, but a 3-2 vote by
    the council delayed that hearing" is two: other clauses, and kinds the happening_kinds table tells apart."""
    told = placed.get(a.place.id)
    if told is None:
        return False
    if _JOINED.match(text, a.clause.start):
        return True
    kind = _kind(text, a)
    return any(kind == k or start == a.clause.start or (kind not in _LISTED_KINDS and k not in _LISTED_KINDS)
               for k, start in told)


def _happening(text: str, a: Action, first_at: dict[tuple[str, str], Action]) -> tuple[str, str, bool, int]:
    """What makes two actions one happening: its type, its place, whether the text only says it may happen, and
    whether the text tells it apart from one of its type already told there.

    "the summit" told again is the summit; a missile test that "may" come and drills held at the same range
    are two (the first is shown less certain: geoviz.story.events); "another man was arrested", "in a separate
    incident", "a second group is holding a drive" are a new happening at the same place (STORY-GOLD counts each
    crime of a blotter); a calendar's lines at one place are one meeting per date.
    """
    modal = any(not _MODAL_PERFECT.match(text, m.end()) for m in _MODAL.finditer(text, a.clause.start, a.clause.end))
    apart = _told_apart(text, a, first_at.get((a.type, a.place.id)))
    return _kind(text, a), a.place.id, modal, a.trigger.start if apart else -1


def _told_apart(text: str, a: Action, first: Action | None) -> bool:
    """ "another man was arrested", "in the second scam", "In a separate incident, ...": the clause (or the
    sentence's opener) says this is not the happening of its type told before; "the shooting", a bare "another"
    ("one is dead and another has injuries") and "another case" of an outbreak do not."""
    if a.type in MOVEMENT_TYPES or a.type in ("statement", "disaster") or _definite(text, a.trigger):
        return False  # (an outbreak is one event per place however many cases it counts: STORY-GOLD)
    if _DISTINCT_OPENER.match(text, a.sentence.start, a.sentence.end):
        return True
    if (first is not None and a.type in _ITEM_TYPES and a.date_label and first.date_label
            and a.date_label.lower() != first.date_label.lower()
            and not a.mention.within(a.sentence.start, a.sentence.end)
            and _NEW_SUBJECT.match(text, a.sentence.start, a.trigger.start)):
        return True  # a blotter's item: "A 34-year-old man was arrested Sunday ...", placed by the story's setting,
        # on another day than the first told there
    if _RANKING.search(text, a.trigger.end, a.clause.end):
        return False  # "just the third 20-20 game in Final Four history": a ranking
    lo = max(a.clause.start, a.trigger.start - _DISTINCT_REACH)
    return any(not _PRONOUN_ANOTHER.match(text, m.end()) and _NEAR_WORDS.fullmatch(text, m.end(), a.trigger.start)
               for m in _DISTINCT.finditer(text, lo, a.trigger.start))
