"""Find place mentions in text, driven by the gazetteer's names.

The recogniser walks capitalised token runs and takes the longest run whose
folded form is a gazetteer name or a demonym ("Sea of Japan", "North
Korean", "Russia's"). It then rejects runs that the text itself shows are
not places: people ("Kim Jong Un", "President Putin"), days and months,
organisation names, and common words that happen to name a village
("Police", "Agency"). Each rule is stated on the words around the run, never
on a particular article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import NamedTuple

from geoviz.geo.gazetteer import OWN, Gazetteer
from geoviz.model import Mention
from geoviz.nlp.lexicon import entries, table, words
from geoviz.nlp.names import fold
from geoviz.nlp.quantities import NUMBER_WORDS
from geoviz.nlp.text import LowerCaseWords, Token, capital_tokens, sentences

MAX_TOKENS = 7

# Lower-case words allowed inside a multi-word name ("Sea of Japan").
CONNECTORS = words("connectors")

# Words that start a place name without being one ("North Dakota" is in the
# gazetteer, but "West Texas" is not): they do not make the next word a surname.
GEO_PREFIXES = words("geo_prefixes")

# After a place name these make it a street ("Memphis St.", "Augusta Road"):
# a street is not its namesake town.
STREET_WORDS = words("street_words")

# Titles: the capitalised words after them are a person's name.
TITLES = words("titles")

# Heads of organisation and facility names: "Gainesville Police", "Laurel
# County Sheriff". The place before them is still a place mention.
ORG_HEADS = words("org_heads")

# Titles written abbreviated with a dot ("Gov. Crist"); after a full word the dot ends a sentence.
TITLE_ABBREVIATIONS = words("title_abbreviations")

# An elided particle before a capital inside a name: "Côte d'Ivoire", "Coeur d'Alene", "Val d'Isère".
_ELIDED = re.compile(r"(?:d|l|dell|dall|nell|sull)['’](?=[^\W\d_])", re.I)

# Lower-case particles inside people's names.
NAME_PARTICLES = words("name_particles")

# "St. Louis", "Mt. Vernon", "Ft. Worth": the dot belongs to the name.
NAME_ABBREVIATIONS = words("name_abbreviations")

WEEKDAYS = words("weekdays")
# Every form of every month ("january", "jan", "sept"): months.json lists them month by month.
MONTHS = frozenset(form for forms in table("months") for form in forms)

# Capitalised words that open sentences or headings and also name some village
# somewhere. Only their single-word use is rejected.
GENERIC_WORDS = words("generic_words")
COMMON_WORDS = WEEKDAYS | MONTHS | TITLES | NAME_ABBREVIATIONS | NUMBER_WORDS | GENERIC_WORDS | words("common_words")

# AP-style and postal abbreviations of US states, used as qualifiers after a comma.
US_STATE_ABBREVIATIONS = table("us_state_abbreviations")
# Canadian Press and Canada Post forms: "Kelowna, B.C.", "Red Deer, Alta.", "Halifax, NS".
CA_PROVINCE_ABBREVIATIONS = table("ca_province_abbreviations")
# Abbreviation -> (first-level division, its country as a qualifier key).
PROVINCE_ABBREVIATIONS = {**{k: (v, "US") for k, v in US_STATE_ABBREVIATIONS.items()},
                          **{k: (v, "canada") for k, v in CA_PROVINCE_ABBREVIATIONS.items()}}
# "350 B.C.", "44 BC": a year's era, not British Columbia.
_ERA = re.compile(r"\d\s*$")

_STATE_KEY_CHARS = max(map(len, PROVINCE_ABBREVIATIONS))

# Verbs that make a capital or a seat of power the voice of a government:
# "Pyongyang may seek", "the Kremlin said". The look-ahead lists the first letters of the words below: most
# names are followed by a comma, a full stop or "and", which then fail at once instead of against every word.
AGENT_VERBS = re.compile(
    r"^\s*(?=[abcdehimoprstuvw])(?:has|have|had|may|might|could|would|will|is|was|also|has\s+also|did|does|on\s+\w+)?\s*"
    r"(?:said|says|say|warned|warns|warn|announced|announces|stated|states|issued|issues|seek|seeks|sought|"
    r"denied|denies|accused|accuses|insisted|insists|claimed|claims|rejected|rejects|agreed|agrees|"
    r"threatened|threatens|wants|want|wanted|responded|responds|confirmed|confirms|condemned|condemns|"
    r"declined|declines|urged|urges|called|calls|demanded|demands|welcomed|welcomes|believes|believed|"
    r"hopes|hoped|plans|planned|decided|decides|refused|refuses|sanctioned|imposed|approved|signed|"
    r"vowed|vows|pledged|pledges|criticized|criticised|dismissed|reiterated|maintains|maintained|"
    r"issued|has\s+issued|would|retaliated|blamed|blames|protested|protests|expressed|expelled|recalled)\b",
    re.IGNORECASE)
_QUALIFIER = re.compile(r"^\s*,\s*")
_LIST_AND = re.compile(r"\s+(?:and|or)\s+")
# "in nearby Corbin said": after these, a name is a place even before "said".
LOCATIVES = words("locatives")
# At most an adverb between: "Moore also said", but not "A Cork mother says".
SPEECH_AFTER = re.compile(r"[ ,]*(?:(?:also|has|had|then|later|reportedly|previously|recently|again|further|"
                          r"earlier|once|finally|first|quickly|simply|only|alone|himself|herself) )?"
                          r"(?:said|says|told|added|explained|noted|wrote|asked|replied|testified|"
                          r"pleaded|admitted|recalled)\b")


MAJOR_KINDS = {"country", "admin1", "region", "sea"}

# Things named after places (classes of names, each with its words; never a list of place names).
# "Ebola virus", "West Nile virus", "Reston ebolavirus": a disease, and the name stays one in the article.
DISEASE_WORDS = words("disease_words")
# The lexicon's list of diseases ("Ebola", "Marburg"), and of peoples and past civilisations ("Inca", "Maya"):
# a town somewhere goes by some of them, but "the Ebola outbreak" and "the Inca fortress" name no town.
DISEASE_NAMES = words("trigger_disease")
PEOPLES = words("peoples")
# "Agence France-Presse", "Press Trust of India": a news agency.
NEWS_AGENCY_WORDS = words("news_agency_words")
# "Real Madrid", "Manchester United": a sports club.
TEAM_PREFIXES = words("team_prefixes")
TEAM_SUFFIXES = words("team_suffixes")
# "Air France", "Bank of America", "Alaska Airlines": a company.
COMPANY_PREFIXES = words("company_prefixes")
COMPANY_SUFFIXES = words("company_suffixes")

# Rejection reasons after which a run may still be a place a person wants to pin: it is offered in
# ``Recognised.offered`` (and so in ``Document.uncertain``) when some reading is a country or a city of
# ``OFFER_POPULATION`` by that very name ("Turkey" opening a sentence; not "Man" or "Metro", though
# towns of 100,000 go by them: on LGL and GeoWebNews a lower bar offered 84 names, nearly all words and
# first names). The other reasons say what the name is instead, beyond reasonable doubt: a person
# (after a title or a given name, before an age, a surname seen before), an initial, a street, a firm,
# a language, a disease, a news agency, money, a club, a company. Offering those would bury the few
# real places under every surname of the article.
OFFERED_REASONS = frozenset({"alternate name", "common word", "adjective"})
OFFER_POPULATION = 1_000_000
# Rejection reasons after which the name stays a person's for the rest of the article: a surname after a
# given name or a title ("Jones said"), a given name before a nickname in quotes ("Katherine ... said").
PERSON_FOR_GOOD = frozenset({"surname", "nicknamed"})
# The reason of the before-a-surname rule. A name it rejects that the article names as a place elsewhere,
# after a locative word ("in Ozark", "near Paris"), is the place there too ("Ozark Dodge", "the Paris
# Walmart"): one sense per discourse, as for the surnames the other way round. (Any other mention is too
# weak a sign: "Rod's career" would bring back every "Rod Stewart".)
GIVEN_NAME = "given name"
# The reason of the people's-name rule ("the Inca fortress"). The name stays a people's for the rest of
# the article, unless the article names it as a place after a locative word ("a bus to Inca"): as for
# GIVEN_NAME, one sense per discourse.
PEOPLE = "people"
# A club or a company named after a city names a city of some size ("Bank of Valletta", "Air Busan").
CLUB_CITY_POPULATION = 100_000


class _Name(NamedTuple):
    """The answers a name alone gives the rejection rules (Recogniser._name)."""

    facts: frozenset[str]  # the facts that rule rules out (see _D below): which rules may hold at all
    demonym: bool
    major: bool  # a leading reading is a country, province, region or city of a million
    country: bool  # one of the three leading readings is a country
    own: bool  # the leading reading goes by this very name


# The most names Recogniser._name keeps answers for (then it starts again): far more than an article has.
NAME_CACHE = 50_000


class _Sketch(NamedTuple):
    """What the recogniser's tests read of a gazetteer reading (see Recogniser._readings)."""

    kind: str
    population: int
    form: int


