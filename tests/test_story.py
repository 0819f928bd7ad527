"""Events and journeys together over one reading: the pipeline's parse, round trips, linear time, pinned outputs.

The story rules of each stage are tested in test_events.py and test_journeys.py;
the documents come from tests/story_docs.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from geoviz.geo.gazetteer import default_gazetteer
from geoviz.model import Document, Event, Leg, Mention, Place, Route, Stop
from geoviz.story.context import StoryContext
from geoviz.story.events import extract_events
from geoviz.story.journeys import extract_journeys
from tests.story_docs import events_of, make_doc, routes_of


def test_seed_through_the_real_parser() -> None:
    """Same expectations through geoviz.parse (the whole pipeline), when it is available."""
    parse = pytest.importorskip("geoviz.pipeline").parse
    from tests.conftest import ROOT

    doc = parse((ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8"), date="2023-09-14")
    routes = routes_of(doc)
    assert [s.name for s in routes[0].stops] == ["Pyongyang", "Khasan", "Vostochny Cosmodrome"]
    types = {(e.type, next(p.name for p in doc.places if p.id == e.place_id)) for e in events_of(doc)}
    assert {("arrival", "Khasan"), ("meeting", "Vostochny Cosmodrome"), ("military", "North Korea"),
            ("statement", "White House")} <= types


def test_places_without_events_or_movement() -> None:
    text = ("Lyon and Marseille are the largest cities in southern France after Paris. Bordeaux is known for its "
            "wine, and Lille for its markets.")
    doc = make_doc(text, {n: n for n in ("Lyon", "Marseille", "France", "Paris", "Bordeaux", "Lille")})
    assert events_of(doc) == []
    assert routes_of(doc) == []


def test_dataclass_dict_round_trip(seed_doc: Document) -> None:
    (r,) = routes_of(seed_doc)
    assert Route.from_dict(r.to_dict()) == r
    for e in events_of(seed_doc):
        assert Event.from_dict(e.to_dict()) == e
    assert Stop.from_dict(r.stops[0].to_dict()) == r.stops[0]
    assert Leg.from_dict(r.legs[0].to_dict()) == r.legs[0]


def test_linear_time_on_huge_input(seed_doc: Document) -> None:
    import time

    hostile = " " + "Kim arrived in " * 300 + "a, " * 600 + "x" * 3000  # run-on sentence, no places

    def run(n: int) -> float:
        # CPU time of this process, not wall time: other jobs on a shared CI machine do not count
        doc = make_doc_fast(seed_doc, seed_doc.text * n + hostile * n, n)
        t = time.process_time()
        ctx = StoryContext.read(doc)
        extract_events(ctx)
        extract_journeys(ctx, lambda code: None)
        return time.process_time() - t

    small, big = run(4), run(32)
    assert big < small * 8 * 3 + 0.5  # 8x the text: linear would be ~8x the time, quadratic ~64x


def make_doc_fast(seed_doc: Document, text: str, copies: int) -> Document:
    """The seed's places repeated ``copies`` times at shifted offsets (no gazetteer calls)."""
    n = len(seed_doc.text)
    places = []
    for p in seed_doc.places:
        mentions = [Mention(m.start + k * n, m.end + k * n, m.text, form=m.form) for k in range(copies)
                    for m in p.mentions]
        places.append(Place(p.id, p.name, p.lat, p.lon, p.kind, p.country, p.confidence, mentions))
    return Document(text=text, places=places, date="2023-09-14")


# --------------------------------------------------------------------------
# Pinned outputs: events and journeys of every article in seeds/ and tests/articles/
# --------------------------------------------------------------------------

PINNED = Path(__file__).parent / "events_pinned.json"


def _pinned_articles() -> list[tuple[str, str | None]]:
    from tests.conftest import ROOT

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    # With and without an article date: relative dates ("on Tuesday") take both paths.
    return [(str(f.relative_to(ROOT)), date) for f in files for date in ("2024-04-12", None)]


def _pinned_doc(text: str, date: str | None, places: list[dict]) -> Document:
    return Document(text=text, date=date, places=[
        Place(id=p["id"], name=p["name"], lat=p["lat"], lon=p["lon"], kind=p["kind"], country=p["country"],
              confidence=p["confidence"], admin1=p["admin1"], metonym=p["metonym"],
              mentions=[Mention.from_dict(m) for m in p["mentions"]]) for p in places])


def _extract(doc: Document) -> dict:
    ctx = StoryContext.read(doc)
    return {"events": [e.to_dict() for e in extract_events(ctx)],
            "routes": [r.to_dict() for r in extract_journeys(ctx, default_gazetteer().capital)]}


def write_pinned() -> None:
    """Regenerate the pins (``GEOVIZ_UPDATE_PINNED=1 pytest tests/test_story.py``) after a deliberate change.

    The places are stored with the outputs, so the pins test events and
    journeys alone, whatever recognition and resolution do to the same texts.
    """
    from geoviz.pipeline import parse
    from tests.conftest import ROOT

    out = []
    for name, date in _pinned_articles():
        text = (ROOT / name).read_text(encoding="utf-8")
        places = [{k: v for k, v in p.to_dict().items() if k not in ("alternatives", "reason")}
                  for p in parse(text, date=date).places]
        out.append({"article": name, "date": date, "places": places,
                    **_extract(_pinned_doc(text, date, places))})
    PINNED.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_pinned_events_and_journeys() -> None:
    """The speed work on events must not change what they find: outputs pinned on 30 article/date pairs."""
    from tests.conftest import ROOT

    if os.environ.get("GEOVIZ_UPDATE_PINNED"):
        write_pinned()
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert [(p["article"], p["date"]) for p in pinned] == _pinned_articles()
    assert sum(len(p["events"]) for p in pinned) > 50 and sum(len(p["routes"]) for p in pinned) > 5
    for p in pinned:
        text = (ROOT / p["article"]).read_text(encoding="utf-8")
        got = _extract(_pinned_doc(text, p["date"], p["places"]))
        assert got == {"events": p["events"], "routes": p["routes"]}, p["article"]
