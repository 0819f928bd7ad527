"""Events (what happened, where, when, by whom) and journeys (who went where) in a parsed article.

Both readers work on a :class:`~geoviz.model.Document` whose places are already
resolved, so they never guess coordinates: an event or a stop is always one of
the document's places (or, for an *implied* journey origin, a gazetteer entry
named by a stated rule and flagged ``implied``).

The approach is deliberately rule-based (no model download, no network):

* sentences come from :func:`geoviz.nlp.text.sentences`, clauses from commas,
  semicolons and clause words ("that", "while", "who" ...);
* a trigger word list per event type ("summit", "arrived", "missile test",
  "warned" ...) finds the action; the clause's highest-priority trigger wins;
* the place is the one the action governs: a mention after a locative
  preposition (at/in/to/from/near ...) in the same clause, else the clause's
  subject when it is a place ("North Korea conducted ...", "the White House
  has issued ..."), else, for static events only, a locative mention elsewhere
  in the sentence. Possessives ("North Korea's leader") and demonyms
  ("Russian President") never locate an action;
* dates are absolute, weekday or relative expressions, resolved against the
  article date when there is one (news convention: "on Wednesday" is the
  latest Wednesday on or before the article date), else kept as labels.
* actors and travellers are names ("Kim Jong Un"), bodies ("the White
  House"), or described subjects ("The Chilean president", "the trucks",
  "miners"); a place is an actor only as the clause-opening subject of its
  verb ("North Korea conducted ..."), never when it is located ("miners in
  Potosí and Oruro") or an object ("a ferry leaving Helsinki");
* a place coordinated with a governed one shares its preposition ("to Ramadi
  and Fallujah": two consecutive stops; "in Potosí and Oruro": one event each);
* journeys follow the narrated movement; a "for Y" destination ("left Amman
  for Baghdad") is where the traveller meant to go: it closes the route,
  flagged ``implied`` ("stated destination"), unless reached later in the
  text (that stop stands) or contradicted by a return (dropped);
* travellers are told apart by name words, then by role or class ("the
  minister" = "the foreign minister", "the trucks" = "a convoy"); an
  indefinite description ("a second convoy") is someone new.

Every regular expression has bounded repetition and runs once per sentence or
on a fixed-size window, so both passes are linear in the length of the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from geoviz.geo.geodesy import distance_km, geodesic_line
from geoviz.model import Document, Entry, Place, Span
from geoviz.nlp.names import fold
from geoviz.nlp.text import bounded_sentences

__all__ = [
    "EVENT_TYPES",
    "MODES",
    "Event",
    "Leg",
    "Route",
    "Stop",
    "build_legs",
    "extract_events",
    "extract_journeys",
    "route_places",
    "split_antimeridian",
]

#: Event types, highest priority first: when one clause holds several
#: triggers ("awaited Kim's arrival for the summit"), the first type wins.
EVENT_TYPES = ("military", "disaster", "protest", "meeting", "arrival", "departure", "travel", "statement", "other")
#: Travel modes a leg can carry (``None`` when the text does not say).
MODES = ("train", "plane", "car", "ship", "foot")
#: Types that describe movement: their places become journey stops.
MOVEMENT_TYPES = ("arrival", "departure", "travel")
#: Types that happen *at* a place, so a locative elsewhere in the sentence may
#: locate them ("Putin, already at the Vostochny Cosmodrome, awaited ... the summit").
_STATIC_TYPES = ("meeting", "arrival", "disaster", "protest", "other")
#: Types whose triggers are verbs that can be coordinated ("... and arrived in").
_VERB_TYPES = ("meeting", "arrival", "departure", "travel", "statement")

BASE_CERTAINTY = 0.9
_MODAL_PENALTY = 0.3  # may, could, might, would, plans to ...
_ATTRIBUTION_PENALTY = 0.15  # reportedly, according to, allegedly ...
_MIN_CERTAINTY = 0.2
_WINDOW = 80  # chars looked at around a mention for prepositions and titles
_SUBSUME_SENTENCES = 3  # a country-level movement event is refined by a specific one this close
_STEP_KM = 50.0

# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Event:
    """One action tied to one place: what, where (place id), when, who, how sure."""

    id: str
    type: str
    summary: str
    sentence: str
    start: int
    end: int
    place_id: str | None
    actors: list[str] = field(default_factory=list)
    date: str | None = None
    date_label: str | None = None
    certainty: float = BASE_CERTAINTY
    trigger: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "summary": self.summary, "sentence": self.sentence,
            "start": self.start, "end": self.end, "place_id": self.place_id, "actors": list(self.actors),
            "date": self.date, "date_label": self.date_label, "certainty": self.certainty, "trigger": self.trigger,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(id=str(d["id"]), type=str(d["type"]), summary=str(d.get("summary", "")),
                   sentence=str(d.get("sentence", "")), start=int(d.get("start", 0)), end=int(d.get("end", 0)),
                   place_id=d.get("place_id"), actors=[str(a) for a in d.get("actors") or []],
                   date=d.get("date"), date_label=d.get("date_label"),
                   certainty=float(d.get("certainty", BASE_CERTAINTY)), trigger=str(d.get("trigger", "")))


@dataclass(slots=True)
class Stop:
    """One stop of a journey: a place, the text that put it there, and how it was reached.

    ``name``/``lat``/``lon`` copy the place so a route can be drawn on its own;
    :class:`geoviz.scene.Scene` keeps them in step with its places. ``mode`` is
    how the traveller *reached* this stop, if the text says. ``implied`` stops
    were not named as stops by the text; ``reason`` says which rule added them.
    """

    place_id: str
    name: str
    lat: float
    lon: float
    span: Span | None = None
    date: str | None = None
    date_label: str | None = None
    mode: str | None = None
    implied: bool = False
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "place_id": self.place_id, "name": self.name, "lat": self.lat, "lon": self.lon,
            "span": None if self.span is None else self.span.to_dict(), "date": self.date,
            "date_label": self.date_label, "mode": self.mode, "implied": self.implied, "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stop:
        sp = d.get("span")
        return cls(place_id=str(d["place_id"]), name=str(d.get("name", "")), lat=float(d["lat"]),
                   lon=float(d["lon"]), span=None if sp is None else Span(int(sp["start"]), int(sp["end"]),
                                                                           str(sp["text"])),
                   date=d.get("date"), date_label=d.get("date_label"), mode=d.get("mode"),
                   implied=bool(d.get("implied", False)), reason=str(d.get("reason", "")))


@dataclass(slots=True)
class Leg:
    """The way between two consecutive stops.

    ``line`` is the densified geodesic as ``[lat, lon]`` pairs with *unwrapped*
    longitudes (they may pass 180), which is what Leaflet needs to draw a
    Vladivostok -> Anchorage leg across the Pacific rather than across Eurasia.
    GeoJSON export splits it at the antimeridian instead (:func:`split_antimeridian`).
    """

    from_id: str
    to_id: str
    mode: str | None
    distance_km: float
    line: list[list[float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"from_id": self.from_id, "to_id": self.to_id, "mode": self.mode, "distance_km": self.distance_km,
                "line": [list(p) for p in self.line]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Leg:
        return cls(from_id=str(d["from_id"]), to_id=str(d["to_id"]), mode=d.get("mode"),
                   distance_km=float(d["distance_km"]), line=[[float(a), float(b)] for a, b in d.get("line") or []])


@dataclass(slots=True)
class Route:
    """A journey: ordered stops and the legs between them (always ``len(stops) - 1`` of them)."""

    id: str
    stops: list[Stop] = field(default_factory=list)
    legs: list[Leg] = field(default_factory=list)
    traveller: str | None = None

    @property
    def mode(self) -> str | None:
        """The journey's mode when every leg states the same one."""
        modes = {leg.mode for leg in self.legs}
        return modes.pop() if len(modes) == 1 else None

    @property
    def distance_km(self) -> float:
        return sum(leg.distance_km for leg in self.legs)

    def recompute(self) -> None:
        """Rebuild the legs from the stops (after any edit of the stops)."""
        self.legs = build_legs(self.stops)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "traveller": self.traveller, "mode": self.mode, "distance_km": self.distance_km,
                "stops": [s.to_dict() for s in self.stops], "legs": [leg.to_dict() for leg in self.legs]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Route:
        return cls(id=str(d["id"]), stops=[Stop.from_dict(s) for s in d.get("stops") or []],
                   legs=[Leg.from_dict(x) for x in d.get("legs") or []], traveller=d.get("traveller"))


def build_legs(stops: list[Stop], step_km: float = _STEP_KM) -> list[Leg]:
    """Legs between consecutive stops: geodesic distance, densified line, mode.

    A leg's mode is the mode stated for reaching its end stop; when the text
    states none, the previous leg's mode carries on ("arrived by train ...
    then went on to X" is still the train): a journey's mode is usually said
    once.
    """
    legs: list[Leg] = []
    mode: str | None = None
    for a, b in zip(stops, stops[1:]):
        mode = b.mode or mode
        line = [[lat, lon] for lat, lon in geodesic_line((a.lat, a.lon), (b.lat, b.lon), step_km=step_km)]
        legs.append(Leg(a.place_id, b.place_id, mode, distance_km((a.lat, a.lon), (b.lat, b.lon)), line))
    return legs


