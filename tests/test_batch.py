"""``geoviz batch``: same answers as one article at a time, resumable, and nothing lost.

The corpus is written here (articles of our own making plus deliberately broken
lines), so the tests need no data files and no network: the cluster test uses an
in-process ``LocalCluster`` (no sockets, no dashboard).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

pytest.importorskip("dask.bag")

from geoviz.corpus.batch import SimulatedCrash, run_batch  # noqa: E402
from geoviz.pipeline import analyse  # noqa: E402

ARTICLES = [
    "Kim Jong Un left Pyongyang by armoured train and arrived in Vladivostok on Tuesday.",
    "Floods hit Dhaka and much of Bangladesh, officials in Chittagong said.",
    "The summit in Geneva drew delegations from France, Germany and Italy.",
    "Wildfires near Athens forced evacuations; Greece asked the European Union for help.",
    "Kyiv is about 750 kilometres from Moscow, the ministry in Kyiv noted.",
    "A cargo ship left Rotterdam for Singapore, passing through the Suez Canal.",
    "Paris, Texas, is a small town about 100 miles northeast of Dallas.",
    "Protesters gathered in Nairobi, the capital of Kenya, and in Mombasa.",
    "The earthquake struck near Kathmandu; tremors were felt in Lucknow, India.",
    "Officials in Canberra and Sydney discussed the drought across New South Wales.",
    "No place is named in this sentence at all.",
    "The delegation flew from Tokyo to Seoul and then on to Beijing.",
    "Brazil and Argentina met in Buenos Aires; the talks then moved to Montevideo.",
    "Storms battered Florida, from Miami to Tampa, the governor said in Tallahassee.",
]
BAD_LINES = [
    b"this is not json\n",
    b'{"id": "no-text", "title": "missing the text field"}\n',
    b'{"id": "numeric", "text": 42}\n',
    b'{"id": "latin1", "text": "Caf\xe9 in Lyon"}\n',  # Latin-1 byte: not UTF-8
    b"\n",  # blank: counted, not rejected
    b"[1, 2, 3]\n",
    b'{"id": "surrogate", "text": "\\ud800 in Oslo"}\n',
]


def _write_corpus(path: Path) -> dict[int, str]:
    """Interleave good and bad lines; return {line number: text} of the good ones."""
    good: dict[int, str] = {}
    lines: list[bytes] = []
    bad = iter(BAD_LINES)
    for i, text in enumerate(ARTICLES):
        lines.append((json.dumps({"id": f"a{i}", "text": text}) + "\n").encode())
        good[len(lines)] = text
        if i % 2 == 1:
            b = next(bad, None)
            if b is not None:
                lines.append(b)
    lines.extend(bad)
    path.write_bytes(b"".join(lines))
    return good


def _rows(out: Path, table: str) -> list[dict[str, Any]]:
    rows = pq.read_table(out / table).to_pylist()
    return sorted(rows, key=lambda r: (r["line"], r.get("start") or 0, r.get("claim_index") or 0,
                                       str(r.get("event_id")), str(r.get("place_id"))))


def _outputs(out: Path) -> dict[str, list[dict[str, Any]]]:
    return {t: _rows(out, t) for t in ("mentions", "claims", "events", "articles")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str]]:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    return path, _write_corpus(path)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, dict[int, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run on the default scheduler (2 local processes), shared by the comparisons below."""
    out = tmp_path_factory.mktemp("out") / "news.parquet"
    report = run_batch(corpus[0], out, partitions=3, progress=False)
    assert report.ran == [0, 1, 2] and not report.skipped
    return out


