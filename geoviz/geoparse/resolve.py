"""Pick one gazetteer entry per mention, from priors and the document's context.

Scoring (docs/places.md, "Resolution", says the same):

    score = prior                                   (kind, population, capital; geoviz.geo.gazetteer.prior)
          + 0.5   if the mention is the entry's own name, not an alternate
          + 0.5 · min(2, country support)           (other mentions of, or inside, the entry's country;
                                                     none for a town named after a sea or region)
          + 0.6 · admin1 support                    (other mentions of, or inside, the entry's province/state)
          + 0.6   if another name is the county it lies in, or a town in this county
          + 3.0   if an explicit qualifier matches  ("Paris, Texas", "Alexandria, La.")
          + 1.0   if a trigger word matches the kind ("border town of", "... Cosmodrome", "airport")
          + 0.4   after "the" for kinds named with an article (landmarks, regions, seas, rivers: "the White House")
          + 0.2   if the entry's country is named in the same sentence ("Uganda ... near Mbale")
          + 0.4   if its state or province is named in the sentence of the name's first mention ("Butte ... Mont.")
          ± ...   for a neighbourhood, facility or landmark reading of a name that is also a town's:
                  +1.5 with its kind's word by the mention ("X Stadium", "the X district"), 0 with
                  the town it lies in named nearby, −1.0 without either (Resolver._reading_context)
          − 0.8   for a town or county when the name is also a country's, sea's or region's own name
                  and no qualifier says otherwise ("China" is China, not China, Maine)
          + 0.25 · exp(−d / 250 km)                 (d: distance to the nearest other resolved place)
          + 0.4 · min(2, Σ_other names max_candidate exp(−d / 50 km))
                                                    (any reading of each other name close by: "Paris" and
                                                     "Henry County" are both in Tennessee)
    A city of a million inside a province of the same name starts 0.3 above the
    province ("New York", "São Paulo") unless the text marks the province.

All mentions with the same folded name share one reading (one sense per
discourse). Support comes from the *other* mentions only, so a name never
votes for itself. Two passes: the first uses the explicit evidence
(countries, provinces, demonyms, qualifiers, and names all of whose readings
lie in one country), the second adds what the first resolved (their
countries, provinces and positions). Confidence is the share of a softmax
over the candidates' scores that lies within ``Weights.confidence_km`` of the winner.
Names the gazetteer lacks (spans given from outside) are read off the name
or placed at the story's main place, flagged (:meth:`Resolver._to_focus`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import numpy as np

from geoviz.geo.gazetteer import Gazetteer, prior
from geoviz.geo.geodesy import great_circle_km, great_circle_pair_km
from geoviz.geoparse.recognise import (
    COMMON_WORDS,
    CONNECTORS,
    ORG_HEADS,
    STREET_WORDS,
    after_locative_word,
    state_abbreviation,
)
from geoviz.model import Candidate, Entry, Mention, Place
from geoviz.nlp.lexicon import alternation_of, entries, table, words
from geoviz.nlp.names import fold
from geoviz.nlp.text import sentences

FEATURE_SUFFIXES = ("sea", "ocean", "desert", "mountains")
DEMONYM_ENDINGS = (("ians", ("", "a", "o", "ia", "io")), ("ans", ("", "a", "ia")), ("ns", ("",)), ("ian", ("ia", "")),
                   ("an", ("", "a", "ia")), ("n", ("",)), ("i", ("",)), ("ese", ("", "a")), ("ites", ("",)),
                   ("ers", ("",)), ("", ("ia", "istan")))
DEMONYM_KINDS = {"country", "admin1", "region"}
# Words that name a kind of thing rather than a place: a part of a name made
# only of these is no place ("City Hall", "West Wing").
GENERIC = COMMON_WORDS | ORG_HEADS | STREET_WORDS | CONNECTORS
COUNTY_SUFFIXES = (" county", " parish")
# Words of an organisation's name that do not make it a place of its own ("Colorado State University").
INSTITUTION_WORDS = words("institution_words")
# Backoff readings that locate a name only roughly: kept as places of their own.
APPROXIMATE = {"part", "completed", "focus"}
PHYSICAL_KINDS = {"sea", "lake", "river", "peak", "region"}
POINT_KINDS = {"populated place", "admin2", "landmark", "facility", "airport", "port"}

AREA_KINDS = {"country", "admin1", "region", "sea", "lake", "river"}
TRIGGER_KINDS = {
    "facility": {"facility"}, "airport": {"airport"}, "populated place": {"populated place"},
    "admin2": {"admin2"}, "admin1": {"admin1"}, "agency": {"admin1"}, "port": {"port", "populated place"},
    "physical": {"sea", "lake", "river", "peak"},
    "border": {"country", "admin1"},  # "the New York border": a state's or a country's, not a city's
    "article": {"landmark", "facility", "region", "sea", "lake", "river", "peak", "airport", "port", "country"},
}
METONYM_CODES = {"PPLC"}
# Readings that need context to win over a same-named town (neighbourhoods, facilities, landmarks: what a full
# store adds by the thousand), by GeoNames feature code, with the words that name each kind of place.
CONTEXT_WORDS: dict[str, frozenset[str]] = {code: frozenset(ws) for code, ws in table("context_words").items()}
_CONTEXT_WORD = alternation_of(set().union(*CONTEXT_WORDS.values()))
# "X Stadium", "the X district": the word right after the name, singular, not opening "... of Y" ("the London
# borough of Camden" names Camden's city, not a borough called London).
_CONTEXT_AFTER = re.compile(rf"\s+((?i:{_CONTEXT_WORD}))\b(?!\s+of\b)")
# "a Paris suburb", "an Ohio hospital": a place of that kind IN the named one.
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]|[Aa]n)\s+$")
# "X, a neighbourhood of east London", "X, the club's stadium"
_CONTEXT_APPOSITIVE = re.compile(rf",\s+(?:a|an|the)\s+(?:[a-z'-]+\s+){{0,3}}?((?i:{_CONTEXT_WORD}))\b")
# "the suburb of X", "the district of X"
_CONTEXT_BEFORE = re.compile(rf"\b((?i:{_CONTEXT_WORD}))\s+of\s+(?:the\s+)?$")
_CONTEXT_IN_NAME = re.compile(rf"\b((?i:{_CONTEXT_WORD}))\b")
# What joins the names of a list: "Egypt, Chile, Peru and Argentina", "Ohio or Indiana".
_LIST_GAP_CHARS = 7  # the longest gap above: ", and " with a space to spare; longer gaps are not tried
_LIST_GAP = re.compile(r",\s*(?:(and|or)\s+)?|\s+(and|or)\s+")


@dataclass(frozen=True, slots=True)
class Weights:
    """Every number the resolver scores with, in one place (the formula in the module docstring).

    Measured as a plateau: each weight swept over 0.5-2x moves resolve acc@161 on LGL and GeoWebNews by
    at most about 0.2 points, one corpus against the other (docs/places.md). Pass another instance to
    :class:`Resolver` to experiment; the default is what ships.
    """

    own_name: float = 0.5  # the mention is the entry's own name, not an alternate
    country: float = 0.5  # per unit of country support (other mentions of, or inside, the entry's country)
    country_cap: float = 2.0  # country support counts up to this
    single_country: float = 0.5  # support from a name all of whose readings lie in one country
    admin1: float = 0.6  # per unit of province/state support
    qualifier: float = 3.0  # an explicit qualifier matches ("Paris, Texas"): near certainty
    trigger: float = 1.0  # a trigger word matches the kind ("border town of", "airport")
    article: float = 0.4  # after "the", for kinds named with an article ("the White House")
    sentence: float = 0.2  # the entry's country is named in the same sentence
    sentence_admin1: float = 0.4  # the entry's state or province is named in the same sentence
    county: float = 0.6  # another name is the county it lies in, or a town in this county
    namesake: float = 0.8  # penalty: a town named like a country, sea or region's own name
    near: float = 0.25  # times exp(-d / near_km), d to the nearest other resolved place
    near_km: float = 250.0
    cluster: float = 0.4  # times min(2, sum over other names of exp(-d / cluster_km))
    cluster_km: float = 50.0
    cluster_candidates: int = 20  # readings of each other name looked at for the cluster
    temperature: float = 0.15  # softmax temperature over candidate scores
    confidence_km: float = 50.0  # confidence: the softmax share within this distance of the winner
    max_candidates: int = 40  # readings scored per name
    alternatives: int = 5  # ranked alternatives kept on a Place
    # Names the gazetteer lacks (see Resolver._backoff).
    backoff_penalty: float = 0.3
    part_min_population: int = 100_000
    # A city of a million inside a province of the same name starts above the province ("São Paulo"),
    # by enough to be the confident reading, not just the first.
    big_city: int = 1_000_000
    city_margin: float = 0.3
    # A place in a coordinated list ("Egypt, Chile, Peru and Argentina") reads with its neighbours' kind:
    # this is added to its readings of the kind every other member of the list leads with.
    list_kind: float = 1.0
    # A capital or a city of ``big_city`` people that wins its name is the reading news means: its
    # confidence is at least this (rivals stay listed as alternatives). Set from the share of such
    # winners that are right on the development corpora (docs/places.md, "Confidence").
    world_city_confidence: float = 0.8
    # ... when no rival gets more support from the text than this beyond the winner's (a far reading of
    # another name adds a trace of closeness to some rival: that is no evidence against the city).
    world_city_slack: float = 0.05
    focus_confidence: float = 0.1  # confidence of a name placed at the story's main place
    # A town the text gives no support at all (no qualifier, its country not named nor any other place in it)
    # while the story is plainly about another country reads off its name alone: a village of a few hundred
    # in France in a story about Pittsburgh is a dog's or a person's name far more often than the village.
    # Its confidence is at most ``stray_confidence`` (so it is listed, not pinned) when it counts under
    # ``stray_population`` people and some other country has ``stray_story`` support from the text.
    stray_confidence: float = 0.5
    stray_population: int = 100_000
    stray_support: float = 0.25
    stray_story: float = 0.5
    # The same within a country: a town under ``stray_village`` people in a province the text never
    # supports while it supports another province of that country by ``stray_story`` (an Illinois village
    # of 500 called "Equality" in a story about Gainesville, Florida, is the word). Swept 1,000-100,000:
    # end-to-end F1 rose to a plateau from 20,000 on (LGL +1.0, GWN +0.6 points), recall fell 0.3 points.
    stray_village: int = 20_000
    # A neighbourhood, facility or landmark reading (a feature code in lexicon context_words.json) of a name that
    # is also a town's wins only with context (Resolver._reading_context): its kind's word in or by the mention
    # ("X Stadium", "the X district", "X, a neighbourhood of Y", "the suburb of X") adds ``context``; a town or
    # county it lies in (within ``context_km``) named in the same or a neighbouring sentence adds
    # ``context_town``, nothing: it only spares the reading the penalty (the town around makes the reading
    # possible; its closeness is already scored by ``near`` and ``cluster``, and counted twice a monument
    # beside some other town named in the story took a city's name). Without either the reading loses
    # ``no_context``, so 40x more such readings in a full store do not move a town.
    context: float = 1.5
    context_town: float = 0.0
    no_context: float = 1.0
    context_km: float = 30.0
    bare_counties: int = 5  # a bare name also reads as the most populous counties so named
    # A one-word name that some places go by as their own name reads as one of them, not as a town that only
    # lists the word among its alternate names (an airport code, a nickname, an old spelling): "Lot" is
    # not the town whose airport is LOT, "Part" not the city once spelt so. Such a reading loses
    # ``alias_beside_own`` if it is a town under ``big_city`` ("Kiev" stays Kyiv; "Atlantic" the ocean).
    alias_beside_own: float = 2.0


WEIGHTS = Weights()
BIG_AREA_KINDS = {"country", "region", "sea"}


@dataclass
class _Cand:
    entry: Entry
    base: float  # prior + own-name bonus + trigger
    score: float = 0.0
    backoff: str = ""  # how a candidate for a name the gazetteer lacks was found
    # A town named after a sea or region ("Atlantic", Iowa): lying in the
    # story's country is no evidence for it, since the ocean has no country.
    shadowed: bool = False
    # What the cluster term added in the last pass: closeness to *some* reading of other names, which
    # need not be the readings they took (see Resolver.resolve, the world-city floor).
    clustered: float = 0.0


@dataclass
class _Group:
    key: str
    form: str
    mentions: list[Mention] = field(default_factory=list)
    cands: list[_Cand] = field(default_factory=list)
    qualifiers: set[str] = field(default_factory=set)
    choice: _Cand | None = None
    confidence: float = 0.0
    reason: dict[str, Any] = field(default_factory=dict)
    # After the second pass: the text gives the chosen reading's country no support while it supports
    # another country well (see Weights.stray_confidence).
    stray: bool = False
    # ... and the stray is of the within-country kind only (its country is supported; its province is not).
    stray_in_country: bool = False


class Resolver:
    """Resolves mentions against one gazetteer; caches candidate lists by key."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights = WEIGHTS) -> None:
        self.gaz = gazetteer
        self.w = weights
        self._cache: dict[str, list[tuple[Entry, float, int]]] = {}
        self._qual_cache: dict[str, tuple[set[str], set[tuple[str, str]]]] = {}
        self._county_cache: dict[str, list[tuple[Entry, float, int]]] = {}

    # -- candidates ---------------------------------------------------------------------------

    def candidates(self, key: str, form: str) -> list[tuple[Entry, float, int]]:
        """(entry, prior, name form) for a folded key; demonyms map to their country."""
        ck = f"{form}:{key}"
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        out: list[tuple[Entry, float, int]] = []
        if form == "demonym":
            target = self.gaz.demonym_keys.get(key)
            if target and target[1] == "country":
                e = self.gaz.country(target[0])
                if e is not None:
                    out.append((e, 1.0, 0))
            elif target and target[1] == "region":
                out = [(r.entry, r.prior, 0) for r in self.gaz.readings(target[0].lower(), 1, include_codes=False)]
                out = [c for c in out if c[0].kind == "region"][:1]
        else:
            out = [tuple(r) for r in self.gaz.readings(key, self.w.max_candidates, include_codes=False)]
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[ck] = out
        return out

    def _bare_county(self, key: str) -> list[tuple[Entry, float, int]]:
        """Counties and parishes named without the word: "Sarpy deputies", "DeKalb schools", "Clarke".

        Local news calls a county by its bare name as often as a town. These
        readings count as alternate names (no own-name bonus), so a town or
        country of that name keeps its lead unless the story's state, county
        and neighbours speak for the county. Only the ``Weights.bare_counties`` most
        populous count: thirty Washington Counties would swamp the scoring.
        """
        if key.endswith(COUNTY_SUFFIXES):
            return []
        hit = self._county_cache.get(key)
        if hit is None:
            found = [(e, p, 1) for word in COUNTY_SUFFIXES for e, p, f in self.candidates(key + word, "name")
                     if e.kind == "admin2" and f == 0]
            hit = sorted(found, key=lambda c: -c[0].population)[:self.w.bare_counties]
            if len(self._county_cache) > 200_000:
                self._county_cache.clear()
            self._county_cache[key] = hit
        return hit

    def _qualifier_targets(self, qkey: str) -> tuple[set[str], set[tuple[str, str]]]:
        """Countries and (country, admin1) pairs a qualifier like "texas" or "la" can mean."""
        hit = self._qual_cache.get(qkey)
        if hit is None:
            countries: set[str] = set()
            admins: set[tuple[str, str]] = set()
            for e, _, _ in self.candidates(qkey, "name")[:10]:
                if e.kind == "country":
                    countries.add(e.country)
                elif e.kind == "admin1":
                    admins.add((e.country, e.admin1))
            d = self.gaz.demonym_keys.get(qkey)
            if d and d[1] == "country":
                countries.add(d[0])
            hit = (countries, admins)
            self._qual_cache[qkey] = hit
        return hit

    # -- resolution ---------------------------------------------------------------------------

    def resolve(self, mentions: list[Mention], text: str = "") -> list[Place]:
        everything = self._groups(mentions)
        groups = [g for g in everything if g.cands]
        if not groups:
            return []
        self._sentence_countries(groups, text)
        self._list_kinds(groups, text)
        self._reading_context(groups, text)
        self._pass(groups, use_resolved=False)
        self._pass(groups, use_resolved=True)
        for g in groups:
            # Where the text speaks for no rival more than for it (named alone, or "Miami, United States"
            # among the other Miamis of the country), a capital or a city of a million is what a reader
            # takes the name for. Where the text favours a rival, its evidence decides the confidence: in
            # local news a "Columbus" or "Paris" among Georgia's or Texas' towns is not the world city.
            # The cluster term is no such evidence: it counts closeness to *any* reading of the other
            # names, so a village namesake gains it from readings those names did not take ("Houston"
            # beside "Oakland", "Portland" and "Dallas", each with a village near Houston, Missouri); the
            # Georgia paper's towns still speak for their Columbus through their state and county.
            c = g.choice
            e = c.entry
            if (e.kind == "populated place" and (e.population >= self.w.big_city or e.feature_code in METONYM_CODES)
                    and all(o.score - o.base - o.clustered <= c.score - c.base - c.clustered + self.w.world_city_slack
                            for o in g.cands)):
                g.confidence = max(g.confidence, self.w.world_city_confidence)
            elif g.stray and not (_sole_reading_placed(g, text)
                                  and (g.stray_in_country or _arrived_at(g, text))):
                g.confidence = min(g.confidence, self.w.stray_confidence)
        # A demonym of no present-day country ("Soviet") stays unplaced.
        unknown = [g for g in everything if not g.cands and g.form == "name"]
        if unknown:
            self._to_focus(unknown, groups)
        return self._places(groups + [g for g in unknown if g.choice is not None])

    def _to_focus(self, unknown: list[_Group], groups: list[_Group]) -> None:
        """Resolve names the gazetteer lacks from the name's parts and the document's focus, flagged.

        The focus is the story's main place: the town the text names most
        (weighted by confidence), else its most-named province, else its
        most-named country. A name no reading explains is read, in order, as
        a shorter place name inside it ("Colorado State University",
        "Miami-Dade"), or the name with a feature word added ("the
        Mediterranean"), when that reading agrees with the focus (same
        province or country, or within ``Weights.near_km``); otherwise ("Royal Street",
        "Barclays Center", "Tennessee Colony" in a Texas story) as the focus
        itself, since such a name is almost always inside the story's main
        place. Confidence stays low and the reason says which way was taken.
        A recogniser driven by the gazetteer never produces such names, so
        this serves spans given from outside (gold spans, another recogniser).
        """
        weight: dict[int, float] = defaultdict(float)
        for i, g in enumerate(groups):
            if g.choice is not None and not g.choice.backoff:
                weight[i] += len(g.mentions) * g.confidence
        focus: Entry | None = None
        for kinds in (POINT_KINDS, {"admin1"}, {"country"}):
            ranked = [i for i in weight if groups[i].choice.entry.kind in kinds]
            if ranked:
                focus = groups[max(ranked, key=lambda i: (weight[i], -i))].choice.entry
                break
        def by_prior(r: tuple[Entry, str]) -> float:
            return prior(r[0].kind, r[0].population, r[0].feature_code)

        for g in unknown:
            parts = self._part_of_name(g.key)
            # A state or country named in an institution's name locates it wherever the story is:
            # "Colorado State University" is in Colorado even in a story about Mexico.
            named = [(e, "part") for e, f in parts if f == 0 and e.kind in ("admin1", "country")
                     and _institution_of(g.key, e.name)]
            if named:
                e, how = max(named, key=by_prior)
                confidence = self.w.focus_confidence * 3
            else:
                readings = [(e, "part") for e, _ in parts]
                readings += [(e, "completed") for suffix in FEATURE_SUFFIXES
                             for e, _, _ in self.candidates(f"{g.key} {suffix}", "name")
                             if e.kind in ("sea", "region")]
                fitting = [(e, how) for e, how in readings if focus is None or _agrees(e, focus, self.w)]
                if fitting:
                    e, how = max(fitting, key=by_prior)
                    confidence = self.w.focus_confidence * 3
                elif focus is not None:
                    e, how, confidence = focus, "focus", self.w.focus_confidence
                else:
                    continue
            g.cands = [_Cand(e, 0.0, backoff=how)]
            g.choice = g.cands[0]
            g.confidence = confidence

    def _groups(self, mentions: list[Mention]) -> list[_Group]:
        by_key: dict[tuple[str, str], _Group] = {}
        for m in mentions:
            # "Wash." and "N.Y." are the states, whatever "Washington" and "New York" mean elsewhere in the text.
            form = "demonym" if m.form == "demonym" else "abbreviation" if state_abbreviation(m.text) else "name"
            g = by_key.get((m.key, form))
            if g is None:
                g = by_key[(m.key, form)] = _Group(key=m.key, form=form)
            g.mentions.append(m)
            if m.qualifier:
                g.qualifiers.add(m.qualifier)
        groups = []
        for g in by_key.values():
            triggers = {m.trigger for m in g.mentions if m.trigger}
            if g.form == "abbreviation":
                triggers.add("abbreviation")
            # "EU", "US": an acronym is nobody's own name unless the entry is spelt that way.
            # A name the text marks as a kind of place ("OMAHA --", a dateline) is written in capitals, not letters.
            acronym = g.form != "abbreviation" and all(_is_acronym(m.text) and not m.trigger for m in g.mentions)
            cands = self.candidates(g.key, "demonym" if g.form == "demonym" else "name")
            if g.form == "abbreviation":
                cands = [c for c in cands if c[0].kind == "admin1"] or cands
            elif g.form == "name":
                cands = cands + self._bare_county(g.key)
            # A country, sea or region that goes by this very name overshadows
            # the towns named after it, unless the text qualifies the name.
            namesake = not g.qualifiers and any(e.kind in BIG_AREA_KINDS and f < 2 for e, _, f in cands)
            region_namesake = not g.qualifiers and any(e.kind in ("region", "sea") and f < 2 for e, _, f in cands)
            # Whether a world city among the readings may escape the namesake rules below (asked once per name).
            world_cities = ((namesake or region_namesake)
                            and not any(e.kind == "country" and f < 2 for e, _, f in cands))
            # Some reading of a one-word name goes by it as its own name (see Weights.alias_beside_own).
            own_beside = g.form == "name" and " " not in g.key and any(f == 0 for _, _, f in cands)
            for e, _, name_form in cands:
                if acronym and name_form == 0 and not e.name.isupper() and len(cands) > 1:
                    continue  # the town of Eu is not written "EU"
                own = name_form == 0 and (not acronym or e.name.isupper())
                base = (1.0 if g.form == "demonym" else prior(e.kind, e.population, e.feature_code))
                base += self.w.own_name if own else 0.0
                if (own_beside and name_form != 0 and e.kind == "populated place"
                        and e.population < self.w.big_city):
                    base -= self.w.alias_beside_own
                # A capital or a city of a million is no namesake of a region or a sea: Santiago, Chile
                # is not overshadowed by some "Santiago" range, and "In Chile, Santiago" speaks for it.
                # A country's name stays the country's ("Mexico" is not Mexico City).
                world_city = (world_cities
                              and (e.population >= self.w.big_city or e.feature_code in METONYM_CODES))
                if namesake and e.kind in ("populated place", "admin2") and not world_city:
                    base -= self.w.namesake
                elif region_namesake and e.kind == "admin1":
                    base -= self.w.namesake  # "Gaza" is the Strip, not Gaza Province, Mozambique
                if any(e.kind in TRIGGER_KINDS.get(t, ()) for t in triggers if t != "article"):
                    base += self.w.trigger
                elif "article" in triggers and e.kind in TRIGGER_KINDS["article"]:
                    base += self.w.article
                shadowed = region_namesake and e.kind in ("populated place", "admin2") and not world_city
                g.cands.append(_Cand(e, base, shadowed=shadowed))
            _city_over_its_province(g.cands, triggers, self.w)
            if not g.cands:
                self._backoff(g)
            groups.append(g)
        return groups


    def _backoff(self, g: _Group) -> None:
        """Candidates for a name the gazetteer lacks that is a demonym-like form ("Ohioans").

        Other names the gazetteer lacks wait for the document's focus
        (:meth:`_to_focus`), which tells which reading of a part of the name fits.
        """
        for e, _ in _derived_demonyms(g.key, self.candidates)[:self.w.max_candidates]:
            base = prior(e.kind, e.population, e.feature_code) - self.w.backoff_penalty
            g.cands.append(_Cand(e, base, backoff="demonym"))

    def _part_of_name(self, key: str) -> list[tuple[Entry, int]]:
        """Readings of the longest place name inside a longer name, leftmost first.

        Only a part holding a word that is not generic counts ("Barclays
        Center" has no place in it; "Center" alone is a town in Texas), and a
        small town read off a part of a name must be an area or a place of
        some size: "Royal Street" is not Royal, Iowa. Seas, rivers and
        lakes are left out: "Tennessee Colony" is not on the Tennessee River.
        """
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                part = words[i:i + size]
                if part[0] in CONNECTORS or part[-1] in CONNECTORS or all(w in GENERIC for w in part):
                    continue
                found = [(e, f) for e, _, f in self.candidates(" ".join(part), "name")
                         if f < 2 and e.kind not in PHYSICAL_KINDS
                         and (e.kind in AREA_KINDS or e.population >= self.w.part_min_population)]
                if found:
                    return found
        return []

    def _sentence_countries(self, groups: list[_Group], text: str) -> None:
        """Add W_SENTENCE to candidates whose country is named in the same sentence, W_SENTENCE_ADMIN1 its state.

        "toward Missoula, Mont., with a stop in Butte": a reader takes the
        bare name in the state the sentence just named, over a namesake county
        that only another sentence's town lies in.
        """
        if not text:
            return
        # The names read first as a country or a state (most documents have one or two; many have none).
        tops = [(g, max(g.cands, key=_base).entry) for g in groups if g.cands]
        countries = [(g, e.country) for g, e in tops if e.kind == "country"]
        states = [(g, (e.country, e.admin1)) for g, e in tops if e.kind == "admin1" and e.admin1]
        if not countries and not states:
            return
        starts = [s for s, _ in sentences(text)]
        named_groups = {id(g) for g, _ in countries} | {id(g) for g, _ in states}
        named: dict[int, set[str]] = defaultdict(set)
        named_state: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for g, country in countries:
            for m in g.mentions:
                named[bisect_right(starts, m.start) - 1].add(country)
        for g, state in states:
            for m in g.mentions:
                named_state[bisect_right(starts, m.start) - 1].add(state)
        for g in groups:
            if len(g.cands) < 2:
                continue
            sents = {bisect_right(starts, m.start) - 1 for m in g.mentions}
            near = set().union(*(named.get(i, set()) for i in sents))
            # The state counts only by the name's first mention, where the writer introduces it (a team
            # "against Columbus" in a later line beside "Georgia State" is not placed by it); a name that
            # itself reads first as a state or country ("three in Georgia" beside "Florida") keeps that reading.
            first = bisect_right(starts, min(m.start for m in g.mentions)) - 1
            near_state = named_state.get(first, set()) if id(g) not in named_groups else set()
            for c in g.cands:
                if c.entry.country in near and c.entry.kind != "country":
                    c.base += self.w.sentence
                if near_state and c.entry.kind not in ("country", "admin1") \
                        and (c.entry.country, c.entry.admin1) in near_state:
                    c.base += self.w.sentence_admin1

    def _reading_context(self, groups: list[_Group], text: str) -> None:
        """A neighbourhood, facility or landmark reading of a town's name wins only with context.

        A full store holds a stadium, a church or a neighbourhood under many a
        town's name (GeoNames has ~12 M features); read on their priors and
        the story's country alone they would take names that mean the town.
        A reader takes such a place only when the text says so: its kind's
        word by the name ("X Stadium", "the X district", "the suburb of X",
        "X, a neighbourhood of Y"), or the town or county it
        lies in named in the same or a neighbouring sentence. The word gains
        ``Weights.context``; the town around only spares the reading the
        penalty (``Weights.context_town`` is 0: the nearness is scored by
        the cluster and near terms already; with a dozen towns named, some
        monument of a big city's name lies near one of them by chance, and
        counted twice it took the city's name); without either the reading
        loses ``Weights.no_context``. Names with no town reading are left
        alone: a neighbourhood or stadium only the full store knows is found.
        """
        contested = [g for g in groups if any(_needs_context(c.entry) for c in g.cands)
                     and any(_is_town(c.entry) for c in g.cands)]
        if not contested:
            return  # always with the bundled store: none of its readings needs context (see _needs_context)
        starts = [s for s, _ in sentences(text)] if text else [0]

        def sentence_of(m: Mention) -> int:
            return bisect_right(starts, m.start) - 1

        # The leading reading of each name that reads first as a town or county: "the town around them".
        towns = []
        for g in groups:
            top = max(g.cands, key=_base).entry
            if top.kind == "admin2" or _is_town(top):
                towns.append((g, top, {sentence_of(m) for m in g.mentions}))
        for g in contested:
            said = set().union(*(_context_words(text, m) for m in g.mentions)) if text else set()
            near = {s + d for m in g.mentions for s in (sentence_of(m),) for d in (-1, 0, 1)}
            around = [t for o, t, sents in towns if o is not g and (not text or sents & near)]
            for c in g.cands:
                e = c.entry
                if not _needs_context(e):
                    continue
                if CONTEXT_WORDS[e.feature_code] & said:
                    c.base += self.w.context
                elif any(great_circle_pair_km(e.lat, e.lon, t.lat, t.lon) <= self.w.context_km for t in around):
                    c.base += self.w.context_town
                else:
                    c.base -= self.w.no_context

    def _list_kinds(self, groups: list[_Group], text: str) -> None:
        """Add ``Weights.list_kind`` to the readings of a listed name that share its neighbours' kind.

        "Cases were reported in Egypt, Chile, Peru and Argentina": each name leads as a country, so
        Egypt is the country even where the rest of the article speaks for Egypt, Pennsylvania. Only
        countries and first-level divisions make the kind of a list; a list of towns says little.
        """
        if not text or len(groups) < 2:
            return
        at = sorted((m.start, m.end, gi) for gi, g in enumerate(groups) for m in g.mentions)
        lists: list[list[int]] = []
        run = [at[0][2]]
        joined = False  # an "and" or "or" in the run: two names and a comma are "Paris, Texas", no list
        for (_, end, _), (start, _, gi) in zip(at, at[1:]):
            if start - end <= _LIST_GAP_CHARS and (gap := _LIST_GAP.fullmatch(text, end, start)) is not None:
                conjunction = bool(gap.group(1) or gap.group(2))
                # After "and C" a comma qualifies C, it does not go on: "Texas and Washington, D.C.".
                if conjunction or not joined:
                    run.append(gi)
                    joined = joined or conjunction
                    continue
            if len(run) == 1:  # most names stand apart: no list ends here (and ``joined`` is still False)
                run[0] = gi
                continue
            if len(run) > 2 or joined:
                lists.append(run)
            run, joined = [gi], False
        if len(run) > 2 or (len(run) == 2 and joined):
            lists.append(run)
        if not lists:
            return
        leading = {gi: max(groups[gi].cands, key=_base).entry for members in lists for gi in members}
        bonus: dict[int, tuple[str, str]] = {}
        for members in lists:
            for k, gi in enumerate(members):
                others = {(leading[o].kind, leading[o].country) for n, o in enumerate(members) if n != k and o != gi}
                kinds = {kind for kind, _ in others}
                if kinds == {"country"}:
                    bonus[gi] = ("country", "")
                elif kinds == {"admin1"} and len(others) == 1 and len(members) > 2:
                    # Three or more states of one country ("Missouri, New York, North Carolina and
                    # Virginia"), not whatever "Peter, Paul and Mary" name somewhere; two names that are
                    # each a city and a province ("Potosí and Oruro") say nothing of the kind.
                    bonus[gi] = ("admin1", next(iter(others))[1])
        for gi, (kind, country) in bonus.items():
            for c in groups[gi].cands:
                if c.entry.kind == kind and (not country or c.entry.country == country):
                    c.base += self.w.list_kind

    def _evidence(self, groups: list[_Group], use_resolved: bool) -> list[tuple[dict, dict]]:
        """Per group: (country support, admin1 support) from every *other* group."""
        contrib: list[tuple[dict[str, float], dict[tuple[str, str], float]]] = []
        for g in groups:
            cw: dict[str, float] = defaultdict(float)
            aw: dict[tuple[str, str], float] = defaultdict(float)
            n = len(g.mentions)
            if use_resolved and g.choice is not None:
                e, conf = g.choice.entry, g.confidence
                if e.country:
                    cw[e.country] += conf * (1.0 if e.kind == "country" else 0.5) * min(2, n)
                if e.kind == "admin1":
                    aw[(e.country, e.admin1)] += conf * min(2, n)
                elif e.admin1:
                    aw[(e.country, e.admin1)] += 0.4 * conf
            else:
                top = max(g.cands, key=lambda c: c.base)
                countries = {c.entry.country for c in g.cands}
                # Explicit evidence: the name of a country or a province, or a demonym.
                if top.entry.kind == "country":
                    cw[top.entry.country] += min(2, n)
                elif len(countries) == 1 and top.entry.country:
                    # Every reading of the name lies in one country ("Henry County").
                    cw[top.entry.country] += self.w.single_country
                elif top.entry.kind == "admin1" and len({c.entry.country for c in g.cands[:3]}) == 1:
                    aw[(top.entry.country, top.entry.admin1)] += min(2, n)
                    cw[top.entry.country] += 0.5
            for q in g.qualifiers:
                qc, qa = self._qualifier_targets(q)
                for c in qc:
                    cw[c] += 1
                for a in qa:
                    aw[a] += 1
                    cw[a[0]] += 0.5
            contrib.append((cw, aw))
        total_c: dict[str, float] = defaultdict(float)
        total_a: dict[tuple[str, str], float] = defaultdict(float)
        for cw, aw in contrib:
            for k, v in cw.items():
                total_c[k] += v
            for k, v in aw.items():
                total_a[k] += v
        out = []
        for cw, aw in contrib:
            out.append(({k: v - cw.get(k, 0.0) for k, v in total_c.items()},
                        {k: v - aw.get(k, 0.0) for k, v in total_a.items()}))
        return out

    def _pass(self, groups: list[_Group], use_resolved: bool) -> None:
        evidence = self._evidence(groups, use_resolved)
        nearest = _nearest_other_km(groups) if use_resolved else {}
        cluster = _cluster_support(groups, self.w) if use_resolved else None
        county = _county_support(groups, self.w)
        # The weights as locals: this loop runs over every reading of every name, twice (same sums, same order).
        w = self.w
        w_country, country_cap, w_admin1, w_qualifier = w.country, w.country_cap, w.admin1, w.qualifier
        w_near, near_km, w_cluster, w_county = w.near, w.near_km, w.cluster, w.county
        for gi, g in enumerate(groups):
            cw, aw = evidence[gi]
            near = nearest.get(gi)
            qualifiers = g.qualifiers
            for k, c in enumerate(g.cands):
                e = c.entry
                s = c.base
                if not c.shadowed:
                    s += w_country * min(country_cap, cw.get(e.country, 0.0))
                if e.admin1:
                    s += w_admin1 * min(1.0, aw.get((e.country, e.admin1), 0.0))
                if qualifiers and self._qualified(e, qualifiers):
                    s += w_qualifier
                if near is not None and e.kind not in AREA_KINDS:
                    s += w_near * math.exp(-near[k] / near_km)
                if cluster is not None:
                    c.clustered = w_cluster * cluster.get(id(c), 0.0)
                    s += c.clustered
                if e.admin2:
                    # the other names in this county: len(members - {gi}) without building the sets
                    members = county.get((e.country, e.admin1, e.admin2))
                    s += w_county * min(1, len(members) - (gi in members) if members else 0)
                c.score = s
            g.cands.sort(key=lambda c: -c.score)
            g.choice = g.cands[0]
            g.confidence = _softmax_top(g.cands, self.w)
            if use_resolved:
                e = g.choice.entry
                small = e.kind == "populated place" and e.population < w.stray_population and not qualifiers
                abroad = small and (cw.get(e.country, 0.0) < w.stray_support
                                    and any(v >= w.stray_story for v in cw.values()))
                g.stray_in_country = small and not abroad and (
                    e.population < w.stray_village and aw.get((e.country, e.admin1), 0.0) < w.stray_support
                    and any(v >= w.stray_story for (c, _), v in aw.items() if c == e.country))
                g.stray = abroad or g.stray_in_country

    def _qualified(self, e: Entry, qualifiers: set[str]) -> bool:
        for q in qualifiers:
            qc, qa = self._qualifier_targets(q)
            if e.country in qc or (e.country, e.admin1) in qa:
                return True
        return False

    def _places(self, groups: list[_Group]) -> list[Place]:
        by_id: dict[str, Place] = {}
        for g in groups:
            c = g.choice
            assert c is not None
            e = c.entry
            metonym = any(m.agentive for m in g.mentions) and (
                e.kind == "landmark" or e.feature_code in METONYM_CODES)
            alts = [Candidate(o.entry, o.score) for o in g.cands[1 : 1 + self.w.alternatives]]
            reason = {"prior": round(c.base, 3), "score": round(c.score, 3), "candidates": len(g.cands)}
            if g.qualifiers:
                reason["qualifier"] = sorted(g.qualifiers)
            if c.backoff:
                reason["backoff"] = c.backoff
            if g.form == "demonym":
                reason["demonym"] = True
            spans = list(g.mentions)
            if c.backoff in APPROXIMATE:
                # Not the entry itself but somewhere in or near it: a place of its own, named as written.
                reason["within"] = e.name
                key = f"{e.id}~{g.key.replace(' ', '-')}"
                by_id[key] = Place(id=key, name=g.mentions[0].text, lat=e.lat, lon=e.lon, kind=e.kind,
                                   country=e.country, confidence=g.confidence, mentions=spans, alternatives=[],
                                   reason=reason, admin1=e.admin1_name, entry_id=e.id)
                continue
            place = by_id.get(e.id)
            if place is None:
                by_id[e.id] = Place(id=e.id, name=e.name, lat=e.lat, lon=e.lon, kind=e.kind, country=e.country,
                                    confidence=g.confidence, mentions=spans, alternatives=alts, reason=reason,
                                    admin1=e.admin1_name, metonym=metonym, entry_id=e.id)
            else:
                place.mentions.extend(spans)
                place.mentions.sort(key=lambda s: s.start)
                place.confidence = max(place.confidence, g.confidence)
                place.metonym = place.metonym or metonym
        return sorted(by_id.values(), key=lambda p: p.mentions[0].start)


