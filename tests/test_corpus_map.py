"""The corpus map: `geoviz batch` on a tiny corpus, then the map, its counts and its safety."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("xstatic.pkg.leaflet_markercluster")

from geoviz.cli.main import main  # noqa: E402
from geoviz.corpus.batch import run_batch  # noqa: E402
from geoviz.corpus.corpus_map import (  # noqa: E402
    CorpusMapError,
    CorpusPlace,
    build_corpus_map,
    corpus_map_html,
    corpus_places,
    heat_cells,
)
from geoviz.pipeline import parse  # noqa: E402

ARTICLES = [
    "Officials in Nairobi said the talks in Nairobi would continue. Kenya hopes for a deal.",
    "Floods hit Dhaka; officials in Chittagong said Bangladesh needs help.",
    "The summit in Nairobi drew delegations from Uganda and Tanzania.",
    "Protesters gathered in Dhaka and in Nairobi.",
    "No place is named in this sentence at all.",
]


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    src = d / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(ARTICLES)),
                   encoding="utf-8")
    out = d / "out.parquet"
    run_batch(src, out, partitions=2, scheduler="sync", progress=False)
    return out


def _expected_counts() -> dict[str, tuple[int, int]]:
    """Mentions and articles per place id, from parsing each article alone."""
    counts: dict[str, list[int]] = {}
    for text in ARTICLES:
        for p in parse(text).places:
            c = counts.setdefault(p.id, [0, 0])
            c[0] += len(p.mentions)
            c[1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def test_corpus_places_count_mentions_and_articles_across_partitions(batch_out: Path) -> None:
    places = corpus_places(batch_out)
    assert {p.place_id: (p.mentions, p.articles) for p in places} == _expected_counts()
    assert [p.mentions for p in places] == sorted((p.mentions for p in places), reverse=True)
    top = places[0]
    assert top.name == "Nairobi" and top.mentions == 4 and top.articles == 3


def test_heat_cells_sum_mentions_per_cell() -> None:
    places = [CorpusPlace("a", "A", 10.2, 20.7, "k", "XX", 3, 1), CorpusPlace("b", "B", 10.9, 20.1, "k", "XX", 2, 1),
              CorpusPlace("c", "C", -33.5, 151.2, "k", "AU", 1, 1), CorpusPlace("d", "D", 90.0, 180.0, "k", "", 1, 1)]
    cells = heat_cells(places)
    assert (10.0, 20.0, 5) in cells and (-34.0, 151.0, 1) in cells and (89.0, 179.0, 1) in cells
    assert sum(n for _, _, n in cells) == 7 and heat_cells([]) == []


def test_corpus_map_offline_page_holds_markers_heat_and_table(batch_out: Path, gaz) -> None:
    html = corpus_map_html(batch_out, gazetteer=gaz, offline=True)
    assert "L.markerClusterGroup" in html and "L.rectangle" in html and "Top places" in html
    for name in ("Nairobi", "Dhaka"):
        assert name in html
    # Self-contained: no script or stylesheet from a CDN, Leaflet and markercluster inlined.
    assert not re.search(r"""(?:src|href)=["']https?://""", html)
    assert html.count("data:text/javascript;base64,") >= 2


def test_corpus_map_standard_page_loads_only_leaflet_from_the_network(batch_out: Path) -> None:
    html = corpus_map_html(batch_out, offline=False)
    urls = set(re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html))
    assert urls and all("leaflet" in u and "markercluster" not in u for u in urls)


def test_place_names_are_escaped(tmp_path: Path, gaz) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "mentions").mkdir()
    evil = "<img src=x onerror=alert(1)>`${x}`</script>"
    pq.write_table(pa.table({"article_id": ["a", "b"], "place_id": ["p1", "p1"], "name": [evil, evil],
                             "lat": [1.0, 1.0], "lon": [2.0, 2.0], "kind": ["city", "city"],
                             "country": ["<b>", "<b>"]}), tmp_path / "mentions" / "part-0.parquet")
    html = corpus_map_html(tmp_path, gazetteer=gaz)
    assert evil not in html and "<img src=x" not in html and "`${x}`" not in html
    # The popup and table HTML is escaped first (&lt;) and then JSON-escaped for the script (\u0026).
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html


def test_not_a_batch_output_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusMapError, match="geoviz batch"):
        build_corpus_map(tmp_path)
    assert main(["map", "--corpus", str(tmp_path / "missing"), "-o", str(tmp_path / "x.html")]) == 2


def test_cli_map_corpus(batch_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "corpus.html"
    assert main(["map", "--corpus", str(batch_out), "-o", str(out), "--offline", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["html"] == str(out) and out.exists() and report["places"] == len(_expected_counts())
    assert report["top"][0]["name"] == "Nairobi"
    assert main(["map", "--corpus", str(batch_out), "article.txt", "-o", str(out)]) == 2
