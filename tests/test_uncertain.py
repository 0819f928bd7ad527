"""Towns the resolver cannot decide between are listed, not pinned, until a person picks one."""

from __future__ import annotations

import json

import geoviz
from geoviz.pipeline import scene_dict, scene_of
from geoviz.scene import Scene

AMBIGUOUS = "Firefighters were called to a house fire in Lexington on Monday night."


def test_an_undecidable_town_is_listed_not_pinned():
    doc = geoviz.parse(AMBIGUOUS)
    assert not any(p.name == "Lexington" for p in doc.places)
    lex = next(p for p in doc.uncertain if p.name == "Lexington")
    assert lex.confidence < 0.7
    states = {a.entry.admin1 for a in lex.alternatives} | {lex.admin1}
    assert len(states) >= 3  # Kentucky, Massachusetts, North Carolina...


def test_context_makes_the_same_town_certain():
    doc = geoviz.parse("Firefighters were called to a house fire in Lexington, Kentucky, on Monday night.")
    lex = next(p for p in doc.places if p.name == "Lexington")
    assert lex.admin1 == "Kentucky" and lex.confidence >= 0.7


def test_confidence_is_about_the_point_not_the_row():
    # Madrid the city and Madrid the province around it put the pin in one place.
    doc = geoviz.parse("The suspect was arrested in Madrid.")
    madrid = next(p for p in doc.places if p.name == "Madrid")
    assert madrid.country == "ES" and madrid.confidence > 0.9


def test_uncertain_places_in_json_and_geojson_and_pinning():
    scene = scene_of(AMBIGUOUS)
    d = scene_dict(scene)
    assert any(p["name"] == "Lexington" for p in d["uncertain"])
    assert not any(p["name"] == "Lexington" for p in d["places"])
    back = Scene.from_geojson(json.loads(json.dumps(scene.to_geojson())))
    assert back == scene
    lex = next(p for p in back.uncertain if p.name == "Lexington")
    other = lex.alternatives[0].entry
    back.pin(lex.id, other)
    assert not back.uncertain
    pinned = back.place(lex.id)
    assert pinned is not None and pinned.entry_id == other.id and (pinned.lat, pinned.lon) == (other.lat, other.lon)


def test_the_cli_table_lists_what_it_did_not_pin(capsys, tmp_path):
    from tests.test_cli import run

    f = tmp_path / "a.txt"
    f.write_text(AMBIGUOUS, encoding="utf-8")
    code, out, err = run(capsys, "parse", str(f))
    assert code == 0, err
    assert "not pinned (uncertain): Lexington" in out