def split_antimeridian(line: Iterable[Iterable[float]]) -> list[list[list[float]]]:
    """Split an unwrapped ``[lat, lon]`` line into GeoJSON ``[lon, lat]`` parts within [-180, 180].

    RFC 7946 (section 3.1.9) asks for lines crossing the antimeridian to be cut
    there, so GIS tools do not draw them across the whole map. The crossing
    latitude is interpolated linearly in (lon, lat), which is exact enough for
    the ~50 km segments of a densified geodesic.
    """
    parts: list[list[list[float]]] = []
    current: list[list[float]] = []
    prev: tuple[float, float] | None = None
    for lat, lon in line:
        lat, lon = float(lat), float(lon)
        if prev is not None:
            plat, plon = prev
            k0, k1 = _wrap_index(plon), _wrap_index(lon)
            while k0 != k1:
                step = 1 if k1 > k0 else -1
                boundary = 180.0 + 360.0 * k0 if step > 0 else -180.0 + 360.0 * k0
                t = (boundary - plon) / (lon - plon) if lon != plon else 0.0
                blat = plat + t * (lat - plat)
                current.append([180.0 if step > 0 else -180.0, blat])
                parts.append(current)
                current = [[-180.0 if step > 0 else 180.0, blat]]
                k0 += step
        current.append([_normal_lon(lon), lat])
        prev = (lat, lon)
    parts.append(current)
    kept = [q for q in (_dedupe_points(p) for p in parts) if len(q) >= 2]
    if not kept and current:
        # A zero-length leg (a stop repeated): still a valid two-position line.
        kept = [[current[0], list(current[0])]]
    return kept


