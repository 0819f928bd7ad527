"""The story and claims readers' fast paths agree with the plain definitions they stand in for.

Each plain version below is the code as it was before it was made faster (issue #16: analyse speed); the fast
one must give the very same answers, so each pair is compared on generated input built from the words the
pattern looks for, mixed with digits, punctuation and non-ASCII letters.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from geoviz.nlp import dates, lexicon, patterns, quantities
from geoviz.nlp.lexicon import alternation, entries
from geoviz.nlp.text import bounded_sentences
from geoviz.story import reading

_PLAIN_DATE = re.compile(dates._DATE.pattern.removeprefix(dates._OPENING + "(?:").removesuffix(")"))
#: Every word the plain pattern spells (months, weekdays, qualifiers, relative words, counts), in three cases.
_DATE_PATTERN_WORDS = sorted({w for w in re.findall(r"[A-Za-z]{2,}", _PLAIN_DATE.pattern) if w not in ("P", "s")})
DATE_WORDS = st.lists(st.one_of(
    st.sampled_from(_DATE_PATTERN_WORDS), st.sampled_from([w.capitalize() for w in _DATE_PATTERN_WORDS]),
    st.sampled_from([w.upper() for w in _DATE_PATTERN_WORDS]),
    st.sampled_from(["Sept.", "the next day", "two days later", "A week ago", "last Friday", "2023-09-13", "3rd",
                     "12", "2024", "ıon", "İ", "ſix days ago", "K"]),
    st.sampled_from([" ", "  ", "\n", ",", ", ", ".", "-", "_", "é", "x", "9", "'"]),
    st.text(max_size=3)), max_size=12).map("".join)


def test_date_pattern_keeps_its_opening() -> None:
    assert dates._DATE.pattern.startswith(dates._OPENING + "(?:")
    assert _PLAIN_DATE.groupindex == dates._DATE.groupindex
    assert "yesterday" in _DATE_PATTERN_WORDS and "Wednesday" in _DATE_PATTERN_WORDS


@settings(max_examples=1500, deadline=None)
@given(DATE_WORDS)
def test_date_look_around_changes_no_match(text: str) -> None:
    def read(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]
    assert read(dates._DATE) == read(_PLAIN_DATE)


_PLAIN_CLAUSE_BREAK = re.compile(rf"[;:()\[\]]|,(?=\s)|\s[–—-]{{1,2}}\s|\b{alternation('clause_words')}\b")
_PLAIN_AND_VERB = re.compile(r"\band\s+(?:(?:then|later|subsequently|also)\s+)?")
CLAUSE_TEXT = st.lists(st.one_of(
    st.sampled_from(entries("clause_words")), st.sampled_from([w.upper() for w in entries("clause_words")]),
    st.sampled_from(["and", "and then", "band", "Wand", "left", "somewhere", "x", "9", "é", "_"]),
    st.sampled_from([" ", "  ", "\n", ",", ", ", ";", ":", "(", ")", "[", "]", " - ", " -- ", " — ", "-", "–"]),
    st.text(max_size=3)), max_size=14).map("".join)


@settings(max_examples=800, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 4), st.integers(0, 4))
def test_clause_breaks_are_the_plain_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert reading._breaks(text, start, end) == [m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text, start, end)]


@settings(max_examples=500, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 4))
def test_and_verb_is_the_plain_pattern(text: str, start: int) -> None:
    def read(rx: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in rx.finditer(text, min(start, len(text)))]
    assert read(reading._AND_VERB) == read(_PLAIN_AND_VERB)


# Like every trigger type's pattern, the weak military words are tried at the words they can start with (the
# word pass of _Hits.find); the plain scan also matches the four letters Python's case-insensitive [a-z] adds
# (ſ, K, İ, ı), which no trigger is looked for at, so the generated text leaves them out.
PLAIN_LETTERS = st.characters(codec="ascii") | st.sampled_from("éü’“”")
MILITARY_TEXT = st.lists(st.one_of(
    st.sampled_from(entries("trigger_military_weak")), st.sampled_from(entries("weapons")),
    st.sampled_from(["Fired", "LAUNCHED", "missile test", "the army", "said", "arrived in", "Kabul", "a", "and"]),
    st.sampled_from([" ", " ", " ", ", ", ". ", ".\n", "; ", " (", ") ", "-", "2"]),
    st.text(PLAIN_LETTERS, max_size=3)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(MILITARY_TEXT)
def test_weak_military_triggers_are_the_plain_scans(text: str) -> None:
    spans = bounded_sentences(text)
    hits = reading._Hits.find(text, spans)
    weapons = [m.start() for a, b in spans for m in reading._WEAPON.finditer(text, a, b)]
    weak = [reading.Trigger("military", m.start(), m.end(), m.group())
            for a, b in spans for m in reading._WEAK_MILITARY.finditer(text, a, b)]
    for s, e in spans:
        for a, b in reading._clauses(text, s, e):
            expected = [t for t in hits.triggers if a <= t.start < b and t.end <= b]
            if any(a <= w < b for w in weapons):
                beside = [t for t in weak if a <= t.start < b and t.end <= b]
                if beside:
                    expected = sorted(expected + beside, key=lambda t: t.start)
            assert hits.clause(a, b).triggers == expected


TRIGGER = st.builds(lambda kind, start, length: reading.Trigger(kind, start, start + length, "x" * length),
                    st.sampled_from(["crime", "military", "protest"]), st.integers(0, 30), st.integers(1, 12))


@given(st.lists(TRIGGER, max_size=12))
def test_inside_longer_is_the_plain_definition(triggers: list[reading.Trigger]) -> None:
    ranked = sorted(((t.start, i, t) for i, t in enumerate(triggers)), key=lambda r: (r[0], r[1]))
    for _s, _r, t in ranked:
        assert reading._inside_longer(t, ranked) == any(
            o.type != t.type and o.start <= t.start and t.end <= o.end and o.end - o.start > t.end - t.start
            for _, _, o in ranked)


def _plain_join_appositions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    joined = False
    for a, b in spans:
        bare = reading._BARE_NAME.fullmatch(text[a:b].strip(" ,")) is not None
        if out and bare and text[out[-1][1]:a].strip() == ",":
            out[-1] = (out[-1][0], b)
            joined = True
            continue
        if out and joined and text[out[-1][1]:a].strip() == "," and text[a:b].lstrip()[:1].islower():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        joined = False
    return out


APPOSITION_TEXT = st.lists(st.sampled_from(
    ["drove from the capital", ", ", ",", " ", "Bamako", "North Bay", "north to Gao", "where he died", "; ", "and",
     "Urbana", "the town", " (", ") "]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(APPOSITION_TEXT)
def test_join_appositions_is_the_plain_definition(text: str) -> None:
    spans, s = [], 0
    for a, b in reading._breaks(text, 0, len(text)):
        if a > s:
            spans.append((s, a))
        s = b if not text[a].isalpha() else a
    if len(text) > s:
        spans.append((s, len(text)))
    assert reading._join_appositions(text, spans) == _plain_join_appositions(text, spans)


_PLAIN_UNIT = (r"(?:nautical[\s-]+miles?|nmi|nm|kilomet(?:re|er)s?|kms?|statute\s+miles?|miles?|mi"
               r"|met(?:re|er)s?|m)(?![^\W\d_]|[0-9²³/])")
UNIT_TEXT = st.lists(st.one_of(
    st.sampled_from(["km", "KM", "kms", "Km", "\u212am", "kilometres", "kilometer", "m", "M", "mi", "miles", "Mile",
                     "nm", "nmi", "nautical miles", "nautical-mile", "statute miles", "ſtatute mile", "metres",
                     "meter", "km²", "km/h", "5", "I'm", "a.m.", "mm", "smile"]),
    st.sampled_from([" ", "  ", "\n", "-", ",", ".", "(", "é", "x", "2"]),
    st.text(max_size=2)), max_size=12).map("".join)


def test_letters_first_opens_with_every_form_ignorecase_matches_a_letter_by() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    forms = set(patterns.letters_first(dict.fromkeys(letters, ""), not_after=r"\w").split("]", 1)[0][1:])
    folded = {c for c in map(chr, range(0x110000)) if re.fullmatch(f"[{letters}]", c, re.IGNORECASE)}
    assert forms == folded


@settings(max_examples=800, deadline=None)
@given(UNIT_TEXT)
def test_units_are_the_plain_pattern(text: str) -> None:
    plain, unit = re.compile(_PLAIN_UNIT, re.IGNORECASE), re.compile(quantities.UNIT, re.IGNORECASE)
    assert [(m := unit.match(text, i)) and m.span() for i in range(len(text))] == [
        (m := plain.match(text, i)) and m.span() for i in range(len(text))]
    plain_start = re.compile(rf"(?<![^\W\d_]){_PLAIN_UNIT}", re.IGNORECASE)
    assert [m.span() for m in quantities.UNIT_START.finditer(text)] == [m.span() for m in plain_start.finditer(text)]


_PLAIN_GOVERNED = re.compile(reading._GOVERNED.pattern.replace(
    f"({reading._PREP_OPENING})", rf"(?<![\w-])((?i:{reading._PREP}))", 1))
_PLAIN_THE_PLACE = re.compile(r"(?i)\bthe\s+(?:town|city|village|capital|port|island)\b")
GOVERNED_TEXT = st.lists(st.one_of(
    st.sampled_from(reading._PREP.split("|")), st.sampled_from([w.upper() for w in reading._PREP.split("|")]),
    st.sampled_from(["the", "The", "THE", "town", "City", "of", "northern", "capital", "port city", "Khartoum",
                     "İn", "ın", "x-", "un", "2"]),
    st.sampled_from([" ", "  ", "\n", ",", ", ", "-", "'"]), st.text(PLAIN_LETTERS, max_size=2)),
    max_size=10).map("".join)


def test_governed_keeps_its_plain_form() -> None:
    assert _PLAIN_GOVERNED.pattern != reading._GOVERNED.pattern and _PLAIN_GOVERNED.groups == reading._GOVERNED.groups


@settings(max_examples=800, deadline=None)
@given(GOVERNED_TEXT)
def test_governing_preposition_is_the_plain_pattern(window: str) -> None:
    def read(rx: re.Pattern[str]) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
        m = rx.search(window)
        return None if m is None else (m.span(), m.groups())
    assert read(reading._GOVERNED) == read(_PLAIN_GOVERNED)
    assert [m.span() for m in reading._THE_PLACE.finditer(window)] == [
        m.span() for m in _PLAIN_THE_PLACE.finditer(window)]


def _plain_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in _PLAIN_CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > s:
            spans.append((s, m.start()))
        s = m.end() if not m.group()[0].isalpha() else m.start()
    if end > s:
        spans.append((s, end))
    out = []
    for a, b in _plain_join_appositions(text, spans):
        out.extend(reading._split_coordinated(text, a, b))
    return [(a, b) for a, b in (reading._trim(text, a, b) for a, b in out) if b > a]


COORDINATED_TEXT = st.lists(st.one_of(
    st.sampled_from(["left Ottawa", "and", "and then", "arrived in London", "met", "said", "band", "Andes", "AND",
                     "travelled to", "that", "while", ", ", "; ", " - "]),
    st.sampled_from([" ", "  ", "\n", ","]), st.text(PLAIN_LETTERS, max_size=2)), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(COORDINATED_TEXT)
def test_clauses_are_the_plain_definition(text: str) -> None:
    assert reading._clauses(text, 0, len(text)) == _plain_clauses(text, 0, len(text))


def _plain_alternation(name: str, plural: bool = False) -> str:
    parts = [r"\s+".join(re.escape(w) for w in e.split(" ")) + ("(?:e?s)?" if plural else "")
             for e in sorted(entries(name), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


LISTS = sorted(p.stem for p in (Path(lexicon.__file__).parent / "lexicon").glob("*.txt"))


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_grouped_alternation_is_the_plain_one(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(LISTS))
    plural = data.draw(st.booleans())
    words = entries(name)
    text = data.draw(st.lists(st.one_of(
        st.sampled_from(words), st.sampled_from([w.upper() for w in words]),
        st.sampled_from([w.title() for w in words]),
        st.sampled_from([" ", "  ", "\n", ",", "s", "es", "-", "'"]), st.text(PLAIN_LETTERS, max_size=2)),
        max_size=8).map("".join))
    for flags in (0, re.IGNORECASE):
        fast = re.compile(rf"\b{alternation(name, plural=plural)}\b", flags)
        plain = re.compile(rf"\b{_plain_alternation(name, plural)}\b", flags)
        assert [(m := fast.match(text, i)) and m.span() for i in range(len(text))] == [
            (m := plain.match(text, i)) and m.span() for i in range(len(text))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "mrs", "m", "Said", "stated", "said", "warned", "élan", "ſo", "- x", "a b",
                                 "Kin", "kind"]), min_size=1, max_size=5, unique=True),
       st.lists(st.sampled_from(["Mr", "MRS", "m", "said", "Said", "stated", "warned", "élan", "so", "ſo", "kin",
                                 "\u212ain", " ", ".", "x", "-", "a b"]), max_size=8).map("".join))
def test_grouped_alternation_of_any_phrases_is_the_plain_one(phrases: list[str], text: str) -> None:
    plain = "(?:" + "|".join(r"\s+".join(re.escape(w) for w in e.split(" "))
                             for e in sorted(phrases, key=len, reverse=True)) + ")"
    for flags in (0, re.IGNORECASE):
        fast, slow = re.compile(lexicon.alternation_of(phrases), flags), re.compile(plain, flags)
        assert [(m := fast.match(text, i)) and m.span() for i in range(len(text))] == [
            (m := slow.match(text, i)) and m.span() for i in range(len(text))]