def _county_support(groups: list[_Group], w: Weights) -> dict[tuple[str, str, str], set[int]]:
    """Per second-level division: the names (group indices) with a reading that is it or lies in it.

    "Athens" and "Henderson County" each have a dozen readings, but only
    one pair is a town and the county around it (Athens, Texas): a reader
    takes that pair. Only a county reading or a town reading of *another*
    name counts for a candidate, and only the names' leading readings.
    """
    out: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for gi, g in enumerate(groups):
        for c in g.cands[:w.cluster_candidates]:  # only a county name makes a town's county evidence
            e = c.entry
            if e.kind == "admin2" and e.admin2:
                out[(e.country, e.admin1, e.admin2)].add(gi)
    if not out:
        return out
    for gi, g in enumerate(groups):
        for c in g.cands[:w.cluster_candidates]:
            e = c.entry
            if e.admin2 and e.kind != "admin2" and (key := (e.country, e.admin1, e.admin2)) in out:
                out[key].add(gi)
    return out


def _cluster_support(groups: list[_Group], w: Weights) -> dict[int, float]:
    """Per candidate: how many *other* names have some reading within ~``Weights.cluster_km`` (capped at 2).

    Local news names a town, its county and its neighbours; the readings
    that sit together are the intended ones even when each alone is a
    small place. Computed once per document over the leading candidates.
    Most documents have a few dozen readings, so the Python around the one
    distance matrix costs as much as the matrix: it is kept to list building.
    """
    cands: list[_Cand] = []
    starts: list[int] = []  # where each name's readings begin in cands (each name's are adjacent columns)
    for g in groups:
        first = len(cands)
        leading = g.cands if len(g.cands) < 2 else sorted(g.cands, key=_base, reverse=True)[:w.cluster_candidates]
        cands.extend(c for c in leading if c.entry.kind not in AREA_KINDS)
        if len(cands) > first:
            starts.append(first)
    if len(starts) < 2:
        return {}
    pts = np.radians(np.array([(c.entry.lat, c.entry.lon) for c in cands]))
    closeness = np.exp(-great_circle_km(pts, pts) / w.cluster_km)
    # The best of each name in one reduction, not a loop of masks.
    best = np.maximum.reduceat(closeness, starts, axis=1)
    name_of = np.repeat(np.arange(len(starts)), np.diff([*starts, len(cands)]))
    best[np.arange(len(cands)), name_of] = 0.0  # a name does not support itself
    total = np.minimum(best.sum(axis=1), 2.0).tolist()
    return dict(zip(map(id, cands), total))


