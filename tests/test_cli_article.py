"""parse / check / evaluate subcommands: contracts and error handling."""

from __future__ import annotations

import json

import pytest

from geoviz.cli.main import main
from tests.conftest import ROOT

SEED = str(ROOT / "seeds" / "kim-putin-summit.txt")


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_parse_json_contract(capsys):
    code, out, _ = run(capsys, "parse", SEED, "--json")
    assert code == 0
    d = json.loads(out)
    assert set(d) >= {"places", "events", "routes", "claims"}
    p = d["places"][0]
    assert set(p) >= {"id", "name", "lat", "lon", "kind", "country", "confidence", "mentions", "alternatives"}
    assert set(p["mentions"][0]) == {"start", "end", "text", "form"}


def test_parse_table(capsys):
    code, out, _ = run(capsys, "parse", SEED)
    assert code == 0 and "Vostochny Cosmodrome" in out and "Khasan" in out
    # counted in a reader's words (issue #17: "1 routes", "1 claims")
    assert "1 journey; use --json" in out and "1 distance claim; use --json" in out
    assert "routes;" not in out and "claims;" not in out


def test_check_seed_claim(capsys):
    code, out, _ = run(capsys, "check", SEED, "--json")
    claims = json.loads(out)["claims"]
    c = next(c for c in claims if c["anchor"] == "Vladivostok")
    assert c["subject"] == "Vostochny Cosmodrome" and c["stated_km"] == 1000
    assert abs(c["computed_km"] - 1011) <= 5 and c["verdict"] == "consistent"
    keys = {"sentence", "start", "end", "subject", "anchor", "stated_km", "relation", "hedge", "bearing",
            "computed_km", "computed_bearing", "tolerance_km", "verdict"}
    assert keys <= set(c)


def test_parse_stdin(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Floods hit Nairobi and Kisumu.")))
    code, out, _ = run(capsys, "parse", "-", "--json")
    assert code == 0 and {p["name"] for p in json.loads(out)["places"]} >= {"Nairobi", "Kisumu"}


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01\x02\x03" * 500, "binary"), (b"   \n ", "empty")])
def test_bad_files_are_one_line_errors(capsys, tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, _, err = run(capsys, "parse", str(f))
    assert code == 2 and message in err and err.count("\n") == 1


def test_missing_file(capsys):
    code, _, err = run(capsys, "parse", "/nonexistent/article.txt")
    assert code == 2 and "no such file" in err


def test_latin1_and_utf16_are_decoded(capsys, tmp_path):
    text = "Les agriculteurs de Besançon ont manifesté à Lyon."
    for enc in ("latin-1", "utf-16"):
        f = tmp_path / f"a-{enc}.txt"
        f.write_bytes(text.encode(enc))
        code, out, _ = run(capsys, "parse", str(f), "--json")
        assert code == 0
        names = {p["name"] for p in json.loads(out)["places"]}
        assert "Lyon" in names


def test_html_is_stripped(capsys, tmp_path):
    f = tmp_path / "a.html"
    f.write_text("<html><head><script>var Paris=1;</script></head><body><p>Talks in Nairobi.</p></body></html>")
    _, out, _ = run(capsys, "parse", str(f), "--json")
    assert [p["name"] for p in json.loads(out)["places"]] == ["Nairobi"]


def test_evaluate_on_a_small_corpus(capsys, tmp_path):
    text = (ROOT / "tests" / "articles" / "paris_tx.txt").read_text()
    start = text.index("Paris")
    corpus = tmp_path / "c.jsonl"
    # Gold coordinate taken from the bundled gazetteer itself (GeoNames 4717560).
    from geoviz.geo.gazetteer import default_gazetteer

    paris = default_gazetteer().get("gn:4717560")
    gold = {"id": "1", "text": text, "toponyms": [{"start": start, "end": start + 5, "name": "Paris",
                                                   "lat": paris.lat, "lon": paris.lon, "geonameid": 4717560}]}
    corpus.write_text(json.dumps(gold) + "\n")
    errors = tmp_path / "err.jsonl"
    code, out, _ = run(capsys, "evaluate", str(corpus), "--mode", "resolve", "--json", "--errors", str(errors))
    r = json.loads(out)
    assert code == 0 and r["n"] == 1 and r["acc161"] == 1.0 and r["coverage"] == 1.0
    _, out, _ = run(capsys, "evaluate", str(corpus), "--mode", "end-to-end", "--json")
    r = json.loads(out)
    assert r["recall"] == 1.0 and 0 < r["precision"] <= 1 and r["predicted"] >= 1


def test_evaluate_ceiling_tells_ranking_errors_from_names_the_gazetteer_cannot_place(capsys, tmp_path):
    """A miss whose gold is another reading of the name is reachable; a gold point no reading is near is not."""
    from geoviz.geo.gazetteer import default_gazetteer

    text = (ROOT / "tests" / "articles" / "paris_tx.txt").read_text()
    start = text.index("Paris")
    france = default_gazetteer().get("gn:2988507")  # the other Paris: a ranking error, reachable
    docs = [{"id": "other-reading", "lat": france.lat, "lon": france.lon},
            {"id": "nowhere", "lat": -60.0, "lon": -140.0}]  # no Paris lies in the Southern Ocean
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": d["id"], "text": text, "toponyms": [
        {"start": start, "end": start + 5, "name": "Paris", "lat": d["lat"], "lon": d["lon"]}]}) + "\n"
        for d in docs))
    errors = tmp_path / "err.jsonl"
    code, out, _ = run(capsys, "evaluate", str(corpus), "--mode", "resolve", "--json", "--errors", str(errors))
    r = json.loads(out)
    assert code == 0 and r["acc161"] == 0.0 and r["ceiling_acc161"] == 0.5
    misses = {d["id"]: d["reachable"] for d in map(json.loads, errors.read_text().splitlines())}
    assert misses == {"other-reading": True, "nowhere": False}


def test_evaluate_bad_corpus(capsys, tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text("not json\n")
    code, _, err = run(capsys, "evaluate", str(f))
    assert code == 2 and "not JSON" in err


@pytest.mark.parametrize("content, what", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 100, "PNG"),
    (b"PK\x03\x04" + b"word/document.xml" * 50, "ZIP"),
])
def test_documents_that_are_not_text_are_refused_by_signature(capsys, tmp_path, content, what):
    f = tmp_path / "upload.bin"
    f.write_bytes(content)
    code, _, err = run(capsys, "parse", str(f))
    assert code == 2 and what in err and err.count("\n") == 1