@dataclass(frozen=True, slots=True)
class Recognised:
    """What the recogniser found in a text.

    ``mentions``: the place mentions. ``offered``: names the gazetteer has that a rule rejected for a
    reason that leaves them possibly places (:data:`OFFERED_REASONS`), each with that reason, so
    nothing that may be a place is dropped silently (docs/places.md, "Confidence, and what is not pinned").
    """

    mentions: list[Mention]
    offered: list[tuple[Mention, str]]


class Recogniser:
    """Gazetteer-driven recogniser; one per gazetteer, reused across texts."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    @functools.cached_property
    def name_keys(self) -> AbstractSet[str]:
        """Every folded name (not codes): membership tests are the hot path.

        The gazetteer's own set (read once, shared with its fuzzy index). The
        app may set a :class:`geoviz.geo.gazetteer.StoreNameKeys` here for a
        first parse that should not wait for the whole set.
        """
        return self.gaz.name_keys()

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one Recogniser per gazetteer, kept for the process
    def _readings(self, key: str) -> tuple[_Sketch, ...]:
        """The five leading gazetteer readings of a name: one query feeds every test below.

        Kept as plain (kind, population, form) tuples, all the tests ask: the cache holds thousands of
        names, and whole Entry objects beside the resolver's own copies made every later pass slower
        (more objects for the memory allocator and the CPU caches, about 2% of a parse).
        """
        return tuple(_Sketch(r.entry.kind, r.entry.population, r.form)
                     for r in self.gaz.readings(key, 5, include_codes=False))

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked several times per name; see _readings
    def _country_like(self, key: str) -> bool:
        rows = self._readings(key)
        return bool(rows) and rows[0].kind in ("country", "admin1")

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked several times per name; see _readings
    def _major(self, key: str) -> bool:
        """Some leading reading is a country, province or region, or a city of a million."""
        return any(r.kind in MAJOR_KINDS or r.population >= 1_000_000 for r in self._readings(key))

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked several times per name; see _readings
    def _is_country(self, key: str) -> bool:
        return any(r.kind == "country" for r in self._readings(key)[:3])

    def _short_town_alias(self, key: str, capitals: bool) -> bool:
        """Whether a word is only a town's short alternate name: in capitals (up to four letters) or three letters.

        GeoNames lists airport codes and nicknames among a city's names ("DAC"
        for Dhaka, "Bud" for Budapest); in running text such a word is an
        organisation, a person or a common word. "Kiev" (four letters, not in
        capitals) still reads as the city.
        """
        if len(key) > (4 if capitals else 3) or key in self.demonyms or self._own_name(key):
            return False
        rows = self._readings(key)
        return bool(rows) and rows[0].kind == "populated place"

    def _country_letters(self, key: str) -> bool:
        """Whether a three-letter word is only a country's letters ("CAR", "DRC"), not its own name."""
        if len(key) != 3 or key in self.demonyms or self._own_name(key):
            return False
        rows = self._readings(key)
        return bool(rows) and rows[0].kind == "country"

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked several times per name; see _readings
    def _own_name(self, key: str) -> bool:
        rows = self._readings(key)
        return bool(rows) and rows[0].form == OWN

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked several times per name; see _readings
    def _city(self, key: str) -> bool:
        """Some leading reading is a town of ``CLUB_CITY_POPULATION`` or more: one a club or a firm is named after."""
        return any(r.kind == "populated place" and r.population >= CLUB_CITY_POPULATION
                   for r in self._readings(key))

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - asked of rejected names only; see _readings
    def _offerable(self, key: str) -> bool:
        """Some leading reading is a country, or a town of ``OFFER_POPULATION`` that goes by this very name.

        Not a province or region: "West", "Central" and "North" name provinces somewhere, and each
        sentence-opening "West" offered would bury the real places in the list. Not a town that merely
        lists the word among its alternate names: "Dave", "Caroline", "Media" and "Metro" are such
        names of some city, and offering every one would bury the real places under first names.
        """
        return any(r.kind == "country" or (r.form == OWN and r.kind == "populated place"
                                           and r.population >= OFFER_POPULATION)
                   for r in self._readings(key))

    @functools.cached_property
    def demonyms(self) -> dict[str, tuple[str, str]]:
        return self.gaz.demonym_keys

    def is_name(self, key: str) -> bool:
        return key in self.name_keys or key in self.demonyms

    def find(self, text: str) -> list[Mention]:
        """All place mentions in ``text``, in order, not overlapping."""
        return self.recognise(text).mentions

    def recognise(self, text: str) -> Recognised:
        """The place mentions in ``text``, and the rejected names a person may still want to pin.

        Long texts are read in blocks that end at a paragraph or sentence
        break, so memory stays bounded (tokens live one block at a time)
        while the people and diseases seen so far carry over from block to block.
        """
        people: set[str] = set()
        diseases: set[str] = set()
        peoples: set[str] = set()
        out: list[Mention] = []
        offered: list[tuple[Mention, str]] = []
        given: list[tuple[int, int, str]] = []
        for start, end in _blocks(text, BLOCK_CHARS):
            block = text if (start, end) == (0, len(text)) else text[start:end]
            block_offered: list[tuple[Mention, str]] = []
            block_given: list[tuple[int, int, str]] = []
            for m in self._find_block(block, people, diseases, peoples, block_offered, block_given):
                out.append(m if start == 0 else _replace(m, start=m.start + start, end=m.end + start))
            offered.extend((m if start == 0 else _replace(m, start=m.start + start, end=m.end + start), why)
                           for m, why in block_offered)
            given.extend((a + start, b + start, key) for a, b, key in block_given)
        # A surname or a disease once seen is one everywhere in the article, earlier mentions too.
        gone = people | diseases
        if gone:
            out = [m for m in out if m.form == "demonym" or fold(m.text) not in gone]
        if given:
            # A "given name" or a people's name the article names as a place elsewhere is that place (see
            # GIVEN_NAME, PEOPLE); the others stay people's names (not offered: a first name is no place a
            # person would pin), and a people's name is one all through the article.
            keys = {key for _, _, key in given}
            places = {m.key for m in out if m.key in keys and after_locative_word(text, m.start)}
            if peoples - places:
                out = [m for m in out if m.key not in peoples or m.key in places or m.form == "demonym"]
            if places:
                back = [self._mention(text, a, b, key) for a, b, key in given if key in places and key not in gone]
                out = sorted(out + back, key=lambda m: m.start)
        if offered:
            taken = {m.key for m in out} | gone
            seen: set[str] = set()
            offered = [(m, why) for m, why in offered
                       if m.key not in taken and not (m.key in seen or seen.add(m.key))]
        return Recognised(out, offered)

    def _find_block(self, text: str, people: set[str], diseases: set[str], peoples: set[str],
                    offered: list[tuple[Mention, str]], given: list[tuple[int, int, str]]) -> list[Mention]:
        """The mentions of one block; rejected names a person may pin go to ``offered``, runs rejected as a
        given name or a people's name to ``given`` as (start, end, key) (see GIVEN_NAME, PEOPLE), and the
        latter's keys to ``peoples``."""
        toks = capital_tokens(text)
        if not toks:
            return []
        sent_first = _sentence_initial(text, toks)
        lower = LowerCaseWords(text)
        out: list[Mention] = []
        i, n = 0, len(toks)
        while i < n:
            if not toks[i].cap:
                i += 1
                continue
            found = self._longest(text, toks, i)
            if found is None:
                i += 1
                continue
            j, end, key = found
            reason = self._reject(text, toks, i, j, key, sent_first, people, lower)
            while reason and j > i:
                # "Dublin City Manager": the long reading fails, "Dublin" may not.
                shorter = self._longest(text, toks, i, last=j)
                if shorter is None:
                    break
                j, end, key = shorter
                reason = self._reject(text, toks, i, j, key, sent_first, people, lower)
            if reason:
                # A surname once seen after a given name or a title stays a
                # person for the rest of the article ("Jones said").
                if reason in PERSON_FOR_GOOD and not self._country_like(key):
                    people.add(key)
                elif reason == "disease":
                    diseases.add(key)
                elif reason == GIVEN_NAME:
                    given.append((toks[i].start, end, key))
                elif reason == PEOPLE:
                    given.append((toks[i].start, end, key))
                    peoples.add(key)
                elif reason in OFFERED_REASONS and self._offerable(key):
                    offered.append((self._mention(text, toks[i].start, end, key), reason))
                i += 1
                continue
            out.append(self._mention(text, toks[i].start, end, key))
            i = j + 1
        _qualify(text, out)
        out.extend(_state_abbreviations(text, toks, out))
        out.sort(key=lambda m: m.start)
        return out

    def _longest(self, text: str, toks: list[Token], i: int, last: int | None = None) -> tuple[int, int, str] | None:
        """(last token index, end offset, key) of the longest name starting at token i (ending before ``last``).

        Asked once per capitalised token: the common gap (one space) skips the
        gap tests, and the name sets are read once per call, not per token.
        """
        best = None
        n = len(toks) if last is None or last > len(toks) else last
        last = n if n < i + MAX_TOKENS else i + MAX_TOKENS
        names, demonyms = self.name_keys, self.demonyms
        start = toks[i].start
        prev: Token | None = None
        # Inside a parenthesised part of a name ("Cocos (Keeling) Islands"): no key may end there.
        bracket = False
        for j in range(i, last):
            tj = toks[j]
            if prev is not None:
                gap = text[prev.end : tj.start]
                if gap != " ":
                    if gap.startswith(".") and prev.text.lower() in NAME_ABBREVIATIONS:
                        gap = gap[1:]
                    if gap == " (" and not bracket or gap == ") " and bracket:
                        bracket = not bracket  # a name goes on through it only if the whole is a name
                    elif gap.strip(" -") or "\n\n" in gap or len(gap) > 3:
                        break
                # A possessive ends a name unless a longer name goes on through it ("People's Republic
                # of China", "Martha's Vineyard"): the keys below must then match with the "'s" in.
            prev = tj
            if not tj.cap and not (j > i and ("'" in tj.text or "’" in tj.text)
                                   and (m := _ELIDED.match(tj.text)) is not None
                                   and tj.text[m.end()].isupper()):  # "d'Ivoire" counts as capitalised
                if tj.text.lower() in CONNECTORS and j + 1 < last:
                    continue
                break
            if bracket:
                continue
            key = fold(text[start : tj.base_end])
            if key and (key in names or key in demonyms):
                best = (j, tj.base_end, key)
            elif tj.base_end != tj.end and j > i:
                # "Modi's" is Modi's, never a place called "Modis"; only a longer
                # name may keep its apostrophe-s ("St. John's").
                key = fold(text[start : tj.end])
                if key and (key in names or key in demonyms):
                    best = (j, tj.end, key)
        return best

    def _reject(self, text: str, toks: list[Token], i: int, j: int, key: str, sent_first: set[int],
                people: set[str], lower: LowerCaseWords) -> str:
        """Why the run toks[i..j] is not a place here (the reason of the first :data:`REJECTIONS` rule that
        holds), or '' if it may be one."""
        if key in people:  # the first rule, _known_person, without building the run (a hot path)
            return "person"
        run = _Run(self, text, toks, i, j, key, sent_first, people, lower)
        # Only the rules that may hold for this name and shape are tried: a country or a demonym skips
        # most of the rules about people and small towns (Rule.single, Rule.unless).
        for test, reason in self._rules(run):
            if test(run):
                return reason
        return ""

    def _rules(self, run: _Run) -> tuple[tuple[Callable[[_Run], bool], str], ...]:
        """The (test, reason) pairs tried for a run, in order (see :func:`rules_for`)."""
        return rules_for(run.facts, run.single, run.named, run.around)

    def _name(self, key: str) -> _Name:
        """What the rules ask of a name that the name alone decides, worked out once per name.

        One plain dict (cleared when it reaches ``NAME_CACHE`` names) rather than a cache per question:
        each run reads its answers in one look-up (``_Run`` holds them as plain attributes).
        """
        got = self._names.get(key)
        if got is None:
            if len(self._names) >= NAME_CACHE:
                self._names.clear()
            first = key.partition(" ")[0]
            demonym, major, country, own = (key in self.demonyms, self._major(key), self._is_country(key),
                                            self._own_name(key))
            tests = (("demonym", demonym), ("major", major), ("country", country), ("own", own),
                     ("long", len(key) > 4), ("county", _county_name(key)),
                     ("no common", first not in COMMON_WORDS and first not in ORG_HEADS),
                     ("no language", key not in LANGUAGES), ("no adjective", not _adjective_word(key)),
                     ("no disease", key not in DISEASE_NAMES), ("no people", key not in PEOPLES))
            got = _Name(frozenset(fact for fact, holds in tests if holds), demonym, major, country, own)
            self._names[key] = got
        return got

    @functools.cached_property
    def _names(self) -> dict[str, _Name]:
        return {}

    def _mention(self, text: str, start: int, end: int, key: str) -> Mention:
        surface = text[start:end]
        if key in self.demonyms:
            # "Canadian", "French": the demonym reading beats the hamlet named so.
            form = "demonym"
        else:
            form = "name"
        if "." in surface:
            key = state_abbreviation(surface) or key
        trigger = _trigger(text, start, end)
        agent = bool(AGENT_VERBS.match(text[end : end + 40]))
        return Mention(start=start, end=end, text=surface, key=key, form=form, trigger=trigger,
                       qualifier="", agentive=agent)