# The sort key of candidates by base score (a stable sort with reverse=True keeps ties in their order).
_base = attrgetter("base")


def _city_over_its_province(cands: list[_Cand], triggers: set[str], w: Weights) -> None:
    """Read a name shared by a division and a city of a million as the city, where the city is what news means.

    News says "New York" or "São Paulo" for the city far more often than for
    the state around it, and "Vila Velha" for the city, not the municipality
    around it; "the state of New York", "New York state", "the New York
    border" and "N.Y." still get the state. A city of a million also
    outranks a smaller division of its name abroad: "Manchester" is the
    English city, not the Jamaican parish; "Kochi" the Indian city, not the
    Japanese prefecture (but "Valencia" stays the Spanish province, bigger
    than the Venezuelan city).
    """
    if triggers & {"admin1", "border", "abbreviation"}:
        return
    big = w.big_city
    cities = [c for c in cands if c.entry.population >= big and c.entry.kind == "populated place"]
    if not cities:
        return  # most names: no city of a million among the readings
    divisions = [c for c in cands if c.entry.kind in ("admin1", "admin2") and c.entry.admin1]
    if not divisions:
        return
    for c in cities:
        e = c.entry
        over = [d.base for d in divisions
                if (d.entry.country, d.entry.admin1) == (e.country, e.admin1)
                and (d.entry.kind == "admin1" or d.entry.admin2 == e.admin2)
                or (d.entry.country != e.country and d.entry.population < e.population)]
        if over:
            c.base = max(c.base, max(over) + w.city_margin)