def test_batch_equals_parsing_each_article_alone(corpus: tuple[Path, dict[int, str]], reference: Path) -> None:
    _, good = corpus
    expected_mentions, expected_claims, expected_events = [], [], []
    for line, text in good.items():
        r = analyse(text)
        for p in r["places"]:
            for m in p["mentions"]:
                expected_mentions.append((line, m["start"], m["end"], m["text"], p["id"], p["name"], p["lat"],
                                          p["lon"], p["kind"], p["country"], p["confidence"]))
        expected_claims += [(line, c["subject"], c["anchor"], c["stated_km"], c["verdict"]) for c in r["claims"]]
        expected_events += [(line, e["id"], e["type"], e["place_id"]) for e in r["events"]]
    mentions = [(r["line"], r["start"], r["end"], r["text"], r["place_id"], r["name"], r["lat"], r["lon"],
                 r["kind"], r["country"], r["confidence"]) for r in _rows(reference, "mentions")]
    assert sorted(mentions) == sorted(expected_mentions)
    assert len(mentions) > 20
    claims = [(r["line"], r["subject"], r["anchor"], r["stated_km"], r["verdict"]) for r in _rows(reference, "claims")]
    assert sorted(claims) == sorted(expected_claims)
    events = [(r["line"], r["event_id"], r["type"], r["place_id"]) for r in _rows(reference, "events")]
    assert sorted(events, key=str) == sorted(expected_events, key=str)
    articles = _rows(reference, "articles")
    assert [a["line"] for a in articles] == sorted(good)  # the article with no place is there too
    assert {a["article_id"] for a in articles} == {f"a{i}" for i in range(len(ARTICLES))}


def test_geometry_is_wkb_of_the_coordinates(reference: Path) -> None:
    import shapely

    m = _rows(reference, "mentions")[0]
    point = shapely.from_wkb(m["geometry"])
    assert (point.x, point.y) == (m["lon"], m["lat"])
    geo = json.loads(pq.read_schema(next((reference / "mentions").glob("*.parquet"))).metadata[b"geo"])
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    for c in _rows(reference, "claims"):
        if c["subject_id"] and c["anchor_id"]:
            assert shapely.from_wkb(c["geometry"]).geom_type == "LineString"