_AGE = re.compile(r", \d{1,3},")
LANGUAGES = words("languages")
_LANGUAGE_BEFORE = words("language_before")
_LANGUAGE_AFTER = re.compile(r"(?:-|\s+)(?:language|speaking|speaker|speakers|translation|subtitles|is|was|will|"
                             r"remains|has|provides)\b")


def _language_use(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Whether a demonym that names a language is used for the language, not the country."""
    if _LANGUAGE_AFTER.match(text, toks[j].end):
        return True
    if i == 0 or toks[i - 1].text.lower() not in _LANGUAGE_BEFORE:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    # "in English." / "in Spanish after": no noun follows, so the word is the language itself.
    return nxt is None or not text[toks[j].end : nxt.start].strip() == "" or nxt.text[:1].islower() and \
        nxt.text.lower() in {"after", "before", "and", "or", "but", "as", "with", "while", "when", "to", "for"}


BLOCK_CHARS = 200_000


_LAST_WORD = re.compile(r"([a-z]+)\s+$")


def after_locative_word(text: str, start: int) -> bool:
    """Whether a locative word ("in", "near", "from", ...) stands right before ``start``: "in Ozark"."""
    m = _LAST_WORD.search(text, max(0, start - 16), start)
    return m is not None and m.group(1) in LOCATIVES


def _blocks(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) blocks of about ``size`` characters, cut after a newline or sentence end."""
    out = []
    start = 0
    n = len(text)
    while n - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(". ", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        cut = start + size if cut < 0 else cut + 1
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


_ADJECTIVE_ENDINGS = entries("adjective_endings")


_ADMINISTRATION = re.compile(r"\s+administration\b")
_QUALIFIED_AFTER = re.compile(r",\s*[A-Z]")
_ADJECTIVE_WORD = re.compile(r"(?:[^l]al|ic|ous|ive|ful)$")


def _adjective_word(key: str) -> bool:
    """"Olympic", "Continental", "Scenic": a word shaped like an adjective ("-all" names such as Marshall aside)."""
    return len(key) >= 6 and " " not in key and _ADJECTIVE_WORD.search(key) is not None


def _adjectival(word: str) -> bool:
    """"Historic", "Distinctly", "Northern": capitalised adjectives and adverbs are not given names."""
    return len(word) >= 6 and word.lower().endswith(_ADJECTIVE_ENDINGS)


def _org_run(text: str, toks: list[Token], k: int) -> bool:
    """Whether the capitalised run starting at token k names an organisation ("Historical Society")."""
    for n in range(k, min(len(toks), k + 6)):
        if n > k and not (_adjacent(text, toks[n - 1], toks[n]) and toks[n].cap):
            return False
        if toks[n].text.lower().rstrip(".") in ORG_HEADS:
            return True
    return False


# The words that end a street's name; "Court", "Place" and "Highway" are left out
# ("Clarke County Superior Court", "the Florida Highway Patrol" are not streets).
STREET_ENDS = words("street_ends")
_COUNTY_WORDS = {"county", "parish", "township", "state"}
_AMPERSAND = re.compile(r" ?& ?[A-Z]")


def _street_run(text: str, toks: list[Token], k: int) -> bool:
    """Whether the capitalised words from token k on (at most three) end a street's name ("Lake Road").

    The street word must end the run: "St. Louis" and "Drive Time" are not streets.
    """
    for n in range(k, min(len(toks), k + 3)):
        t = toks[n]
        if not (t.cap and _adjacent(text, toks[n - 1], t)) or t.base_end != t.end:
            return False
        if n == k and t.text.lower() in _COUNTY_WORDS:
            return False  # "Douglas County Road 4" still names the county
        if t.text.lower().rstrip(".") in STREET_ENDS and t.text != "Dr.":
            after = toks[n + 1] if n + 1 < len(toks) else None
            return after is None or not (after.cap and _adjacent(text, t, after))
    return False


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens stand side by side in one line: words of one name may.

    A line break ends a name: a headline with no full stop runs into the dateline under it ("Floods hit
    Mombasa" / "NAIROBI —"), and reading the two as a given name and a surname lost both towns for the
    whole article (no corpus text is hard-wrapped inside a sentence).
    """
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0") or (len(gap) <= 2 and not gap.strip() and "\n" not in gap and "\r" not in gap)


def _sentence_initial(text: str, toks: list[Token]) -> set[int]:
    """Indices of tokens that open a sentence, a line or a quotation."""
    starts = {s for s, _ in sentences(text)}
    out = {0}
    for k in range(1, len(toks)):
        t = toks[k]
        if not t.cap:
            continue
        gap = toks[k - 1].end
        # Most words follow a single space, which holds no opener: no search for those.
        if t.start in starts or ((t.start - gap != 1 or text[gap] != " ") and _OPENER.search(text, gap, t.start)):
            out.add(k)
    return out


_OPENER = re.compile(r"[\n\"“‘(:;—–]")


# Words just before or after a name that say what kind of place it is.
TRIGGERS = [
    (re.compile(r"\b(?:cosmodrome|spaceport|space\s+(?:centre|center|port)|launch\s+(?:site|pad|centre|center))\b",
                re.I), "facility"),
    (re.compile(r"\bairport|airfield|air\s+base\b", re.I), "airport"),
    (re.compile(r"\b(?:border\s+)?(?:town|city|village|hamlet|settlement|municipality|suburb|capital)\s+of\s*$",
                re.I), "populated place"),
    (re.compile(r"\bcounty\s+of\s*$", re.I), "admin2"),
    (re.compile(r"\b(?:state|province|region|oblast|krai|prefecture|governorate)\s+of\s*$", re.I), "admin1"),
    # "states such as California or Washington", "provinces like Alberta, Ontario and Quebec"
    (re.compile(r"\b(?:states|provinces)\s+(?:such\s+as|like|including)\s+"
                r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*,?\s+(?:(?:and|or)\s+)?)*$"), "admin1"),
    (re.compile(r"\bport\s+of\s*$", re.I), "port"),
    (re.compile(r"\b(?:river|lake|sea|gulf|bay|mount|mountain)\s*$", re.I), "physical"),
]


_THE = re.compile(r"\b[Tt]he\s+$")
_STATE_AFTER = re.compile(r"\s+[Ss]tate\b(?!\s+(?:[Uu]niversity|[Cc]ollege|[Pp]ark|[Dd]epartment|[Pp]olice|[Ff]air))")
_TOWN_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its)\s+(?:[a-z]+\s+){0,2}"
                              r"(?:capital|city|town|village|hamlet|suburb|port\s+city|border\s+town)\b"
                              r"(?!\s+[A-Z])")  # not "Georgia, the capital Tbilisi"
# Agencies only a US state or Canadian province has: "Georgia Bureau of Investigation", "Kansas Highway Patrol".
_STATE_AGENCY_AFTER = re.compile(
    r"\s+(?:Bureau\s+of\s+Investigation|State\s+Patrol|Highway\s+Patrol|State\s+Police|Provincial\s+Police|"
    r"General\s+Assembly|Legislature|Attorney\s+General|Secretary\s+of\s+State|Court\s+of\s+Appeals|"
    r"House\s+of\s+Delegates|State\s+Senate|Department\s+of\s+(?:Transportation|Corrections|Natural\s+Resources|"
    r"Public\s+Safety|Revenue|Health\s+and\s+Human\s+Services|Environmental\s+Quality))\b")
_BORDER_AFTER = re.compile(r"\s+(?:state\s+)?(?:border|line)\b", re.I)


_AREA_WORD_AFTER = re.compile(r"\s*(?:area|region|city|town|county|state)\b")
# The last words of TRIGGERS' patterns that come before a name: kept in step with them.
_TRIGGER_ENDINGS = entries("trigger_endings")
_FACILITY_WORDS = re.compile("cosmodrome|space|launch|air")


def _may_trigger(before: str, after: str) -> bool:
    """A cheap test that some TRIGGERS pattern could match: most names have no trigger word near."""
    if before.rstrip()[-8:].lower().endswith(_TRIGGER_ENDINGS):
        return True
    if "states " in before or "provinces " in before:
        return True
    near = (before[-25:] + " " + after[:40]).lower()
    return _FACILITY_WORDS.search(near) is not None


def _trigger(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 60]
    if after[:1].isspace():  # (these patterns open with whitespace: most names are followed by punctuation)
        if text[start:end].isupper() and _DATELINE_AFTER.match(after):
            return "populated place"  # a dateline: "SPRINGFIELD --", "LIMA (AP) —" name the town, not the state
        if _STATE_AFTER.match(after):
            return "admin1"  # "New York state", "Washington State"
        if _STATE_AGENCY_AFTER.match(after):
            return "agency"  # "the Georgia Bureau of Investigation": a state, not the country
        if _BORDER_AFTER.match(after):
            return "border"  # "the New York border": a division or a country, not a city
    elif after[:1] == ",":
        if _TOWN_APPOSITIVE.match(after):
            return "populated place"  # "Boa Vista, the state capital", "Mbale, a town in eastern Uganda"
        if text[start:end].isupper() and _DATELINE_AFTER.match(after):
            return "populated place"  # a dateline: "LIMA, Peru (AP) —" names the city, not the province
    if _THE.search(before[-5:]) and not _AREA_WORD_AFTER.match(text, end, end + 10):
        return "article"  # "the White House", "the Gulf": not how towns are named
    if not _may_trigger(before, after):
        return ""
    for rx, kind in TRIGGERS:
        if kind in ("facility", "airport"):
            if rx.search(after[:40]) or rx.search(before[-25:]):
                return kind
        elif rx.search(before):
            return kind
    return ""


def _qualify(text: str, mentions: list[Mention]) -> None:
    """Mark "Paris, Texas": a name followed by a comma and a wider place qualifies it.

    Not in a list: "Washington, New York and Boston" names three cities, so
    "New York" qualifies nothing. The list shows by "and"/"or" joining the
    second name to a third with no comma; a qualifier is closed by one
    ("Springfield, Ill., and Chicago").
    """
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if not (_QUALIFIER.fullmatch(text[a.end : b.start]) and b.form == "name"):
            continue
        after = mentions[k + 2] if k + 2 < len(mentions) else None
        if after is not None and _LIST_AND.fullmatch(text[b.end : after.start]):
            continue
        mentions[k] = _replace(a, qualifier=b.key)


def _state_abbreviations(text: str, toks: list[Token], mentions: list[Mention]) -> Iterable[Mention]:
    """US state abbreviations: "Alexandria, La.", "Lexington, KY", "D-Ky.", and "S.C." or "W.Va." anywhere.

    A dotted two-part form ("S.C.") is unambiguous; a one-part form ("La.",
    "KY") counts only where the AP style puts it: after "Town," or a party
    letter ("D-Ky.").
    """
    by_end = {m.end: k for k, m in enumerate(mentions)}
    taken = {m.start: k for k, m in enumerate(mentions)}
    skip = -1
    for k, t in enumerate(toks):
        if k == skip:
            continue  # the second part of a spaced form ("Va." of "W. Va.")
        if len(t.text) == 1 and t.cap:
            prev_end = toks[k - 1].base_end if k else -1
            after_town = prev_end in by_end and _QUALIFIER.fullmatch(text[prev_end : t.start]) is not None
            spaced = _spaced_abbreviation(text, toks, k, after_town)
            if spaced is not None:
                state, end = spaced
                if after_town:
                    m = mentions[by_end[prev_end]]
                    mentions[by_end[prev_end]] = _replace(m, qualifier=fold(state))
                yield Mention(start=t.start, end=end, text=text[t.start : end], key=fold(state), form="name",
                              qualifier="US")
                skip = k + 1
                continue
        if not t.cap or (len(t.text) > _STATE_KEY_CHARS and "." not in t.text):
            continue  # (lower() never shortens a word, so a longer one is no key)
        dotted = t.text.count(".") >= 2
        word = t.text.replace(".", "").lower()
        found = PROVINCE_ABBREVIATIONS.get(word)
        if found is None or (word == "bc" and _ERA.search(text, max(0, t.start - 12), t.start)):
            continue
        state, country = found
        if dotted and not _initials_of_words(state):
            continue  # "L.A." is not Louisiana
        prev_end = toks[k - 1].base_end if k else -1
        after_town = prev_end in by_end and _QUALIFIER.fullmatch(text[prev_end : t.start]) is not None
        # "Red Deer, Alta.": after a town and with the dot, the abbreviation
        # outranks a one-word name spelt the same (Alta, Norway).
        replaces = taken.get(t.start)
        if replaces is not None and not (after_town and mentions[replaces].end == t.end
                                         and text[t.end : t.end + 1] == "."):
            continue
        after_party = text[max(0, t.start - 2) : t.start] in ("D-", "R-", "I-")
        if not dotted:
            ap_pair = text[t.end : t.end + 1] == "." and (after_town or after_party)
            if len(word) == 2 and not t.text.isupper() and not ap_pair:
                continue  # "Ky." counts after "Louisville," or "D-"; a bare "Ky" does not
            # "Kan.", "Calif.", "Tenn.": three letters and the AP dot read as a state anywhere.
            # Canadian one-part forms only after a town: "Isle of Man." is no Manitoba.
            ap_dot = (len(word) > 2 and text[t.end : t.end + 1] == "." and word != fold(state)
                      and country == "US")
            if not (after_town or after_party or ap_dot):
                continue
            if len(word) > 2 and text[t.end : t.end + 1] != ".":
                continue  # "Ala" or "Wash" without the AP dot is a word, not a state
        end = t.end + (1 if not dotted and text[t.end : t.end + 1] == "." else 0)
        if after_town:
            m = mentions[by_end[prev_end]]
            mentions[by_end[prev_end]] = _replace(m, qualifier=fold(state))
        abbreviation = Mention(start=t.start, end=end, text=text[t.start : end], key=fold(state), form="name",
                               qualifier=country)
        if replaces is None:
            yield abbreviation
        else:
            mentions[replaces] = abbreviation


def _spaced_abbreviation(text: str, toks: list[Token], k: int, after_town: bool) -> tuple[str, int] | None:
    """(state, end offset) of a two-part abbreviation written with a space from token k: "W. Va.", "N. C.".

    Both parts carry their dots, and the state's name has two words (as for "S.C."). Before a capitalised
    word only after "Town,": "N. C. Wyeth" is a person's initials, "Greenwood, W. Va. Officials" a state.
    """
    t = toks[k]
    if len(t.text) != 1 or not t.text.isupper() or k + 1 >= len(toks):
        return None
    nxt = toks[k + 1]
    if text[t.end : nxt.start] != ". " or not nxt.cap or text[nxt.end : nxt.end + 1] != ".":
        return None
    found = PROVINCE_ABBREVIATIONS.get((t.text + nxt.text).lower())
    if found is None or found[1] != "US" or not _initials_of_words(found[0]):
        return None
    after = toks[k + 2] if k + 2 < len(toks) else None
    if not after_town and after is not None and after.cap and text[nxt.end : after.start] == ". ":
        return None
    return found[0], nxt.end + 1


def state_abbreviation(surface: str) -> str | None:
    """The folded state name for an AP/postal abbreviation written as one ("Ky.", "W.Va.", "S.C.")."""
    if "." not in surface and not (surface.isupper() and len(surface) == 2):
        return None
    found = PROVINCE_ABBREVIATIONS.get(surface.replace(".", "").replace(" ", "").lower())
    if found is None or (surface.count(".") >= 2 and not _initials_of_words(found[0])):
        return None
    return fold(found[0])


def _initials_of_words(name: str) -> bool:
    """Whether a dotted form ("N.Y.", "B.C.") can stand for the name: only names of two words or more.

    "L.A." is Los Angeles; Louisiana's form is "La.".
    """
    return len([w for w in name.split() if w.lower() != "and"]) >= 2


def _replace(m: Mention, **changes: object) -> Mention:
    return replace(m, **changes)


# --------------------------------------------------------------------------
# Rejection rules: why a capitalised run that names some place is not a place here
# --------------------------------------------------------------------------


# What follows a dateline's town: a dash, after its state or country and the agency in brackets if any
# ("OMAHA --", "SALEM (AP) —", "GOMA, Congo (Reuters) -", "XENIA, Ohio (AP) —"). The spaced hyphen is
# Reuters' dash.
_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][^\n()—–]{0,40}?)?(?:\s*\([A-Z][A-Za-z]*\))?(?:\s*(?:--|[—–])|\s+-\s)")


class _Run:
    """A candidate run toks[i..j] and what the rules ask about it (the gazetteer tests are cached per name)."""

    __slots__ = ("rec", "text", "toks", "i", "j", "key", "sent_first", "people", "lower", "single",
                 "first", "abbreviation", "letters", "opener", "demonym", "major", "country", "own_name", "facts",
                 "prev", "nxt", "named", "around")

    def __init__(self, rec: Recogniser, text: str, toks: list[Token], i: int, j: int, key: str,
                 sent_first: set[int], people: set[str], lower: LowerCaseWords) -> None:
        self.rec, self.text, self.toks, self.i, self.j, self.key = rec, text, toks, i, j, key
        self.sent_first, self.people, self.lower = sent_first, people, lower
        self.single = i == j
        self.first = first = toks[i]
        self.opener = i in sent_first
        # Letters in capitals are an abbreviation ("DUI", "NATO"), except a dateline's town: "OMAHA --",
        # "XENIA —", "SALEM (AP) --" open a story in capitals whatever the town's size.
        self.abbreviation = (first.text.isupper() and len(first.text) <= 5
                             and not (self.opener and _DATELINE_AFTER.match(text, toks[j].end)))
        self.letters = first.text.replace(".", "")
        name = rec._name(key)
        self.facts, self.demonym, self.major, self.country, self.own_name = name
        self.prev = toks[i - 1] if i > 0 else None
        self.nxt = toks[j + 1] if j + 1 < len(toks) else None
        # Whether a name might go on around the run ("Agence France-Presse", "Real Madrid", "Ebola virus",
        # "US$"): a capitalised word joined before or after, a disease word after, or a dollar sign. Most
        # runs stand among lower-case words; the rules marked ``around`` are then not tried at all.
        # (Written out step by step: this runs for every candidate run, a hot path.)
        end = toks[j].end
        named = text[end : end + 1] == "$"
        if not named and (nxt := self.nxt) is not None and text[end : nxt.start] in _JOINS:
            word = nxt.text
            named = word.lower() in _WORDS_AFTER or word.endswith("virus")
        if not named and (prev := self.prev) is not None:
            # "of" only in "Bank of X" (most "of X" runs are "University of Florida", "city of Boston").
            word = prev.text
            named = ((word.lower() in _WORDS_BEFORE or (word == "of" and i >= 2 and toks[i - 2].text == "Bank"))
                     and text[prev.end : first.start] in _JOINS)
        self.named = named
        # What stands right around the run (AROUND_* bits), for the choice of rules to try: most runs
        # stand between lower-case words, where the rules about a capitalised neighbour cannot hold.
        prev, nxt = self.prev, self.nxt
        self.around = ((AROUND_PREVIOUS_CAPITAL if prev is not None and prev.cap else 0)
                       | (AROUND_NEXT_CAPITAL if nxt is not None and nxt.cap else 0)
                       | (AROUND_COMMA_AFTER if text[end : end + 1] == "," else 0))

    # Asked by a few rules only: computed when asked, not for every run.
    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def county(self) -> bool:
        """ "Douglas County Road 4", "Meigs County Court": the county's, not a street's or a firm's."""
        return "county" in self.facts

    def prev_adjacent(self) -> bool:
        return self.prev is not None and _adjacent(self.text, self.prev, self.first)

    def next_adjacent(self) -> bool:
        return self.nxt is not None and _adjacent(self.text, self.toks[self.j], self.nxt)

    def after_locative(self) -> bool:
        return self.prev is not None and self.prev.text.lower() in LOCATIVES


# What stands right around a run (_Run.around), as bits: a capitalised token just before (a given name, an
# initial), one just after (a surname, a street word), a comma just after (", 24,": an age).
AROUND_PREVIOUS_CAPITAL, AROUND_NEXT_CAPITAL, AROUND_COMMA_AFTER = 1, 2, 4


def _county_name(key: str) -> bool:
    return key.rpartition(" ")[2] in _COUNTY_WORDS


@dataclass(frozen=True, slots=True)
class Rule:
    """One named reason a run is not a place; ``test`` says whether it holds for a run.

    The other fields say, for speed only, where the test cannot hold, so it is not called there (each
    test still checks all it needs: the fields never change an answer; tests/test_fast_paths.py pins it):

    - ``around``: the rule reads a name going on around the run and holds only where ``_Run.named``
      does;
    - ``single``: it holds only for a run of one word;
    - ``unless``: facts of the name (worked out by ``Recogniser._name``) under which it never holds ("major": a
      country, province, region or city of a million; "country"; "demonym"; "own": some leading
      reading's own name);
    - ``needs``: what must stand right around the run for it to hold (``AROUND_*`` bits: a capitalised
      word before, a capitalised word after, a comma after).
    """

    name: str
    reason: str
    test: Callable[[_Run], bool]
    around: bool = False
    single: bool = False
    unless: frozenset[str] = frozenset()
    needs: int = 0


# Facts of a name that rule out rules (``Rule.unless``), worked out once per name by Recogniser._name:
# "demonym", "major", "country", "own" (see _Name); "long": over four letters; "county": its last word is
# "County", "Parish", ...; "no common": its first word is no common word or organisation head;
# "no language", "no adjective": not a language's name, not shaped like an adjective.
_D = frozenset({"demonym"})
_M = frozenset({"major"})
_DM = frozenset({"demonym", "major"})
_DC = frozenset({"demonym", "country"})
_DMO = frozenset({"demonym", "major", "own"})


def _known_person(r: _Run) -> bool:
    return r.key in r.people


_JOINS = (" ", "-", "\u00a0")
# The words that start the "around" rules' names next to a run (see _Run.named).
_WORDS_AFTER = DISEASE_WORDS | NEWS_AGENCY_WORDS | TEAM_SUFFIXES | COMPANY_SUFFIXES | {"news"}
_WORDS_BEFORE = NEWS_AGENCY_WORDS | TEAM_PREFIXES | COMPANY_PREFIXES


def _joined(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens are words of one name: a space or a hyphen between ("France-Presse")."""
    return text[a.end : b.start] in _JOINS


def _disease(r: _Run) -> bool:
    # "Ebola virus", "West Nile virus", "Reston ebolavirus", "Lassa fever": named after a place, not one
    nxt = r.nxt
    if nxt is None or not _joined(r.text, r.toks[r.j], nxt):
        return False
    word = nxt.text.lower()
    return word in DISEASE_WORDS or word.endswith("virus")


# Words after a disease's or a people's name that keep it a place: a kind of place ("the Maya river", "Inca
# town"), an organisation's head ("Cheyenne police"), a resident ("the Navajo man" may live there), or a
# function word ("Ebola and", "Inca in"): only a noun or a verb of its own makes the name the disease or
# the people ("Ebola cases", "the Inca fortress", "Ebola killed", "the Maya built").
_PLACE_SENSE_AFTER = (CONNECTORS | LOCATIVES | words("clause_words") | words("place_heads") | words("area_parts")
                      | frozenset(entries("trigger_endings")) | ORG_HEADS | words("person_heads"))


def _used_as_noun(r: _Run) -> bool:
    """Whether the one-word run is used as a noun's modifier or a verb's subject: a lower-case content word
    right after it (a space or a hyphen between: "Ebola-hit"), and no locative word before ("in Inca")."""
    nxt = r.nxt
    if nxt is None or nxt.cap or not _joined(r.text, r.toks[r.j], nxt) or r.after_locative():
        return False
    word = nxt.text.lower()
    if not word[:1].isalpha():
        return False
    # The singular of a plural too: "Anderson and Cherokee counties", "Cheyenne residents".
    forms = (word, word[:-3] + "y", word[:-1]) if word.endswith("ies") else (word, word[:-1]) if word.endswith("s") \
        else (word,)
    return not any(form in _PLACE_SENSE_AFTER for form in forms)


# "an outbreak of Ebola", "cases of Ebola": what an outbreak is of. (Only the name's neighbours are tokens: the
# noun before "of" is read from the text.)
_SPREAD_NOUNS = words("spread_nouns") | words("toll_nouns")
_NOUN_OF = re.compile(r"([a-z]+)\s+of\s+$")


def _disease_name(r: _Run) -> bool:
    # "the Ebola outbreak", "Ebola cases", "Ebola has killed", "an outbreak of Ebola": the disease, not the
    # river it is named after
    if not r.single or r.key not in DISEASE_NAMES:
        return False
    prev, start = r.prev, r.first.start
    if prev is not None and prev.text == "of" and (m := _NOUN_OF.search(r.text, max(0, start - 30), start)) \
            and m.group(1) in _SPREAD_NOUNS:
        return True
    return _used_as_noun(r)


def _people(r: _Run) -> bool:
    # "the Inca fortress", "Maya ruins", "the Zulu built", "roads built by the Inca.": a people, not a town
    # that goes by its name (a town takes no "the" before a full stop or a comma)
    if not r.single or r.key not in PEOPLES:
        return False
    end = r.toks[r.j].end
    if _THE.search(r.text, max(0, r.first.start - 4), r.first.start) and r.text[end : end + 1] in (".", ",", ";", ")"):
        return True
    return _used_as_noun(r)


def _currency(r: _Run) -> bool:
    # "US$10,000", "HK$5", "NZ$": a sum of money. ("US dollars" is left alone: GeoWebNews counts it a place.)
    last = r.toks[r.j]
    return r.text[last.end : last.end + 1] == "$"


def _news_agency(r: _Run) -> bool:
    # "Agence France-Presse", "Deutsche Presse-Agentur", "Philippine News Agency": the capitalised
    # words just before and after the run (most names stand among lower-case words: none to read).
    toks, text = r.toks, r.text
    after: list[str] = []
    k = r.j + 1
    while k < len(toks) and len(after) < 2 and toks[k].cap and _joined(text, toks[k - 1], toks[k]):
        after.append(toks[k].text.lower())
        k += 1
    prev = r.prev
    if prev is not None and prev.cap and _joined(text, prev, r.first) and prev.text.lower() in NEWS_AGENCY_WORDS:
        return True
    return any(w in NEWS_AGENCY_WORDS for w in after) or after == ["news", "agency"]


def _city_name(r: _Run) -> bool:
    """The run names a city of some size and no country (nor is it a demonym): "Manchester", "Busan"."""
    return not r.demonym and not r.country and r.rec._city(r.key)


def _team(r: _Run) -> bool:
    # "Real Madrid", "Inter Milan", "Manchester United": a club named after its city
    prev, nxt, text = r.prev, r.nxt, r.text
    return (((prev is not None and prev.cap and prev.text.lower() in TEAM_PREFIXES and _joined(text, prev, r.first))
             or (nxt is not None and nxt.cap and nxt.text.lower() in TEAM_SUFFIXES
                 and _joined(text, r.toks[r.j], nxt)))
            and _city_name(r))


def _company(r: _Run) -> bool:
    """A company named after a city: "Bank of Valletta", "Air Busan", "Hong Kong Telecom".

    A country's or province's name in a firm's ("Air France", "Bank of England", "Alaska Airlines")
    is left a place: GeoWebNews counts it one, and the firm is the country's flag carrier or bank.
    """
    prev, nxt, text, toks, i = r.prev, r.nxt, r.text, r.toks, r.i
    named = ((prev is not None and prev.cap and prev.text.lower() in COMPANY_PREFIXES and prev.text != "Bank"
              and _joined(text, prev, r.first))  # "Bank Street" aside, "Bank of X" is read next
             or (prev is not None and prev.text == "of" and i >= 2 and toks[i - 2].text == "Bank"
                 and _joined(text, toks[i - 2], prev) and _joined(text, prev, r.first))
             or (nxt is not None and nxt.cap and nxt.text.lower() in COMPANY_SUFFIXES
                 and _joined(text, r.toks[r.j], nxt)))
    return named and _city_name(r)


def _initial(r: _Run) -> bool:
    return r.single and len(r.letters) == 1


def _short_word(r: _Run) -> bool:
    # "La", "Us": not how places are written
    return r.single and len(r.letters) == 2 and not r.letters.isupper() and not r.demonym


def _acronym(r: _Run) -> bool:
    # "DUI", "NATO": only countries, states, regions and big cities go by letters
    return r.single and r.abbreviation and "." not in r.first.text and not r.major


def _short_alias(r: _Run) -> bool:
    # "DAC" (Dhaka's airport code), "Bud", "Sam": a city's short alias, not its name
    return (r.single and len(r.key) <= 4 and "." not in r.first.text
            and r.rec._short_town_alias(r.key, r.abbreviation))


def _country_letters_as_word(r: _Run) -> bool:
    # "British Touring Car Championship": a country's letters ("CAR") written as a word are the word
    word = r.first.text[: r.first.base_end - r.first.start]
    return r.single and word[1:].islower() and r.rec._country_letters(r.key)


def _alternate_name_opener(r: _Run) -> bool:
    # A capitalised sentence opener that is only some place's alternate name ("Farmers" for a Milan)
    # is an ordinary word.
    return r.single and r.opener and not r.demonym and not r.own_name and not r.abbreviation and not r.major


def _common_word(r: _Run) -> bool:
    # A common word is a place only as a country's name mid-sentence ("Turkey", "Chad");
    # "Council", "North", "Central" never alone.
    return (r.single and (r.words[0] in COMMON_WORDS or r.words[0] in ORG_HEADS) and not r.demonym
            and not r.abbreviation and (r.opener or not r.country))


def _lower_case_elsewhere(r: _Run) -> bool:
    # "Driver injured in ...": the text also writes "driver"
    word = r.first.text
    return (r.single and r.opener and not r.major and not r.demonym and word.lower() in r.lower
            and word.lower() != word)


def _after_title(r: _Run) -> bool:
    # "Gov. Crist", "Sen Smith"; but "... Court Judge. Columbus attorney" ends a sentence.
    prev = r.prev
    if prev is None or r.demonym or fold(prev.text) not in TITLES:
        return False
    gap = r.text[prev.end : r.first.start]
    return gap == " " or (gap == ". " and fold(prev.text) in TITLE_ABBREVIATIONS)


def _after_particle(r: _Run) -> bool:
    # "Mike de Kock", "Ursula von der Leyen"
    prev, toks, text, i = r.prev, r.toks, r.text, r.i
    return (prev is not None and i >= 2 and prev.text in NAME_PARTICLES and toks[i - 2].cap
            and text[toks[i - 2].end : prev.start] == " " and text[prev.end : r.first.start] == " "
            and not r.demonym and not r.major)


def _language(r: _Run) -> bool:
    # "speaks in Spanish", "English is the main language"
    return r.key in LANGUAGES and r.demonym and _language_use(r.text, r.toks, r.i, r.j)


def _before_age(r: _Run) -> bool:
    # "McDonald, 24, of Archer"
    return r.single and not r.demonym and not r.major and bool(_AGE.match(r.text, r.toks[r.j].end))


def _after_given_name(r: _Run) -> bool:
    """ "Chiquita Henry", "Kim Jong", "Barry M. George": a capitalised word right before makes this a surname."""
    prev, text = r.prev, r.text
    if prev is None or not (r.prev_adjacent() or (
            len(prev.text) == 1 and prev.cap and text[prev.end : r.first.start] == ". ")):
        return False
    p = fold(prev.text)
    if len(prev.text) == 1 and prev.cap and text[prev.end : prev.end + 1] == "." and not r.demonym and not r.country:
        return True  # after a middle initial (not "A Cork mother")
    # A capitalised word that is not a place prefix, right before, makes this a surname. A sentence
    # opener counts too when it names no place ("Eric Stevens, paramedic"), or is itself read as a
    # given name ("Craig Kaser of ...").
    return (prev.cap and p not in GEO_PREFIXES and not r.demonym and p not in ORG_HEADS and not prev.text.isupper()
            and prev.base_end == prev.end and p not in COMMON_WORDS and not _adjectival(prev.text)
            and prev.text.lower() not in r.lower and not r.country
            and (r.i - 1 not in r.sent_first or not r.rec.is_name(p)
                 or r.rec._reject(text, r.toks, r.i - 1, r.i - 1, p, r.sent_first, r.people, r.lower)
                 in ("person", GIVEN_NAME)))


def _street_word_after(r: _Run) -> bool:
    # "Memphis Street"; but "the Ohio Turnpike" still names Ohio
    nxt = r.nxt
    return (r.next_adjacent() and nxt.cap and not r.county and nxt.text.lower().rstrip(".") in STREET_WORDS
            and not r.major)


def _street_name(r: _Run) -> bool:
    # "Indian Lake Road", "Dublin Road": the name is part of a street's (a street's name goes on in capitals)
    last = r.toks[r.j]
    return (not r.county and last.base_end == last.end and r.nxt is not None and r.nxt.cap
            and _street_run(r.text, r.toks, r.j + 1))


def _firm(r: _Run) -> bool:
    # "Stevens & Wilkinson", "Hartman & Tyner Inc.": a firm of partners
    return r.single and not r.major and bool(_AMPERSAND.match(r.text, r.toks[r.j].end))


def _before_middle_initial(r: _Run) -> bool:
    # "Vincent J. Fumo": a first name before a middle initial
    nxt = r.nxt
    # (Not after a comma: "Greenwood, W. Va." is a town and its state's spaced abbreviation.)
    return (r.single and nxt is not None and len(nxt.text) == 1 and nxt.cap and not r.demonym
            and r.text[nxt.end : nxt.end + 2] == ". " and not r.country
            and "," not in r.text[r.toks[r.j].end : nxt.start])


# "Katherine "Kay" Parsons": a nickname in quotes between a given name and a surname.
_NICKNAME_AFTER = re.compile(r' ["“‘\'][A-Z][\w.\'-]*(?: [A-Z][\w.\'-]*)?["”’\'] [A-Z]')
# "Lot No. 15", "Unit #4": a numbered lot, unit or room, not the town that shares its word.
_NUMBERED_AFTER = re.compile(r" (?:[Nn]o\.? ?|#)\d")


def _before_nickname(r: _Run) -> bool:
    return r.single and not r.demonym and not r.major and bool(_NICKNAME_AFTER.match(r.text, r.toks[r.j].end))


def _numbered(r: _Run) -> bool:
    return r.single and not r.demonym and not r.major and bool(_NUMBERED_AFTER.match(r.text, r.toks[r.j].end))


def _alternate_name(r: _Run) -> bool:
    # "McDaniel" is some town's alternate name: too thin to pin. After a locative word ("crossed the
    # border at X", "the train to X") the sentence itself says it is a place: travel writing and
    # outbreak reports spell a small town the way its visitors do, often the gazetteer's alternate.
    return r.single and not r.demonym and not r.own_name and not r.major and not r.after_locative()


def _administration(r: _Run) -> bool:
    # "the Obama administration": a president's, not a town's
    return r.single and not r.demonym and not r.major and bool(_ADMINISTRATION.match(r.text, r.toks[r.j].end))


def _adjective(r: _Run) -> bool:
    # "the Olympic facilities", "Continental": not Olympic, Hong Kong ("in Mystic" is)
    return (r.single and not r.demonym and not r.major and _adjective_word(r.key) and not r.after_locative()
            and not _QUALIFIED_AFTER.match(r.text, r.toks[r.j].end))


def _speaker(r: _Run) -> bool:
    # "Moore said": small towns do not speak; capitals and countries may
    return (r.single and not r.demonym and not r.major and bool(SPEECH_AFTER.match(r.text, r.toks[r.j].end))
            and not r.after_locative())


def _before_surname(r: _Run) -> bool:
    """A given name: a capitalised word right after that is no organisation, place or common word."""
    nxt, last = r.nxt, r.toks[r.j]
    if not (r.next_adjacent() and nxt.cap and last.base_end == last.end and not r.abbreviation and not r.country
            and not r.county):  # "Harlan County Fairgrounds": a county is nobody's given name
        return False
    q = fold(r.text[nxt.start : nxt.base_end])  # "Mississippi State’s": the head is "State"
    return (q not in ORG_HEADS and q not in COMMON_WORDS and not r.demonym and not nxt.text.isupper()
            and q not in CONNECTORS and not r.rec._country_like(q) and nxt.text.lower() not in r.lower
            and not _org_run(r.text, r.toks, r.j + 1))


#: The rules in the order they are tried; the first that holds gives the reason. Order matters where
#: two rules give different reasons for one run ("person" before "surname"), and cheap tests go first.
REJECTIONS: tuple[Rule, ...] = (
    Rule("a surname seen before", "person", _known_person),
    Rule("a disease or a virus", "disease", _disease, around=True),
    Rule("a sum of money", "currency", _currency, around=True),
    Rule("a news agency", "news agency", _news_agency, around=True),
    Rule("a sports club", "sports team", _team, around=True, unless=_DC),
    Rule("a company", "company", _company, around=True, unless=_DC),
    Rule("an initial", "initial", _initial, single=True),
    Rule("a two-letter word", "short word", _short_word, single=True, unless=_D),
    Rule("letters of a minor place", "acronym", _acronym, single=True, unless=_M),
    Rule("a town's short alias", "acronym", _short_alias, single=True, unless=frozenset({"demonym", "own", "long"})),
    Rule("a country's letters written as a word", "common word", _country_letters_as_word, single=True,
         unless=frozenset({"demonym", "own", "long"})),
    Rule("an alternate name opening a sentence", "common word", _alternate_name_opener, single=True,
         unless=_DMO),
    Rule("a common word", "common word", _common_word, single=True, unless=frozenset({"demonym", "no common"})),
    Rule("written in lower case elsewhere", "common word", _lower_case_elsewhere, single=True, unless=_DM),
    Rule("after a title", "surname", _after_title, unless=_D),
    Rule("after a name particle", "surname", _after_particle, unless=_DM),
    Rule("a language", "language", _language, unless=frozenset({"no language"})),
    Rule("a disease's name used as a noun", "disease", _disease_name, single=True,
         unless=frozenset({"no disease", "demonym", "country"})),
    Rule("a people's name used as a noun", PEOPLE, _people, single=True,
         unless=frozenset({"no people", "demonym", "country"})),
    Rule("before an age", "surname", _before_age, single=True, unless=_DM, needs=AROUND_COMMA_AFTER),
    Rule("after a given name", "surname", _after_given_name, unless=_DC, needs=AROUND_PREVIOUS_CAPITAL),
    Rule("before a street word", "street", _street_word_after, unless=frozenset({"major", "county"}),
         needs=AROUND_NEXT_CAPITAL),
    Rule("inside a street's name", "street", _street_name, unless=frozenset({"county"}), needs=AROUND_NEXT_CAPITAL),
    Rule("a firm of partners", "organisation", _firm, single=True, unless=_M),
    Rule("before a middle initial", "person", _before_middle_initial, single=True, unless=_DC,
         needs=AROUND_NEXT_CAPITAL),
    Rule("before a nickname in quotes", "nicknamed", _before_nickname, single=True, unless=_DM),
    Rule("a numbered lot or unit", "numbered", _numbered, single=True, unless=_DM),
    Rule("only an alternate name", "alternate name", _alternate_name, single=True, unless=_DMO),
    Rule("a president's administration", "surname", _administration, single=True, unless=_DM),
    Rule("an adjective", "adjective", _adjective, single=True, unless=frozenset({"demonym", "major", "no adjective"})),
    Rule("a speaker", "surname", _speaker, single=True, unless=_DM),
    Rule("before a surname", GIVEN_NAME, _before_surname, unless=frozenset({"demonym", "country", "county"}),
         needs=AROUND_NEXT_CAPITAL),
)
# (test, reason) pairs: the loop in Recogniser._reject runs once per candidate run, a hot path.
_REJECTION_TESTS = tuple((rule.test, rule.reason) for rule in REJECTIONS)
_PLAIN_TESTS = tuple((rule.test, rule.reason) for rule in REJECTIONS if not rule.around)


_PAIRS = tuple(zip(REJECTIONS, _REJECTION_TESTS, strict=True))


@functools.cache
def rules_for(facts: frozenset[str], single: bool, named: bool, around: int = -1
              ) -> tuple[tuple[Callable[[_Run], bool], str], ...]:
    """The (test, reason) pairs of the rules that may hold for a run with these name facts, shape and
    surroundings (``around``: AROUND_* bits; -1, every surrounding), in order.

    Not the first rule, a surname seen before: Recogniser._reject asks it before building the run. One
    tuple per combination (a few hundred at most), shared by every run that has it.
    """
    return tuple(pair for rule, pair in _PAIRS[1:]
                 if (named or not rule.around) and (single or not rule.single) and not (rule.unless & facts)
                 and rule.needs & around == rule.needs)