def _needs_context(e: Entry) -> bool:
    """A neighbourhood, facility or landmark reading with no population: it wins over a town only with context.

    A neighbourhood GeoNames counts people in is read like the town of its
    size (cities500 lists Navi Mumbai, 2.6 M, as one: every such reading in
    the bundled store has 500 people or more); one without a count is a
    named part of a town, as are the facilities and landmarks.
    """
    return e.population == 0 and e.feature_code in CONTEXT_WORDS


def _is_town(e: Entry) -> bool:
    """A populated place that is a town of its own, not a part of one that needs context."""
    return e.kind == "populated place" and not _needs_context(e)


def _context_words(text: str, m: Mention) -> set[str]:
    """The words naming a kind of place in or by a mention ("stadium", "district"; lower case)."""
    found = [x.group(1) for x in _CONTEXT_IN_NAME.finditer(m.text)]
    after = _CONTEXT_AFTER.match(text, m.end)
    if after is not None and not _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start):
        found.append(after.group(1))
    if (appositive := _CONTEXT_APPOSITIVE.match(text, m.end)) is not None:
        found.append(appositive.group(1))
    if (before := _CONTEXT_BEFORE.search(text, max(0, m.start - 40), m.start)) is not None:
        found.append(before.group(1))
    return {" ".join(w.lower().split()) for w in found}


