"""Property tests: arbitrary Unicode through parse, check, the Scene round-trip and the exporters.

No exception may escape except the documented input errors; outputs stay
valid (spans inside the text, coordinates in range, GeoJSON serialisable).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geoviz
from geoviz.claims import find_distance_statements
from geoviz.export import geojson_document, html_document, places_csv
from geoviz.pipeline import scene_dict, scene_of
from geoviz.scene import Scene

# Text that looks like news some of the time: place names, numbers, units,
# punctuation, and every kind of Unicode (RTL, combining marks, emoji, NUL,
# lone surrogates) the rest of the time.
WORDS = st.sampled_from([
    "Khasan", "Vladivostok", "Paris", "Texas", "North Korea", "Russian", "the White House", "1,000", "km",
    "miles", "north-west", "of", "from", "to", "about", "arrived", "in", "on", "Wednesday", "met", "said",
    "Kim", "Putin", ",", ".", "\n", "’s", "\u2028", "<script>", "`", "\\", "\u200f", "\u0301", "🙂", "\x00",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join),
)
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid_places(text: str, places) -> None:
    for p in places:
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        assert 0 <= p.confidence <= 1
        for m in p.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text


@FUZZ
@given(TEXT)
def test_parse_never_crashes_and_spans_hold(text):
    doc = geoviz.parse(text)
    _valid_places(text, doc.places)


@FUZZ
@given(TEXT)
def test_distance_statements_never_crash(text):
    for st_ in find_distance_statements(text):
        assert 0 <= st_.start <= st_.end <= len(text)


@FUZZ
@given(TEXT)
def test_scene_round_trip_and_exports(text):
    scene = scene_of(text)
    _valid_places(text, scene.places)
    d = scene_dict(scene)
    json.dumps(d, ensure_ascii=False)
    gj = scene.to_geojson()
    json.dumps(gj, allow_nan=False)
    assert Scene.from_geojson(json.loads(json.dumps(gj))) == scene
    html = html_document(scene, offline=False)
    assert "<html" in html[:500].lower() and html.rstrip().endswith("</html>")
    # Article text never opens a tag of its own: every "<" from the text is escaped.
    if "<script>" in text:
        assert html.count("<script>") == html_document(scene_of("Paris."), offline=False).count("<script>")
    places_csv(scene)
    geojson_document(scene)


def test_very_long_token_and_nul_heavy_text():
    for text in ["A" * 200_000, "\x00" * 10_000 + "Paris", "Paris" + "\u0301" * 5000, "\ud800" * 1000]:
        doc = geoviz.parse(text)
        _valid_places(text, doc.places)