def test_rejects_are_reported_with_line_and_reason(corpus: tuple[Path, dict[int, str]], reference: Path) -> None:
    path, good = corpus
    rejects = [json.loads(line) for line in (reference / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = {r.get("id") or r["record"][:10]: r["reason"] for r in rejects}
    assert reasons["no-text"] == "missing 'text'"
    assert reasons["numeric"] == "'text' is int, not a string"
    assert reasons["surrogate"].startswith("undecodable text")
    assert any(r["reason"].startswith("not JSON") for r in rejects)
    assert any(r["reason"].startswith("undecodable bytes") for r in rejects)
    assert any(r["reason"] == "not a JSON object but list" for r in rejects)
    total_lines = path.read_bytes().count(b"\n")
    assert len(rejects) == len(BAD_LINES) - 1  # all but the blank line
    for r in rejects:  # the line numbers point at the offending lines
        assert r["line"] not in good and 1 <= r["line"] <= total_lines
    progress = json.loads((reference / "_progress.json").read_text(encoding="utf-8"))
    report = progress["report"]
    assert report["articles"] + report["rejected"] + report["blank_lines"] == total_lines
    assert progress["state"] == "finished" and all(p["done"] for p in progress["partitions"])


def test_killed_run_resumes_to_the_same_output(corpus: tuple[Path, dict[int, str]], reference: Path,
                                               tmp_path: Path) -> None:
    out = tmp_path / "resumed.parquet"
    with pytest.raises(SimulatedCrash):
        run_batch(corpus[0], out, partitions=3, scheduler="sync", progress=False, _fail_partitions={1})
    progress = json.loads((out / "_progress.json").read_text(encoding="utf-8"))
    assert progress["state"] == "interrupted"
    survived = {p["index"] for p in progress["partitions"] if p["done"]}
    assert 1 not in survived
    report = run_batch(corpus[0], out, partitions=3, scheduler="sync", progress=False)
    assert report.skipped == sorted(survived)
    assert report.ran == sorted({0, 1, 2} - survived)
    assert _outputs(out) == _outputs(reference)
    assert (out / "rejects.jsonl").read_text(encoding="utf-8") == (reference / "rejects.jsonl").read_text("utf-8")


def test_only_the_missing_or_changed_partition_is_redone(corpus: tuple[Path, dict[int, str]], reference: Path,
                                                         tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_bytes(corpus[0].read_bytes())
    out = tmp_path / "out.parquet"
    run_batch(src, out, partitions=3, scheduler="sync", progress=False)
    (out / "mentions" / "part-00002.parquet").unlink()  # as if the run had died while writing it
    stamps = {f: f.stat().st_mtime_ns for f in (out / "mentions").glob("*.parquet")}
    report = run_batch(src, out, partitions=3, scheduler="sync", progress=False)
    assert report.ran == [2] and report.skipped == [0, 1]
    assert all(f.stat().st_mtime_ns == t for f, t in stamps.items())
    assert _outputs(out) == _outputs(reference)
    # Editing an article in the first partition (same length, so the cut points stay put)
    # invalidates that partition's fingerprint only.
    data = src.read_bytes().replace(b"by armoured train", b"by armored  train", 1)
    src.write_bytes(data)
    report = run_batch(src, out, partitions=3, scheduler="sync", progress=False)
    assert report.ran == [0] and report.skipped == [1, 2]


def test_parquet_input_gives_the_same_mentions(corpus: tuple[Path, dict[int, str]], reference: Path,
                                               tmp_path: Path) -> None:
    import pyarrow as pa

    _, good = corpus
    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": [f"a{i}" for i in range(len(good))], "body": list(good.values())}), src,
                   row_group_size=5)
    out = tmp_path / "out.parquet"
    report = run_batch(src, out, text_field="body", scheduler="sync", progress=False)
    assert report.articles == len(good) and report.rejected == 0 and report.partitions >= 1

    def key(rows: list[dict[str, Any]]) -> list[tuple]:
        return sorted((r["article_id"], r["start"], r["place_id"]) for r in rows)

    assert key(_rows(out, "mentions")) == key(_rows(reference, "mentions"))


def test_local_cluster_gives_the_same_output(corpus: tuple[Path, dict[int, str]], reference: Path,
                                             tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "cluster.parquet"
    # One in-process worker; scheduler bound to 127.0.0.1 on a free port, no dashboard: nothing
    # leaves the machine (naming the host also skips distributed's outward probe for its own IP).
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, protocol="tcp://",
                                  host="127.0.0.1", scheduler_port=0, dashboard_address=None) as cluster:
        report = run_batch(corpus[0], out, partitions=3, scheduler=cluster.scheduler_address, progress=False)
    assert report.ran == [0, 1, 2]
    assert _outputs(out) == _outputs(reference)


def test_cli_batch_reports_json_and_one_line_errors(corpus: tuple[Path, dict[int, str]], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from geoviz.cli.main import main

    out = tmp_path / "cli.parquet"
    assert main(["batch", str(corpus[0]), "-o", str(out), "--scheduler", "sync", "--partitions", "2",
                 "--no-progress", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == len(corpus[1]) and report["rejected"] == len(BAD_LINES) - 1
    assert report["partitions"] == 2 and report["ran"] == [0, 1]
    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_default_plan_gives_every_worker_several_partitions(tmp_path: Path) -> None:
    """Enough pieces that the last ones do not leave a worker idle for long; tiny inputs stay whole."""
    from geoviz.corpus.batch import MIN_PARTITION_BYTES, PARTITIONS_PER_WORKER, TARGET_PARTITION_BYTES, plan

    src = tmp_path / "mid.jsonl"
    with src.open("w", encoding="utf-8") as f:
        k = 0
        while f.tell() < 24 * MIN_PARTITION_BYTES:  # big enough for 8 pieces above the floor
            f.write(json.dumps({"id": k, "text": ARTICLES[k % len(ARTICLES)] * 20}) + "\n")
            k += 1
    for workers in (1, 2):
        parts = plan(src, tmp_path / f"out{workers}", workers=workers)
        assert len(parts) >= workers * PARTITIONS_PER_WORKER
        # a piece ends at the first line break after its target size: one line of slack
        assert all(p.byte_end - p.byte_start <= TARGET_PARTITION_BYTES + 4096 for p in parts)
    small = tmp_path / "small.jsonl"
    small.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(ARTICLES)),
                     encoding="utf-8")
    assert len(plan(small, tmp_path / "out-small", workers=2)) == 1