def _institution_of(key: str, name: str) -> bool:
    """Whether a name is an institution's named after a place: only organisation words besides it.

    "Colorado State University", "University of California": yes.
    "Tennessee Colony", "Hamilton Township" (places of their own) and
    "Warren County" (a division inside the state) are not.
    """
    words, part = key.split(), fold(name).split()
    at = next((i for i in range(len(words) - len(part) + 1) if words[i:i + len(part)] == part), None)
    if at is None:
        return False
    rest = words[:at] + words[at + len(part):]
    return bool(rest) and all(w in INSTITUTION_WORDS or w in CONNECTORS for w in rest)


def _agrees(e: Entry, focus: Entry, w: Weights) -> bool:
    """Whether a reading fits the story's main place: it contains it, or lies near it."""
    if e.kind == "country" or focus.kind == "country":
        return bool(e.country) and e.country == focus.country
    if e.kind == "admin1" or focus.kind == "admin1":
        return bool(e.admin1) and (e.country, e.admin1) == (focus.country, focus.admin1)
    if e.kind in PHYSICAL_KINDS:
        return True  # only "completed" readings ("the Mediterranean" -> Sea) get here: no containment test
    return great_circle_pair_km(e.lat, e.lon, focus.lat, focus.lon) <= w.near_km


def _derived_demonyms(key: str, candidates: Any) -> list[tuple[Entry, int]]:
    """Countries, provinces and regions a demonym-like word is formed from.

    "Ohioans" -> Ohio, "Minnesotans" -> Minnesota, "Ontarians" -> Ontario (-io),
    "South Ossetian" -> South Ossetia, "Dagestani" -> Dagestan, "Abkhaz" ->
    Abkhazia: English forms these by a handful of endings, so the curated
    demonym table need not list every province.
    """
    *head, last = key.split() or [""]
    if len(last) < 4:
        return []
    for ending, replacements in DEMONYM_ENDINGS:
        if ending and not last.endswith(ending):
            continue
        stem = last[:len(last) - len(ending)]
        if len(stem) < 3:
            continue
        for extra in replacements:
            name = " ".join([*head, stem + extra])
            if name == key:
                continue
            found = [(e, f) for e, _, f in candidates(name, "name") if e.kind in DEMONYM_KINDS and f < 2]
            if found:
                return found
    return []


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _nearest_other_km(groups: list[_Group]) -> dict[int, list[float]]:
    """Per name with a choice to make: each reading's great-circle km to the nearest *other* resolved point.

    Areas (countries, provinces) have no point to be near. One distance
    matrix for the whole document, not one per name: NumPy's per-call cost
    is most of the work at article sizes.
    """
    resolved = [gi for gi, g in enumerate(groups) if g.choice and g.choice.entry.kind not in AREA_KINDS]
    open_ = [gi for gi, g in enumerate(groups) if len(g.cands) > 1]
    if not resolved or not open_ or (len(resolved) == 1 and resolved == open_):
        return {}
    pts = np.radians(np.array([(groups[gi].choice.entry.lat, groups[gi].choice.entry.lon) for gi in resolved]))
    rows = np.radians(np.array([(c.entry.lat, c.entry.lon) for gi in open_ for c in groups[gi].cands]))
    km = great_circle_km(rows, pts)
    column = {gi: k for k, gi in enumerate(resolved)}
    spans = []
    own_rows: list[int] = []
    own_cols: list[int] = []
    start = 0
    for gi in open_:
        n = len(groups[gi].cands)
        spans.append((gi, start, start + n))
        if gi in column:  # a name is not near itself
            own_rows.extend(range(start, start + n))
            own_cols.extend([column[gi]] * n)
        start += n
    km[own_rows, own_cols] = np.inf
    nearest = km.min(axis=1).tolist()
    return {gi: nearest[a:b] for gi, a, b in spans if not (gi in column and len(resolved) == 1)}