def _wrap_index(lon: float) -> int:
    """Which 360-degree copy of the world a longitude lies in (0 for [-180, 180])."""
    if -180.0 <= lon <= 180.0:
        return 0
    return int((lon + 180.0) // 360.0)


def _normal_lon(lon: float) -> float:
    if -180.0 <= lon <= 180.0:
        return lon
    return (lon + 180.0) % 360.0 - 180.0


def _dedupe_points(points: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


# --------------------------------------------------------------------------
# Vocabulary (general English news phrasing; no per-article tables)
# --------------------------------------------------------------------------

_WEAPON = re.compile(r"(?i)\b(?:missiles?|rockets?|drones?|shells?|artillery|torpedo(?:es)?|warheads?|munitions|"
                     r"bombs?|guns?|mortars?|weapons?|projectiles?|salvos?)\b")
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "military": re.compile(
        r"(?i)\b(?:(?:ballistic\s+|cruise\s+|hypersonic\s+)?(?:missile|rocket|nuclear|weapons?)\s+"
        r"(?:tests?|launch(?:es)?|firings?|strikes?|attacks?)|test-fir(?:ed|es|ing)|air\s?strikes?|strikes?|"
        r"shelling|shelled|bombard(?:ed|ment|ments)|bombing|bombings|bombed|(?:military|naval|joint|"
        r"live-fire)\s+(?:exercises?|drills?)|drills?|invaded|invasion|offensive|incursion|raids?|"
        r"clash(?:ed|es)|opened\s+fire|attack(?:ed|s)?|ambush(?:ed)?)\b"),
    "disaster": re.compile(
        r"(?i)\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flooded|flash\s+floods?|"
        r"wildfires?|bushfires?|forest\s+fires?|(?<!opened\s)(?<!cease)fires?|blaze|storms?|hurricanes?|"
        r"typhoons?|cyclones?|tsunamis?|landslides?|mudslides?|eruptions?|erupted|droughts?|tornado(?:es)?|"
        r"avalanches?|heatwaves?|heat\s+waves?|blizzards?)\b"),
    "meeting": re.compile(
        r"(?i)\b(?:summits?|met|meets|meeting|meetings|talks|negotiations|conference|hosted|hosts|"
        r"held\s+talks|sat\s+down\s+with)\b"),
    "protest": re.compile(
        r"(?i)\b(?:protests?|protested|protesting|protesters|rall(?:y|ies|ied)|demonstrations?|demonstrators|"
        r"demonstrated|sit-ins?|walkouts?|walked\s+out|strikers|protest\s+march(?:es)?|marches)\b"),
    "arrival": re.compile(r"(?i)\b(?:arrived|arrives|arriving|arrival|landed|lands|reached|reaches|returned|returns|"
                          r"returning|touched\s+down|made\s+landfall|docked|docks|docking|berthed|called\s+at|"
                          r"put\s+in\s+at|came\s+ashore|were\s+brought\s+(?:ashore\s+)?to|"
                          r"was\s+brought\s+(?:ashore\s+)?to)\b"),
    "departure": re.compile(r"(?i)\b(?:left|leaves|leaving|departed|departs|departing|departure|set\s+off|"
                            r"set\s+out|set\s+sail|boarded|embarked)\b"),
    "travel": re.compile(
        r"(?i)\b(?:travel(?:l?ed|l?ing|s)?|flew|flies|flying|flight|drove|driven|sailed|sailing|visit(?:ed|ing|s)?|"
        r"trip|journey(?:ed)?|toured|tour|headed|heading|went|crossed|transited|continued\s+on|moved\s+on|"
        r"passed\s+through|walked(?!\s+out)|trekked|hiked|tracked|"
        # "moved north over ...", "moved inland": not "moved to ban".
        r"moved(?=\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:wards?)?|"
        r"inland|over|across|into|through|towards?|up|down|along)\b))\b"),
    "statement": re.compile(
        r"(?i)\b(?:said|says|warned|warns|warning|warnings|announced|announces|announcement|stated|stating|"
        r"declared|reported|told|claimed|confirmed|denied|issued\s+(?:a\s+)?statements?|condemned|vowed|"
        r"threatened)\b"),
    "other": re.compile(
        r"(?i)\b(?:signed|elections?|voted|ceremony|inaugurated|"
        r"opened|arrested|killed|died|rescued|evacuated|celebrated)\b"),
}


def _letter_first(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same ``(?i)\\b(?:word|...)`` pattern, with ``(?=[a-z])`` first so that re skips to letters in C.

    A pattern that opens with ``\\b`` is tried at every position in Python's
    engine; an opening character class lets it jump to candidate positions.
    Only for patterns whose every alternative starts with an ASCII letter
    (under ``(?i)`` ``[a-z]`` matches every character an ASCII letter matches,
    "ſ" and the Kelvin sign included: checked over all of Unicode).
    """
    assert rx.pattern.startswith("(?i)\\b"), rx.pattern
    return re.compile("(?i)(?=[a-z])" + rx.pattern[len("(?i)"):])


_TRIGGERS = {kind: _letter_first(rx) for kind, rx in _TRIGGERS.items()}
_WEAPON = _letter_first(_WEAPON)
# Weak triggers need support: "left" is also a direction, "launched"/"fired"
# also a campaign or an employee.
_WEAK_MILITARY = _letter_first(re.compile(r"(?i)\b(?:launch(?:ed|es)?|fired|fires|firing)\b"))
_LEFT = re.compile(r"(?i)\bleft\b")
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

_PREP = (r"at|in|to|into|onto|from|near|outside|inside|on|via|toward|towards|across|over|off|through|around|"
         r"for|within|beyond")
_DIRECTION_ADJ = (r"(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central|occupied|"
                  r"neighbou?ring|nearby|coastal|downtown|remote|rural|war-torn|far-eastern|far\s+eastern")
# "in Khasan", "in the border town of Khasan", "to eastern Ukraine": the
# preposition governs the mention when only an article, a short "the ... of"
# head or a direction adjective stands between them.
_GOVERNED = re.compile(
    rf"(?<![\w-])((?i:{_PREP}))\s+(?:(?i:the|a|an)\s+)?"
    rf"(?:(?:[a-z][\w-]*\s+){{0,3}}of\s+(?:the\s+)?|(?i:{_DIRECTION_ADJ})\s+)?\Z")
# "1,000 kilometres from Vladivostok", "away from", "north of": a distance
# anchor, not a location of the action.
_DISTANCE_BEFORE = re.compile(r"(?i)(?:\b(?:km|kms|kilomet\w{0,4}|miles?|metres?|meters?|away|north|south|east|"
                              r"west|north-?east|north-?west|south-?east|south-?west)\s*)\Z")
# "floods hit Bangladesh": the place is the object of an impact verb.
_IMPACT = re.compile(r"\s+(?:(?:has|have|had|again|also|reportedly)\s+){0,2}(?:hit|hits|struck|strikes|ravaged|"
                     r"battered|swept(?:\s+(?:through|across))?|devastated|lashed|rocked|shook|pounded|targeted|"
                     r"engulfed|flooded|inundated)\s+(?:the\s+)?")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")

_HEDGE_MODAL = re.compile(r"(?i)\b(?:may|might|could|would|plans?\s+to|planned\s+to|expected\s+to|likely|"
                          r"possibly|perhaps|reportedly\s+plans|intends?\s+to|potential)\b")
_HEDGE_ATTRIB = re.compile(r"(?i)\b(?:reportedly|allegedly|according\s+to|unconfirmed|believed\s+to|"
                           r"appears?\s+to|apparently|said\s+to\s+be|claimed|rumou?red)\b")

_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,(?=\s)|\s[–—-]{1,2}\s|\b(?:that|which|who|whom|whose|while|whereas|where|"
                           r"but|although|though)\b")

# Capitalised name sequences ("Kim Jong Un", "President Vladimir Putin").
_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]{0,30}(?:\s+(?:(?:of|de|del|da|al|bin|van|von|der|la|le)\s+)?"
                   r"[A-Z][\w'’.-]{0,30}){0,5}")
# "the South Korean military", "the Kremlin's spokesman" style bodies.
_BODY = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w'’-]{0,30}\s+){1,3}(?:military|army|navy|air\s+force|government|"
                   r"ministry|police|coast\s+guard|forces|troops|officials|authorities|embassy|parliament|"
                   r"agency|spokesman|spokeswoman|spokesperson|delegation|president|leader)\b")
_BODY_WORDS = {"agency", "ministry", "military", "government", "house", "council", "news", "army", "navy",
               "force", "forces", "police", "parliament", "congress", "senate", "committee", "office", "bank",
               "union", "nations", "organization", "organisation", "party", "court", "department", "kremlin"}
# Words that start sentences capitalised without naming anyone.
_STARTERS = {
    "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "after", "before", "during", "while",
    "when", "however", "meanwhile", "notably", "but", "and", "although", "though", "as", "by", "for", "from",
    "with", "without", "experts", "officials", "analysts", "it", "its", "he", "she", "they", "his", "her",
    "their", "we", "our", "i", "if", "since", "until", "earlier", "later", "last", "next", "then", "also",
    "still", "yet", "so", "thus", "according", "despite", "amid", "under", "over", "about", "among", "some",
    "many", "several", "both", "all", "each", "no", "not", "there", "here", "what", "who", "why", "how",
    "official", "former", "state", "state-run", "local", "foreign", "new", "top", "senior",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "today", "yesterday", "tomorrow",
}
_TITLES = {"president", "prime", "minister", "leader", "king", "queen", "chancellor", "general", "gen",
           "secretary", "foreign", "defence", "defense", "premier", "emir", "sultan", "pope", "mr", "mrs",
           "ms", "dr", "sir", "dame", "senator", "governor", "mayor", "ambassador", "commander", "admiral",
           "chairman", "supreme", "de", "facto", "crown", "prince", "princess"}
_PRONOUN = re.compile(r"\b(?:he|she|his|her|they|their|it|its)\b", re.IGNORECASE)

# Common-noun subjects ("the president", "The Chilean president", "the convoy",
# "the trucks", "miners", "the storm"): who acts when no one is named.
_PERSON_HEADS = ("prime minister", "foreign minister", "defence minister", "defense minister", "president",
                 "minister", "chancellor", "premier", "king", "queen", "pope", "envoy", "ambassador", "leader",
                 "senator", "governor", "mayor", "commander", "secretary", "diplomat", "spokesman", "spokeswoman",
                 "spokesperson", "monarch", "emir", "sultan", "prince", "princess", "official",
                 "delegate", "captain", "coach", "skipper")
#: Group or vehicle heads, with the class that makes "the trucks" the same traveller as "a convoy".
_HEAD_CLASS = {
    **dict.fromkeys(("convoy", "truck", "lorry", "lorries", "vehicle", "bus", "buses", "column", "motorcade",
                     "caravan"), "convoy"),
    **dict.fromkeys(("ship", "vessel", "ferry", "ferries", "tanker", "freighter", "warship", "frigate",
                     "destroyer", "carrier", "submarine", "yacht", "boat", "dinghy", "dinghies", "liner",
                     "trawler"), "vessel"),
    **dict.fromkeys(("team", "squad", "side", "player"), "team"),
    **dict.fromkeys(("storm", "hurricane", "typhoon", "cyclone", "depression"), "storm"),
    **dict.fromkeys(("migrant", "refugee", "asylum seeker"), "migrants"),
    **dict.fromkeys(("troop", "soldier", "forces", "army"), "troops"),
    **dict.fromkeys(("plane", "aircraft", "jet", "flight", "helicopter"), "aircraft"),
    # Who travels with a leader: "the delegation travelled on" continues the leader's journey.
    **dict.fromkeys(("delegation", "entourage", "party"), "delegation"),
    **{w: w for w in ("pilgrim", "tourist", "passenger", "group", "family", "families", "hiker", "climber",
                      "expedition", "miner", "worker", "teacher", "protester", "demonstrator", "student", "farmer",
                      "doctor", "nurse", "driver", "government", "authorities", "police", "crew", "rescuer",
                      "orchestra", "survivor")},
}
_HEADS = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") + ("" if h.endswith(("s", "ies")) else "(?:e?s)?")
                          for h in (*_PERSON_HEADS, *_HEAD_CLASS)), key=len, reverse=True))
_NP_STOP = (r"the|a|an|and|or|but|of|in|on|at|to|from|for|with|by|into|onto|was|were|is|are|has|have|had|be|"
            r"been|then|after|before|as|that|which|who|while|when|said|says|its|his|her|their|it|he|she|they|"
            r"also|later|not")
_NP = re.compile(
    r"(?<![\w'’-])(?P<det>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|"
    r"[Oo]ur|[Ss]everal|[Mm]any|[Bb]oth|(?:[Dd]ozens|[Hh]undreds|[Tt]housands)\s+of)\s+)?"
    r"(?:(?:about|around|nearly|some|at\s+least|more\s+than)\s+)?"
    rf"(?P<mods>(?:(?!(?:{_NP_STOP})\b)[\w'’-]{{1,30}}\s+){{0,3}}?)"
    # "a passenger ferry", "an aid convoy": a compound's last noun is its head.
    rf"(?:(?i:{_HEADS})\s+)?(?P<head>(?i:{_HEADS}))(?![\w'’-])"
    # "a group of about forty migrants": the complement says who the group is.
    r"(?:\s+of\s+(?:(?:about|around|nearly|some|more\s+than|at\s+least)\s+)?(?:[\w'’-]{1,30}\s+){0,2}?"
    rf"(?P<head2>(?i:{_HEADS}))(?![\w'’-]))?")
# Every _NP match contains a head word, so a span without one (most clauses) needs no _NP scan: _NP tries
# every start position through optional determiners and modifiers, which is the costly part.
_ANY_HEAD = re.compile(rf"(?i)(?=[a-z])(?:{_HEADS})")
# "with the minister", "aboard the ship": a noun phrase after a preposition is not a subject.
_GOVERNED_BEFORE = re.compile(r"(?i)\b(?:of|with|by|for|to|from|in|at|on|into|among|between|against|about|"
                              r"behind|like|aboard|carrying|and|or|than|over|under)\s+\Z")

# "North Korea's leader Kim Jong Un", "French foreign minister Marie Dubois".
_LEADER_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:de\s+facto|supreme|top|new|long-?time|veteran)\s+)?"
    r"(?i:leader|president|prime\s+minister|premier|king|queen|chancellor|emir|sultan|head\s+of\s+state|"
    r"(?:foreign|defen[cs]e|trade|finance|interior)\s+minister|minister|envoy)\s*,?\s+"
    r"((?:[A-Z][\w'’.-]{0,30}\s+){0,3}[A-Z][\w'’.-]{0,30})")

_MODE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("train", re.compile(r"(?i)\b(?:trains?|rail|railway|by\s+rail)\b")),
    ("plane", re.compile(r"(?i)\b(?:flew|flies|flying|flight|flights|plane|jet|airliner|aircraft|helicopter|"
                         r"by\s+air|airlifted)\b")),
    ("ship", re.compile(r"(?i)\b(?:sailed|sailing|ship|ferry|boat|vessel|yacht|by\s+sea|warship|cruise)\b")),
    ("car", re.compile(r"(?i)\b(?:drove|driven|driving|car|cars|motorcade|convoy|bus|by\s+road|limousine|"
                       r"by\s+coach|trucks?|lorry|lorries)\b")),
    ("foot", re.compile(r"(?i)\b(?:on\s+foot|walked|walking|trekked|trekking|hiked|hiking)\b")),
)
_MODE_PATTERNS = tuple((mode, _letter_first(rx)) for mode, rx in _MODE_PATTERNS)

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a": 1}
_DATE = re.compile(
    rf"\b(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b"
    rf"|\b(?P<md>(?P<mdm>{_MONTH_RE})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy>\d{{4}}))?)\b"
    rf"|\b(?P<dm>(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH_RE})(?:,?\s+(?P<dmy>\d{{4}}))?)"
    rf"(?![\w])"
    rf"|\b(?P<wd>(?:(?P<wq>(?i:last|this|next|on|early|late))\s+)?(?P<wday>{'|'.join(_WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b"
    r"|\b(?P<rel>(?i:yesterday|today|tonight|tomorrow|last\s+night|(?:earlier|later)\s+(?:this|that)\s+"
    r"(?:day|week)|last\s+(?:week|month|year)|this\s+week|next\s+week|the\s+(?:next|following|previous)\s+"
    r"(?:day|morning|evening|week)|the\s+day\s+(?:after|before)|(?P<rn>\d{1,2}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a)\s+(?P<ru>days?|weeks?)\s+(?P<rd>later|earlier|ago|before|after)))\b")


@dataclass(frozen=True, slots=True)
class _DateExpr:
    start: int
    end: int
    label: str
    kind: str  # absolute | weekday | relative
    match: re.Match[str]


def _date_exprs(text: str, start: int, end: int) -> list[_DateExpr]:
    out = []
    for m in _DATE.finditer(text, start, end):
        if m.group("iso"):
            kind = "absolute"
        elif m.group("md") or m.group("dm"):
            kind = "absolute"
        elif m.group("wd"):
            kind = "weekday"
        else:
            kind = "relative"
        label = m.group("wday") if kind == "weekday" and (m.group("wq") or "").lower() in ("", "on") else m.group()
        out.append(_DateExpr(m.start(), m.end(), label, kind, m))
    return out


def _parse_iso(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """A day-month without a year: the occurrence closest to the article date."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def _resolve_date(expr: _DateExpr, ref: dt.date | None, prev: dt.date | None) -> dt.date | None:
    """The calendar date of a date expression, or None when it cannot be fixed.

    ``ref`` is the article date; ``prev`` the previous event's date, the anchor
    of "the next day" and "two days later".
    """
    m = expr.match
    try:
        if m.group("iso"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("md") or m.group("dm"):
            pre = "md" if m.group("md") else "dm"
            month, day = _month(m.group(pre + "m")), int(m.group(pre + "d"))
            year = m.group(pre + "y")
            if year:
                return dt.date(int(year), month, day)
            return _nearest_year(month, day, ref) if ref else None
    except (ValueError, KeyError):
        return None
    if m.group("wd"):
        return _resolve_weekday(m.group("wday"), (m.group("wq") or "").lower(), ref)
    return _resolve_relative(m, ref, prev)


def _resolve_weekday(name: str, qualifier: str, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    target = _WEEKDAYS.index(name)
    back = (ref.weekday() - target) % 7
    if qualifier == "last":
        return ref - dt.timedelta(days=back or 7)
    if qualifier == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=back)


def _resolve_relative(m: re.Match[str], ref: dt.date | None, prev: dt.date | None) -> dt.date | None:
    """Relative expressions; week-, month- and year-level ones resolve to their first day."""
    text = " ".join(m.group("rel").lower().split())
    if m.group("rn"):
        n = int(m.group("rn")) if m.group("rn").isdigit() else _NUMBER_WORDS[m.group("rn").lower()]
        days = n * (7 if m.group("ru").startswith("week") else 1)
        direction = m.group("rd").lower()
        if direction == "ago":
            return ref - dt.timedelta(days=days) if ref else None
        base = prev
        return None if base is None else base + dt.timedelta(days=days if direction in ("later", "after") else -days)
    if text.startswith(("the next", "the following", "the day after")):
        step = 7 if text.endswith("week") else 1
        return prev + dt.timedelta(days=step) if prev else None
    if text.startswith(("the previous", "the day before")):
        return prev - dt.timedelta(days=1) if prev else None
    if ref is None:
        return None
    fixed = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if text in fixed:
        return ref + dt.timedelta(days=fixed[text])
    monday = ref - dt.timedelta(days=ref.weekday())
    if text == "last week":
        return monday - dt.timedelta(days=7)
    if text in ("this week", "earlier this week", "later this week"):
        return monday
    if text == "next week":
        return monday + dt.timedelta(days=7)
    if text == "last month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1)
    if text == "last year":
        return dt.date(ref.year - 1, 1, 1)
    return None


# --------------------------------------------------------------------------
# Text analysis shared by events and journeys
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    place: Place
    adjectival: bool  # demonym ("Russian") or possessive ("North Korea's"): never a location
    prep: str  # governing preposition, lower-case, or ""
    distance_anchor: bool
    coordinated: bool = False  # joined to the previous mention by "and"/a comma, sharing its preposition


@dataclass(slots=True)
class _Trigger:
    type: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    triggers: list[_Trigger] = field(default_factory=list)


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int
    end: int
    clauses: list[_Clause]
    mentions: list[_Mention]
    dates: list[_DateExpr]


class _Analysis:
    """Sentences, clauses, triggers, mentions and dates of one document, computed once."""

    def __init__(self, doc: Document, demonyms: Callable[[str], bool]) -> None:
        self.doc = doc
        self.text = doc.text or ""
        self.ref = _parse_iso(doc.date)
        self.names_cache: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.subject_cache: dict[int, tuple[list[int], list[tuple[int, int, str] | None]]] = {}
        # Events, journeys and the people memory ask for the names and noun phrases of the same clause
        # several times; both are pure functions of the span, so each span is scanned once.
        self.names_memo: dict[tuple[int, int, bool], list[tuple[int, int, str]]] = {}
        self.nps_memo: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.mode_memo: dict[tuple[int, int], str | None] = {}
        self.found: list[_Found] | None = None  # _scan's result, shared by extract_events and extract_journeys
        all_mentions = sorted(((m, p) for p in doc.places for m in p.mentions), key=lambda mp: mp[0].start)
        starts = [m.start for m, _ in all_mentions]
        self.sentences: list[_Sentence] = []
        for i, (s, e) in enumerate(bounded_sentences(self.text)):
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            ms = _inherit_prepositions(self.text, [self._mention(span, place, demonyms)
                                                   for span, place in all_mentions[lo:hi] if span.end <= e])
            clauses = [self._clause(cs, ce) for cs, ce in _clauses(self.text, s, e)]
            self.sentences.append(_Sentence(i, s, e, clauses, ms, _date_exprs(self.text, s, e)))

    def _mention(self, span: Span, place: Place, demonyms: Callable[[str], bool]) -> _Mention:
        text = self.text
        surface = text[span.start:span.end]
        possessive = bool(_POSSESSIVE_AFTER.match(text, span.end))
        demonym = fold(surface) != fold(place.name) and demonyms(surface)
        window = text[max(0, span.start - _WINDOW):span.start]
        gov = _GOVERNED.search(window)
        prep = gov.group(1).lower() if gov else ""
        anchor = bool(prep in ("from", "of") and gov and _DISTANCE_BEFORE.search(window[:gov.start()]))
        return _Mention(span.start, span.end, place, possessive or demonym, prep, anchor)

    def _clause(self, start: int, end: int) -> _Clause:
        clause = _Clause(start, end)
        labour = [(m.start(), m.end()) for m in _LABOUR_STRIKE.finditer(self.text, start, end)]
        for a, b in labour:
            clause.triggers.append(_Trigger("protest", a, b, self.text[a:b]))
        for kind, rx in _TRIGGERS.items():
            for m in rx.finditer(self.text, start, end):
                if kind == "departure" and _LEFT.fullmatch(m.group()) and not _left_is_movement(self.text, m.end()):
                    continue
                if any(a <= m.start() < b for a, b in labour):
                    continue  # "went on strike": the labour action already stands for it
                clause.triggers.append(_Trigger(kind, m.start(), m.end(), m.group()))
        if _WEAPON.search(self.text, start, end):
            for m in _WEAK_MILITARY.finditer(self.text, start, end):
                clause.triggers.append(_Trigger("military", m.start(), m.end(), m.group()))
        clause.triggers.sort(key=lambda t: t.start)
        return clause


# "in Potosí and Oruro", "to Ramadi and Fallujah": a conjunction between two
# mentions. A bare comma is not enough ("While Kim was in Russia, North Korea ...").
_COORDINATION = re.compile(r"\s*,?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?")


def _inherit_prepositions(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A mention coordinated with a governed one shares its preposition ("to Ramadi and Fallujah").

    Without this, "Oruro" in "miners in Potosí and Oruro went on strike" looks
    like a bare subject (an actor) and "Fallujah" like no stop at all.
    """
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and not m.prep and prev.prep and not prev.adjectival and not m.adjectival
                and 0 < m.start - prev.end <= 16 and _COORDINATION.fullmatch(text, prev.end, m.start)):
            m = _Mention(m.start, m.end, m.place, m.adjectival, prev.prep, prev.distance_anchor, True)
        out.append(m)
    return out


def _left_is_movement(text: str, end: int) -> bool:
    """ "left Pyongyang", "left for Moscow", "left the capital": not "on the left"."""
    nxt = text[end:end + 20].lstrip()
    return bool(nxt[:1].isupper() or nxt.lower().startswith(("for ", "the ", "on ", "from ")))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > s:
            spans.append((s, m.start()))
        s = m.end() if not m.group()[0].isalpha() else m.start()
    if end > s:
        spans.append((s, end))
    out = []
    for a, b in spans:
        out.extend(_split_coordinated(text, a, b))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in out) if b > a]


_AND_VERB = re.compile(r"\band\s+(?:(?:then|later|subsequently|also)\s+)?")


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "left Ottawa ... and arrived in London": a coordinated action verb starts a new clause."""
    spans, s = [], start
    for m in _AND_VERB.finditer(text, start, end):
        if any(rx.match(text, m.end(), end) for kind, rx in _TRIGGERS.items() if kind in _VERB_TYPES):
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


def _in(m: _Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end


# --------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------


def _names(text: str, start: int, end: int, sentence: _Sentence, places_ok: bool = True) -> list[tuple[int, int, str]]:
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


def _names_in(an: _Analysis, start: int, end: int, sentence: _Sentence,
              places_ok: bool = True) -> list[tuple[int, int, str]]:
    """:func:`_names` of a span of the analysed text, scanned once per span (callers must not mutate it)."""
    key = (start, end, places_ok)
    out = an.names_memo.get(key)
    if out is None:
        out = an.names_memo[key] = _names(an.text, start, end, sentence, places_ok)
    return out


def _noun_subjects_in(an: _Analysis, start: int, end: int, sent: _Sentence) -> list[tuple[int, int, str]]:
    """:func:`_noun_subjects` of a span of the analysed text, scanned once per span."""
    key = (start, end)
    out = an.nps_memo.get(key)
    if out is None:
        out = an.nps_memo[key] = _noun_subjects(an.text, start, end, sent)
    return out


def _body_name(text: str, m: re.Match[str], sentence: _Sentence) -> str:
    """ "the South Korean military" -> "South Korean military"; "The Chilean president" stays whole.

    A demonym is dropped only when a proper name is left ("the Russian Defence
    Ministry" -> "Defence Ministry"); a bare role would say nothing.
    """
    stripped = _strip_demonym(text, m.start() + 4, m.end(), sentence)
    return stripped if any(c.isupper() for c in stripped) else " ".join(m.group().split())


_POSSESSIVE_END = re.compile(r"['’]s\Z")


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


def _strip_demonym(text: str, s: int, e: int, sentence: _Sentence) -> str:
    """Drop a leading demonym ("Russian President Vladimir Putin" -> "President Vladimir Putin")."""
    for m in sentence.mentions:
        if m.adjectival and m.start <= s < m.end and m.end < e and not _POSSESSIVE_AFTER.match(text, m.end):
            s = m.end
    name = text[s:e].strip().rstrip(".")
    return re.sub(r"['’]s$", "", name)


def _is_person(name: str, places: set[str], known: set[str] | None = None) -> bool:
    """A person's name: two or more words, or a title and a name, or a word of a person already named.

    A lone capitalised word ("Floods swept ...") is too often a sentence's
    first common noun to count.
    """
    words = name.lower().replace("’", "'").split()
    if not words or fold(name) in places or any(w.strip("'s") in _BODY_WORDS for w in words):
        return False
    tokens = _name_tokens(name)
    titled = len(tokens) < len(name.split())
    return len(tokens) >= 2 or (titled and bool(tokens)) or bool(known and tokens & known)


def _place_names(doc: Document) -> set[str]:
    return {fold(p.name) for p in doc.places}


def _head_key(head: str) -> str:
    """ "Trucks" -> "convoy", "presidents" -> "president": the class a head noun refers by."""
    h = " ".join(head.lower().split())
    for cand in (h, h[:-2] if h.endswith("es") else h, h[:-1] if h.endswith("s") else h):
        if cand in _HEAD_CLASS:
            return _HEAD_CLASS[cand]
        if cand in _PERSON_HEADS:
            return cand
    return h


def _noun_subjects(text: str, start: int, end: int, sent: _Sentence) -> list[tuple[int, int, str]]:
    """Common-noun phrases that can be a subject: "The Chilean president", "the trucks", "miners".

    A capitalised head is a title inside a name ("Russian President Vladimir
    Putin"), unless it opens the sentence bare ("Protesters rallied ...").
    """
    out: list[tuple[int, int, str]] = []
    if not _ANY_HEAD.search(text, start, end):
        return out  # same bounds as the scan below, so no head here means no _NP match
    for m in _NP.finditer(text, start, end):
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


_NAME_START = re.compile(r"\s{1,3}[A-Z][a-z]")
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’.-]{0,30},\s{1,2}\Z")


def _apposition(text: str, m: re.Match[str], sent: _Sentence) -> bool:
    """ "Marie Dubois, the French foreign minister, ...": a described name, not a second subject."""
    if not m.group("det") or not text.startswith(",", m.end()):
        return False
    before = _APPOSITION_BEFORE.search(text[max(sent.start, m.start() - 34):m.start()])
    return bool(before) and not _is_place_span(sent, m.start() - 3, m.start() - 2)


def _np_head(phrase: str) -> str | None:
    m = _NP.fullmatch(phrase)
    return _head_key(m.group("head")) if m else None


def _is_place_span(sent: _Sentence, s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in sent.mentions)


_CLAUSE_OPENING = re.compile(r"(?i)\s*(?:(?:the|and|but|so|while|when|as|also|then|later|meanwhile|notably|"
                             r"neighbou?ring|nearby)\b[\s,]*){0,3}")


def _subjects(an: _Analysis, sent: _Sentence, start: int, end: int,
              places_ok: bool = True) -> list[tuple[int, int, str]]:
    """Names and common-noun subjects in [start, end), in text order; a name wins where both overlap.

    (A name wholly inside a longer noun phrase is that phrase's modifier: the phrase wins.)
    """
    names = _names_in(an, start, end, sent, places_ok)
    nps = _noun_subjects_in(an, start, end, sent)
    # "Relief convoy": a capitalised first word inside a described subject is not a name of its own.
    names = [x for x in names if not any(a <= x[0] and x[1] <= b and b - a > x[1] - x[0] for a, b, _ in nps)]
    nps = [n for n in nps if not any(a < n[1] and n[0] < b for a, b, _ in names)]
    return sorted(names + nps)


def _actors(an: _Analysis, sent: _Sentence, clause: _Clause, trig: _Trigger, memory: dict[str, Any]) -> list[str]:
    """Who acts: the clause's names before the trigger (subject), the sentence subject, "with X" for meetings.

    A pronoun subject ("he was greeted upon his arrival") falls back to the
    last person named earlier in the text.
    """
    text = an.text
    key = (clause.start, clause.end)
    if key not in an.names_cache:  # one scan per clause, however many triggers it holds
        an.names_cache = {key: _subjects(an, sent, clause.start, clause.end)}
    before = [(s, e, n) for s, e, n in an.names_cache[key] if e <= trig.start]
    if before and _is_place_span(sent, before[-1][0], before[-1][1]) and not (
            _subject_gap(text, before[-1][1], trig.start) and _CLAUSE_OPENING.fullmatch(text, clause.start,
                                                                                        before[-1][0])):
        # A place is a where, not a who, unless it opens the clause as its subject ("North Korea conducted",
        # "the White House has issued"); "a ferry leaving Helsinki simulated ..." is the ferry's action.
        before = [b for b in before[:-1] if not _is_place_span(sent, b[0], b[1])]
    actors = [before[-1][2]] if before else []
    if not actors:
        sentence_first = _sentence_subjects(an, sent, clause)
        pronoun = _PRONOUN.search(text, clause.start, trig.start)
        referent = None
        if pronoun:
            plural = pronoun.group().lower() in ("they", "their", "it", "its")
            referent = (memory.get("thing") if plural else None) or memory.get("person")
        if referent:
            actors.append(referent)
        elif sentence_first:
            actors.append(sentence_first[0][2])
    if trig.type == "meeting" and not (before and _AND_CLAUSE.match(text, clause.start)):
        # "Kim ..., which led to talks": the sentence subject takes part; "..., and the government called
        # for talks" has a subject of its own.
        sentence_first = _sentence_subjects(an, sent, clause)
        if sentence_first and sentence_first[0][2] not in actors and _can_meet(sentence_first[0][2]):
            actors.insert(0, sentence_first[0][2])
        after = text[trig.end:clause.end]
        w = re.search(r"\b(?:with|and)\s+", after)
        if w:
            more = _names_in(an, trig.end + w.end(), clause.end, sent)
            if more and more[0][0] <= trig.end + w.end() + 30:
                actors.append(more[0][2])
    return [a for i, a in enumerate(actors) if a and a not in actors[:i]]


_AND_CLAUSE = re.compile(r"(?i)(?:and|but|or)\b")


def _can_meet(subject: str) -> bool:
    """A name or a described person meets; "the presidential plane" does not."""
    head = _np_head(subject)
    return head is None or head in _PERSON_HEADS or head in ("delegation", "government", "team")


def _sentence_subjects(an: _Analysis, sent: _Sentence, clause: _Clause) -> list[tuple[int, int, str]]:
    """The subject a verb-initial clause shares: the nearest earlier clause's subject, before that clause's verb.

    "..., the trucks drove to Ruwaished and returned to Amman": the trucks
    returned. A name or noun phrase after its clause's verb is an object
    ("they boarded a small boat ..., and ... were brought ashore": not the boat).
    Computed once per sentence, so many verbs in one run-on sentence stay linear.
    """
    if sent.index not in an.subject_cache:
        nearest: list[tuple[int, int, str] | None] = []
        last: tuple[int, int, str] | None = None
        for other in sent.clauses:
            verb = other.triggers[0].start if other.triggers else other.end
            found = _subjects(an, sent, other.start, verb, places_ok=False)
            last = found[-1] if found else last
            nearest.append(last)
        an.subject_cache[sent.index] = ([c.start for c in sent.clauses], nearest)
    starts, nearest = an.subject_cache[sent.index]
    i = bisect.bisect_left(starts, clause.start) - 1  # the clause just before this one
    return [nearest[i]] if i >= 0 and nearest[i] is not None else []


def _subject_gap(text: str, end: int, trig_start: int) -> bool:
    """ "North Korea conducted", "the White House has issued": a place right before its verb acts as a body."""
    gap = text[end:trig_start]
    return len(gap.split()) <= 5 and not re.search(r"[,;:]", gap)


# --------------------------------------------------------------------------
# Places for a trigger
# --------------------------------------------------------------------------

_MOVE_PREPS = {
    "arrival": ("in", "at", "to", "into", "onto"),
    "departure": ("from",),
    "travel": ("to", "into", "toward", "towards", "for", "via", "through", "across", "in", "at"),
}
_LOCATIVE = ("at", "in", "near", "outside", "inside", "on", "into", "onto", "to", "off", "over", "across", "within",
             "around", "beyond", "toward", "towards", "from", "through")


def _usable(m: _Mention) -> bool:
    return not m.adjectival and not m.distance_anchor


def _place_for(an: _Analysis, sent: _Sentence, clause: _Clause, trig: _Trigger) -> _Mention | None:
    """The mention the action happens at, or None (an event is never placed by guesswork)."""
    inside = [m for m in sent.mentions if _in(m, clause.start, clause.end) and _usable(m)]
    after = [m for m in inside if m.start >= trig.end]
    before = [m for m in inside if m.end <= trig.start]
    if trig.type in _MOVE_PREPS:
        preps = _MOVE_PREPS[trig.type]
        for m in after:
            if m.prep in preps or (not m.prep and _direct_object(an.text, trig.end, m.start)):
                return m
        if trig.type != "arrival":
            return None
    if trig.type == "statement":
        # What is said ("... that North Korea would pay a price ... in Ukraine") is not where.
        for m in after:
            if m.prep in ("in", "at", "from") and m.start - trig.end < 40:
                return m
        return _subject(an.text, before, trig)
    for m in after + before[::-1]:
        if m.prep in _LOCATIVE:
            return m
    for m in after:
        if _IMPACT.fullmatch(an.text, trig.end, m.start):
            return m  # "floods hit Bangladesh", "missiles struck Kharkiv"
    if re.match(r"(?i)where\b", an.text[clause.start:clause.start + 6]):
        # "... flew on to Johannesburg, where she met ...": the antecedent place.
        antecedent = [m for m in sent.mentions if m.end <= clause.start and _usable(m)]
        if antecedent:
            return antecedent[-1]
    subject = _subject(an.text, before, trig)
    if subject is not None:
        return subject
    if trig.type in _STATIC_TYPES:
        # A place described by a trigger-less clause of the same sentence
        # ("Putin, who was already at the Vostochny Cosmodrome, awaited ... the
        # summit"); a place another action governs ("arrived in Russia") is taken.
        for other in sent.clauses:
            if other is clause or other.triggers:
                continue
            for m in sent.mentions:
                if _in(m, other.start, other.end) and _usable(m) and m.prep in ("at", "in", "near", "inside",
                                                                                  "outside"):
                    return m
    return None


def _direct_object(text: str, trig_end: int, mention_start: int) -> bool:
    """ "left Pyongyang", "visited the Kremlin", "left the port of Mombasa": the place is the verb's object."""
    gap = text[trig_end:mention_start]
    return (len(gap) < 8 and gap.strip().lower() in ("", "the")) or (
        len(gap) < 40 and bool(_OF_HEAD.fullmatch(gap)))


# "the port of", "the border town of", "the capital,": a place named through its head noun.
_OF_HEAD = re.compile(r"\s+the\s+(?:[a-z][\w-]{0,20}\s+){0,2}(?:port|city|town|village|capital|harbou?r|island|"
                      r"region|province|state|district|base|airport)\s+of\s+(?:the\s+)?")


def _subject(text: str, before: list[_Mention], trig: _Trigger) -> _Mention | None:
    """The clause subject when it is a place: "North Korea conducted a ... test", "the White House has issued"."""
    for m in before[::-1]:
        if m.prep:
            continue
        gap = text[m.end:trig.start]
        if len(gap.split()) <= 5 and not re.search(r"[,;:]", gap):
            return m
        return None
    return None


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def _certainty(text: str, sent: _Sentence, clause: _Clause) -> float:
    c = BASE_CERTAINTY
    if _HEDGE_MODAL.search(text, clause.start, clause.end):
        c -= _MODAL_PENALTY
    if _HEDGE_ATTRIB.search(text, sent.start, sent.end):
        c -= _ATTRIBUTION_PENALTY
    return round(max(_MIN_CERTAINTY, c), 3)


def _summary(text: str, sent: _Sentence, clause: _Clause) -> str:
    s = " ".join(text[clause.start:clause.end].split()) if clause.end - clause.start >= 25 else " ".join(
        text[sent.start:sent.end].split())
    s = re.sub(r"(?i)^(?:that|which|who|whom|whose|while|whereas|where|but|although|though)\s+", "", s)
    return s if len(s) <= 160 else s[:157].rstrip() + "..."


def _date_for(sent: _Sentence, clause: _Clause, trig: _Trigger) -> _DateExpr | None:
    """The date expression nearest the trigger: in its clause first, else in its sentence."""
    own = [d for d in sent.dates if clause.start <= d.start and d.end <= clause.end]
    pool = own or sent.dates
    if not pool:
        return None
    return min(pool, key=lambda d: abs(d.start - trig.start))


def _default_demonyms() -> Callable[[str], bool]:
    try:
        from geoviz.geo.gazetteer import default_gazetteer

        keys = default_gazetteer().demonym_keys
    except Exception:  # no store: fall back to the suffix rule  # noqa: BLE001
        keys = {}
    suffix = re.compile(r"(?:ian|ese|ish|ean|an|i|ic|ch)s?$")
    return (lambda s: fold(s) in keys) if keys else (lambda s: bool(suffix.search(fold(s))))


@dataclass(slots=True)
class _Found:
    event: Event
    sentence: int
    mention: _Mention | None
    resolved: dt.date | None


def _scan(an: _Analysis) -> list[_Found]:
    """Every placed event, with the bookkeeping journeys need."""
    found: list[_Found] = []
    memory: dict[str, Any] = {}
    state = _DateState()
    places = _place_names(an.doc)
    for sent in an.sentences:
        seen: set[tuple[str, str]] = set()
        for clause in sent.clauses:
            for trig in _clause_triggers(an, sent, clause):
                f = _event_for(an, sent, clause, trig, memory, state)
                if f is None:
                    continue
                for g in _fan_out(sent, f):
                    if (g.event.type, g.event.place_id) not in seen:
                        seen.add((g.event.type, g.event.place_id or ""))
                        found.append(g)
            _remember_people(an, sent, clause, places, memory)
    return _subsume_country_moves(found)


def _scanned(an: _Analysis) -> list[_Found]:
    """:func:`_scan` once per analysis: extract_events and extract_journeys of one document share it."""
    if an.found is None:
        an.found = _scan(an)
    return an.found


def _coordination_chain(sent: _Sentence, mention: _Mention) -> list[_Mention]:
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


def _fan_out(sent: _Sentence, f: _Found) -> list[_Found]:
    """One static event per coordinated place: "miners in Potosí and Oruro went on strike" is two markers.

    Movement events stay single: their coordinated places become consecutive
    journey stops instead.
    """
    if f.mention is None or f.event.type in MOVEMENT_TYPES or not f.mention.prep:
        return [f]
    chain = _coordination_chain(sent, f.mention)
    if len(chain) == 1:
        return [f]
    out = []
    for m in chain:
        ev = Event.from_dict({**f.event.to_dict(), "place_id": m.place.id})
        out.append(_Found(ev, f.sentence, m, f.resolved))
    return out


@dataclass(slots=True)
class _DateState:
    """What relative dates lean on: the previous event's date and the last date seen per event type."""

    prev: dt.date | None = None
    last_by_type: dict[str, tuple[dt.date | None, str | None]] = field(default_factory=dict)


def _clause_triggers(an: _Analysis, sent: _Sentence, clause: _Clause) -> list[_Trigger]:
    """The clause's best trigger, plus any movement verb that governs a place of its own.

    "travelled to Warsaw ... for talks" is both a journey and a meeting;
    "crossed into Iraq ... before heading to Ramadi" is two movements;
    "awaited Kim's arrival for the summit" stays one meeting, because the
    arrival there governs no place.
    """
    best = _best_trigger(clause)
    if best is None:
        return []
    out = [best]
    for t in clause.triggers:
        if t is not best and t.type in MOVEMENT_TYPES:
            m = _place_for(an, sent, clause, t)
            if m is not None and _in(m, clause.start, clause.end) and m.start >= t.end and m.prep:
                out.append(t)
    return sorted(out, key=lambda t: t.start)


def _event_for(an: _Analysis, sent: _Sentence, clause: _Clause, trig: _Trigger, memory: dict[str, Any],
               state: _DateState) -> _Found | None:
    expr = _date_for(sent, clause, trig)
    resolved = _resolve_date(expr, an.ref, state.prev) if expr else None
    label = expr.label if expr else None
    if expr is None and trig.type in state.last_by_type and _definite(an.text, trig):
        resolved, label = state.last_by_type[trig.type]  # "the summit": the one already dated
    if expr is not None:
        state.last_by_type[trig.type] = (resolved, label)
    mention = _place_for(an, sent, clause, trig)
    if mention is None:
        return None
    if resolved:
        state.prev = resolved
    ev = Event(id="", type=trig.type, summary=_summary(an.text, sent, clause),
               sentence=an.text[sent.start:sent.end], start=sent.start, end=sent.end,
               place_id=mention.place.id, actors=_actors(an, sent, clause, trig, memory),
               date=resolved.isoformat() if resolved else None, date_label=label,
               certainty=_certainty(an.text, sent, clause), trigger=trig.text)
    return _Found(ev, sent.index, mention, resolved)


def _best_trigger(clause: _Clause) -> _Trigger | None:
    if not clause.triggers:
        return None
    return min(clause.triggers, key=lambda t: (EVENT_TYPES.index(t.type), t.start))


def _definite(text: str, trig: _Trigger) -> bool:
    """ "the summit", "the talks": a reference back to an event already dated."""
    return bool(re.search(r"(?i)\b(?:the|this|that)\s+\Z", text[max(0, trig.start - 8):trig.start]))


def _remember_people(an: _Analysis, sent: _Sentence, clause: _Clause, places: set[str],
                     memory: dict[str, Any]) -> None:
    known = memory.setdefault("tokens", set())
    first_trigger = clause.triggers[0].start if clause.triggers else clause.end
    people = [(e, name) for _s, e, name in _names_in(an, clause.start, clause.end, sent)
              if _is_person(name, places, known)]
    if people:
        # The subject (before the verb) is whom a later "she" most likely means, else the last one named.
        subjects = [name for e, name in people if e <= first_trigger]
        memory["person"] = subjects[-1] if subjects else people[-1][1]
        for _e, name in people:
            known.update(_name_tokens(name))
        return
    # "The Chilean president ...", "a convoy ...": a described subject is what a later pronoun refers to.
    for _s, _e, phrase in _noun_subjects_in(an, clause.start, first_trigger, sent):
        head = _np_head(phrase)
        if head in _PERSON_HEADS and not phrase.endswith("s"):  # "he"/"she" is one person, not "officials"
            memory["person"] = phrase
        elif head is not None:
            memory["thing"] = phrase
        break


def _subsume_country_moves(found: list[_Found]) -> list[_Found]:
    """Drop "arrived in Russia" when a nearby movement names the place in Russia ("arrival in Khasan")."""
    keep = []
    for i, f in enumerate(found):
        p = f.mention.place if f.mention else None
        if p is not None and p.kind == "country" and f.event.type in MOVEMENT_TYPES and _refined_later(found, i, p):
            continue
        keep.append(f)
    return keep


def _refined_later(found: list[_Found], i: int, country: Place) -> bool:
    for g in found[i + 1:]:
        if g.sentence - found[i].sentence > _SUBSUME_SENTENCES:
            return False  # found is in text order: nothing further can be close
        if (g.event.type in MOVEMENT_TYPES and g.mention and g.mention.place.kind != "country"
                and g.mention.place.country == country.country):
            return True
    return False


_LAST_ANALYSES: list[tuple[tuple, _Analysis]] = []


def _analysis(doc: Document, demonyms: Callable[[str], bool] | None) -> _Analysis:
    """The analysis of a document, shared by extract_events and extract_journeys.

    Both need the same sentences, clauses and triggers (most of the cost);
    the key covers everything the analysis reads, so an edited document is
    analysed afresh.
    """
    if demonyms is not None:
        return _Analysis(doc, demonyms)
    key = (id(doc), doc.text, doc.date,
           tuple((p.id, p.lat, p.lon, p.kind, p.country, tuple((m.start, m.end) for m in p.mentions))
                 for p in doc.places))
    for k, an in _LAST_ANALYSES:
        if k == key:
            return an
    an = _Analysis(doc, _default_demonyms())
    _LAST_ANALYSES.insert(0, (key, an))
    del _LAST_ANALYSES[2:]
    return an


def extract_events(doc: Document, *, demonyms: Callable[[str], bool] | None = None) -> list[Event]:
    """Events in text order: each sentence clause that ties an action to one of the document's places.

    ``demonyms(surface)`` tells whether a mention is a demonym ("Russian");
    by default the bundled gazetteer's demonym table answers.
    """
    an = _analysis(doc, demonyms)
    # Copies: the scan is kept for extract_journeys, and callers may edit the events they get.
    events = [dataclasses.replace(f.event, actors=list(f.event.actors)) for f in _scanned(an)]
    for i, ev in enumerate(events, 1):
        ev.id = f"e{i}"
    return events


# --------------------------------------------------------------------------
# Journeys
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


def _clause_mode(an: _Analysis, clause: _Clause) -> str | None:
    """:func:`_mode_in` of a clause, once: journeys ask for it per clause and again per sentence."""
    key = (clause.start, clause.end)
    if key not in an.mode_memo:
        an.mode_memo[key] = _mode_in(an.text, clause.start, clause.end)
    return an.mode_memo[key]


def _mode_in(text: str, start: int, end: int) -> str | None:
    for mode, rx in _MODE_PATTERNS:
        if rx.search(text, start, end):
            return mode
    return None


def _stop(place: Place, span: Span | None, **kw: Any) -> Stop:
    return Stop(place_id=place.id, name=place.name, lat=place.lat, lon=place.lon, span=span, **kw)


_DEST_PREPS = ("to", "into", "onto", "via", "toward", "towards", "for", "through")
_ORIGIN_VERB = re.compile(r"(?i)board|embark|set\s+sail")
_RETURN_VERB = re.compile(r"(?i)return|back")
_AT_VERB = re.compile(r"(?i)visit|tour|landed|stop|docked|docking|docks|berthed|called|put|made|came|were|was")


def _movement_stops(an: _Analysis, sent: _Sentence, clause: _Clause, trig: _Trigger,
                    fallback: _Mention | None) -> list[tuple[_Mention, bool]]:
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
    inside = [m for m in sent.mentions if seg_start <= m.start and m.end <= seg_end and _usable(m)]
    origins = [m for m in inside if (m.prep == "from" and not m.coordinated) or (
        trig.type == "departure" and m.start >= trig.end and (
            (not m.prep and _direct_object(an.text, trig.end, m.start))
            or (m.prep in ("at", "in") and _ORIGIN_VERB.match(trig.text))))]
    dest_preps = _DEST_PREPS
    if trig.type == "arrival" or _AT_VERB.match(trig.text):
        dest_preps += ("in", "at", "near", "off")
    if trig.type == "travel":
        dest_preps += ("over", "across")
    dests: list[_Mention] = []
    for m in inside:
        if m.start < trig.start or m in origins:
            continue
        if (m.prep in dest_preps or (m.prep == "near" and dests)
                or (not m.prep and trig.type != "departure" and _direct_object(an.text, trig.end, m.start))):
            dests.append(m)
    if not dests and not origins and trig.type == "arrival" and fallback is not None:
        dests = [fallback]
    return [(m, True) for m in origins] + [(m, False) for m in dests]


# "she was in Addis Ababa", "the delegation was already at the Kremlin": presence, weaker than movement.
_PRESENCE = re.compile(r"(?i)\b(?:was|were)\s+(?:(?:already|still|back|then|later|now|briefly)\s+)?(?:in|at)\s+"
                       r"(?:the\s+)?")


def _presence_stops(an: _Analysis, sent: _Sentence, clause: _Clause) -> list[tuple[_Mention, _Trigger]]:
    out = []
    for hit in _PRESENCE.finditer(an.text, clause.start, clause.end):
        m = next((m for m in sent.mentions if m.start == hit.end() and _usable(m)), None)
        if m is not None:
            out.append((m, _Trigger("arrival", hit.start(), hit.end(), hit.group())))
    return out


def _candidates(an: _Analysis, found: list[_Found]) -> list[_Candidate]:
    """Stops in text order, each with its date (from the event at the same place) and stated mode."""
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    memory: dict[str, Any] = {}
    places = _place_names(an.doc)
    out: list[_Candidate] = []
    pending: str | None = None  # "left Ottawa by plane": the mode of the leg that follows
    prev: list[dt.date | None] = [None]  # the latest stop date: "the next day" leans on it
    for sent in an.sentences:
        spare = _spare_mode(an, sent)
        for clause in sent.clauses:
            mode = _clause_mode(an, clause) or spare
            moves = [t for t in clause.triggers if t.type in MOVEMENT_TYPES]
            pairs: list[tuple[_Trigger, list[tuple[_Mention, bool]], bool]] = []
            for trig in moves:
                fallback = _place_for(an, sent, clause, trig) if trig.type == "arrival" else None
                pairs.append((trig, _movement_stops(an, sent, clause, trig, fallback), False))
            if not moves:
                pairs = [(trig, [(m, False)], True) for m, trig in _presence_stops(an, sent, clause)]
            for trig, stops, weak in pairs:
                actors = _actors(an, sent, clause, trig, memory)
                for m, origin in stops:
                    date, label = _stop_date(an, sent, clause, trig, m, by_sentence.get(sent.index, []), prev)
                    if origin:
                        pending = mode or pending
                    st = _stop(m.place, Span(m.start, m.end, an.text[m.start:m.end]), date=date, date_label=label,
                               mode=None if origin or weak else (mode or pending))
                    if not origin and not weak:
                        pending = None
                    stated = not origin and m.prep == "for" and trig.type in ("departure", "travel")
                    out.append(_Candidate(st, m.place, origin, actors[0] if actors else None, m.prep, trig.start,
                                          stated, bool(_RETURN_VERB.match(trig.text)), weak))
            _remember_people(an, sent, clause, places, memory)
    return out


def _spare_mode(an: _Analysis, sent: _Sentence) -> str | None:
    """A mode stated in a clause with no movement verb of its own ("..., aboard his armoured train")."""
    for clause in sent.clauses:
        if not any(t.type in MOVEMENT_TYPES for t in clause.triggers):
            mode = _clause_mode(an, clause)
            if mode:
                return mode
    return None


def _stop_date(an: _Analysis, sent: _Sentence, clause: _Clause, trig: _Trigger, m: _Mention,
               events: list[_Found], prev: list[dt.date | None]) -> tuple[str | None, str | None]:
    """The stop's date: the event at the same place in the sentence, else a date in the stop's clause.

    ``prev`` holds the latest stop date, the anchor of "the next day"; it is
    updated here so that relative dates chain along the journey.
    """
    expr = _date_for(sent, clause, trig)
    if expr is not None and not (clause.start <= expr.start < clause.end):
        return None, None  # "travelled to Lisbon, where it faces Portugal on Saturday": not the arrival's date
    for f in events:
        if f.event.place_id == m.place.id:
            if f.resolved:
                prev[0] = f.resolved
            return f.event.date, f.event.date_label
    if expr is None:
        return None, None
    resolved = _resolve_date(expr, an.ref, prev[0])
    if resolved:
        prev[0] = resolved
    return (resolved.isoformat() if resolved else None), expr.label


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
    np = _NP.fullmatch(traveller)
    if np:
        keys = {_head_key(h) for h in (np.group("head"), np.group("head2")) if h}
        keys |= {k.split()[-1] for k in keys}  # "the foreign minister" is also "the minister"
        det = (np.group("det") or "").strip().lower()
        key = _head_key(np.group("head"))
        definite = det in ("the", "this", "that", "these", "those", "its", "his", "her", "their")
        return _Who(frozenset(), frozenset(keys), bool(keys & set(_PERSON_HEADS)), det in ("a", "an"), key,
                    definite)
    words = traveller.split()
    classes = set(_HEAD_CLASS.values())
    names = {w for w in words if w.lower() not in _TITLES and _head_key(w) not in classes}
    roles = {_head_key(w) for w in words if w.lower() in _TITLES or _head_key(w) in classes}
    roles |= {r for r in _PERSON_HEADS if " " in r and r in traveller.lower()}  # "Prime Minister X"
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
    * a weak stop ("she was in X") never starts a journey.
    """
    groups: list[list[_Candidate]] = []
    by_token: dict[str, int] = {}  # a traveller's name word -> its group: linear, however many travellers
    by_role: dict[str, int] = {}  # a role/class word -> the latest group it describes
    unnamed: set[int] = set()  # groups known only by a description
    by_verb: dict[tuple[str | None, int], int] = {}  # one movement verb's stops share one traveller
    by_text: dict[str, int] = {}
    for c in cands:
        w = _who(c.traveller) if c.traveller is not None else None
        target: int | None = by_verb.get((c.traveller, c.segment))
        if target is not None:
            pass
        elif w is None:
            target = len(groups) - 1 if groups else None
        elif w.names:
            target = next((by_token[t] for t in w.names if t in by_token), None)
            if target is None:  # "President Luis Vidal" after "the president"
                target = next((by_role[r] for r in w.roles if r in by_role and by_role[r] in unnamed), None)
        elif w.indefinite:
            target = by_text.get(c.traveller or "")  # "A group ... they": the pronoun's antecedent, repeated
        else:
            target = by_role.get(w.key)  # "the minister" finds "the foreign minister", not vice versa
            if target is None and w.definite and not w.person and groups:
                target = len(groups) - 1
        if target is None:
            if c.weak:
                continue
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
    return groups


def _name_tokens(name: str) -> set[str]:
    return {w for w in name.split() if w.lower() not in _TITLES}


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


def _refine_countries(cands: list[_Candidate]) -> list[_Candidate]:
    """A country stop next to a more specific stop inside it, or near its border crossing, gives way.

    "Russia" -> "Khasan"; "into Iraq near Ruwaished" -> "Ruwaished".

    The specific stop inherits the mode stated for reaching the country
    ("arrived in Russia by train ... in the border town of Khasan").
    """
    def inside(x: _Candidate | None, country: Place) -> bool:
        return x is not None and x.place.kind != "country" and x.place.country == country.country

    def near(x: _Candidate | None, country: _Candidate) -> bool:
        # "crossed into Iraq near Ruwaished": the crossing point stands for the country.
        return x is not None and x.prep == "near" and x.segment == country.segment and x.place.kind != "country"

    out: list[_Candidate] = []
    for i, c in enumerate(cands):
        if c.place.kind == "country":
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if inside(nxt, c.place) or near(nxt, c):
                nxt.stop.mode = nxt.stop.mode or c.stop.mode
                nxt.origin = nxt.origin or c.origin
                continue
            if inside(out[-1] if out else None, c.place):
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


def _homes(an: _Analysis) -> list[tuple[str, str, Span]]:
    """(person, country code, phrase span) for "North Korea's leader Kim Jong Un", "French minister X"."""
    out = []
    for sent in an.sentences:
        for m in sent.mentions:
            if m.place.kind != "country":
                continue
            hit = _LEADER_AFTER.match(an.text, m.end, min(len(an.text), m.end + _WINDOW))
            if hit:
                out.append((hit.group(1), m.place.country, Span(m.start, hit.end(), an.text[m.start:hit.end()])))
                continue
            # "The Chilean president", "the Kenyan foreign minister": a role with no name.
            role = _ROLE_AFTER.match(an.text, m.end, min(len(an.text), m.end + _WINDOW))
            det = _DET_BEFORE.search(an.text[max(sent.start, m.start - 8):m.start])
            possessive = _POSSESSIVE_AFTER.match(an.text, m.end)
            if role and (det or possessive):  # "The Chilean president", "Peru's president"
                start = m.start - (len(det.group()) if det else 0)
                out.append((an.text[start:role.end()], m.place.country, Span(start, role.end(),
                                                                              an.text[start:role.end()])))
    return out


_ROLE_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:foreign|defen[cs]e|trade|finance|interior|prime|deputy)\s+)?(?:president|"
                         r"minister|chancellor|premier|king|queen|leader|envoy|monarch|emir|sultan|delegation)"
                         r"(?![\w'’-])(?!\s+[A-Z])")
_DET_BEFORE = re.compile(r"(?:[Tt]he|[Ii]ts|[Aa])\s+\Z")


CapitalOf = Callable[[str], "Entry | None"]


def _default_capital_of(code: str) -> Entry | None:
    """The PPLC entry of a country (ISO alpha-2) from the bundled gazetteer."""
    from geoviz.geo import gazetteer as gz

    return gz.default_gazetteer().capital(code)


def _implied_origin(an: _Analysis, group: list[_Candidate], capital_of: CapitalOf,
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
        place = next((p for p in an.doc.places if p.id == entry.id or p.entry_id == entry.id), None)
        country = next((p.name for p in an.doc.places if p.kind == "country" and p.country == code), code)
        if _NP.fullmatch(person):
            reason = f"implied: home capital of {country}, as {person} (not stated as the origin)"
        else:
            reason = f"implied: home capital of {country}'s {_role(span.text)} {person} (not stated as the origin)"
        if place is None:
            place = Place(id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind,
                          country=entry.country, confidence=0.5, entry_id=entry.id)
        return _Candidate(_stop(place, span, implied=True, reason=reason), place, True, traveller)
    return None


def _role(phrase: str) -> str:
    m = re.search(r"(?i)(prime minister|head of state|(?:foreign|defen[cs]e|trade|finance|interior) minister|leader|"
                  r"president|premier|king|queen|chancellor|emir|sultan|minister|envoy)", phrase)
    return m.group(1).lower() if m else "leader"


def extract_journeys(doc: Document, events: list[Event] | None = None, *,
                     demonyms: Callable[[str], bool] | None = None,
                     capital_of: CapitalOf | None = None) -> list[Route]:
    """Journeys (>= 2 stops) from movement language, one per traveller, legs computed.

    ``events`` is accepted for symmetry with the pipeline; the stops' dates
    come from the same analysis either way, so passing them is optional.
    ``capital_of(code)`` supplies the home capital for an implied origin
    (default: the gazetteer's PPLC entry).
    """
    an = _analysis(doc, demonyms)
    found = _scanned(an)
    if events is not None:
        kept = {e.place_id for e in events}
        found = [f for f in found if f.event.place_id in kept]
    routes: list[Route] = []
    homes: list[tuple[str, str, Span]] | None = None
    for group in _group(_candidates(an, found)):
        cands = _merge_duplicates(_refine_countries(_merge_duplicates(_stated_destinations(group))))
        cands = _order_by_date(cands)
        if homes is None:
            homes = _homes(an)
        implied = _implied_origin(an, cands, capital_of or _default_capital_of, homes) if cands else None
        if implied is not None and implied.place.id != cands[0].place.id:
            cands.insert(0, implied)
        if len(cands) < 2:
            continue
        stops = [c.stop for c in cands]
        traveller = next((c.traveller for c in cands if c.traveller), None)
        routes.append(Route(id=f"r{len(routes) + 1}", stops=stops, legs=build_legs(stops), traveller=traveller))
    return routes


def route_places(routes: list[Route], doc: Document,
                 lookup: Callable[[str], Entry | None] | None = None) -> list[Place]:
    """Places that routes stop at but the document does not hold (implied origins), as Place objects.

    ``lookup(id)`` (e.g. ``default_gazetteer().get``) fills in kind and country.
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