def _sole_reading_placed(g: _Group, text: str) -> bool:
    """Whether a within-country stray is a place all the same: its name has no reading farther than
    ``Weights.confidence_km`` from the chosen one (no namesake elsewhere) and the text puts it after a
    locative word ("arrived in X", "from X we drove").

    The within-country stray rule is for a village whose name is a word ("Equality" in a story about
    another province); a travel piece or an outbreak report moves on through provinces the text never
    names, to towns a namesake cannot be confused with. With no rival reading, the only doubt is whether
    the name is a place at all, and the locative word answers it. (Waiving the cap for every stray abroad
    as well lowered end-to-end F1 on GeoWebNews by 0.3 points: there the other country's story is real
    evidence against the town. Only an arrival told at it waives it abroad: see :func:`_arrived_at`.)
    """
    win = g.choice.entry if g.choice is not None else None
    return (win is not None and bool(text)
            and all(great_circle_pair_km(win.lat, win.lon, c.entry.lat, c.entry.lon) <= WEIGHTS.confidence_km
                    for c in g.cands)
            and any(after_locative_word(text, m.start) and not _NAME_GOES_ON.match(text, m.end)
                    for m in g.mentions))


# "were brought ashore to X", "docked at X", "arrived in X": the text says a traveller got there.
_ARRIVED_AT = re.compile(rf"(?i)\b(?:{alternation_of(entries('trigger_arrival'))})(?:\s+(?:in|at|on|to|into))?\s+\Z")


def _arrived_at(g: _Group, text: str) -> bool:
    """Whether an arrival is told at the stray abroad ("on Saturday they were brought ashore to X"): a
    destination reached, where the other country's story is the trip's start, not evidence against the
    place (a migrants' crossing from Libya lands on an island of another country)."""
    return any(_ARRIVED_AT.search(text, max(0, m.start - 60), m.start) for m in g.mentions)


# A capitalised word right after a name (possessive or not): the name is the head of a longer one the
# gazetteer lacks ("at X University", "X Middle School", "X's Village"), no town on its own.
_NAME_GOES_ON = re.compile(r"(?:['’]s)?[ -]+[A-Z]")


def _own_province(win: Entry, rival: Entry) -> bool:
    """Whether ``rival`` is the province of the same name that the winning town lies in ("Puno" the
    region around Puno the town). A reader who meant the province still finds the town named for it in
    it, so the doubt between the two is no doubt about the map: their shares add up as near readings do,
    however far the province's centre point lies from its town (a wide region's centre may be 150 km off).
    """
    return (win.kind == "populated place" and rival.kind == "admin1" and rival.country == win.country
            and bool(win.admin1) and rival.admin1 == win.admin1)


def _softmax_top(cands: list[_Cand], w: Weights = WEIGHTS) -> float:
    """The share of a softmax over the candidates' scores that lies where the winner is.

    Readings within ``Weights.confidence_km`` of the winner (Madrid the city and Madrid
    the province around it) put the pin in the same place, so their shares
    add up: confidence is about the point on the map, not the gazetteer row.
    """
    if len(cands) == 1:
        return 0.99
    top = cands[0].score
    weights = [math.exp((c.score - top) / w.temperature) for c in cands]
    win = cands[0].entry
    # Only readings with a visible share need a distance (most have none), and only those whose latitude is
    # close: a great circle is never shorter than its north-south leg, and a degree of latitude is at least
    # 110.5 km, so a reading more than confidence_km / 100 degrees north or south of the winner is farther
    # than ``confidence_km`` (50 km: half a degree, 5 km to spare, far above rounding error).
    near_degrees = w.confidence_km / 100.0
    near = weights[0] + sum(weights[k] for k in range(1, len(cands))
                            if weights[k] > 1e-4 and (_own_province(win, cands[k].entry) or (
                                abs(cands[k].entry.lat - win.lat) <= near_degrees
                                and great_circle_pair_km(win.lat, win.lon, cands[k].entry.lat, cands[k].entry.lon)
                                <= w.confidence_km)))
    return float(min(0.99, near / sum(weights)))
