"""Build a full gazetteer store from a GeoNames dump the user downloaded (``geoviz gazetteer build``).

The bundled store covers towns of 500 people and up; a news article also names
neighbourhoods, facilities, landmarks and natural features. GeoNames' dump has
them (~12 M rows), and no package registry ships it, so the user builds it once.

How: the bundled store is copied first, so the full store has the SAME schema,
the same countries, divisions, regions, seas, airports, demonyms and polygons
(reverse geocoding and the offline basemap need them); then the dump is STREAMED
row by row into it, in batches, so memory does not grow with the dump's size
(only the bundled store's ~0.3 M ids are held, to skip rows it already has).
Alternate names (``alternateNamesV2``) are joined inside SQLite through a temporary
geonameid table, again without holding the dump in memory. The store is written
to a temporary file and renamed when complete: an interrupted build leaves
nothing half-written where geoviz would open it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import sys
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from geoviz.errors import GeovizError
from geoviz.geo.gazetteer import KINDS, prior
from geoviz.geo.stores import BUILT_NAME, bundled_store_path
from geoviz.nlp import lexicon
from geoviz.nlp.names import fold

# Feature classes kept whole: administrative divisions, populated places, areas (parks, regions, ports).
WHOLE_CLASSES = frozenset("APL")
# From S (spots), T (terrain) and H (water): the codes news names, each with its store kind
# (geoviz/nlp/lexicon/geonames_codes.json, "kind"; classes A, P and L are kept whole: see kind_of).
KEPT_CODES: dict[str, str] = lexicon.table("geonames_codes")["kind"]
# Alternate names: below this population a populated place keeps only its own and ASCII name as keys,
# as the bundled store does (gazetteer/build.py MIN_POP_FOR_ALT_NAMES): village names in 40 languages
# would mostly add false readings.
MIN_POP_FOR_ALT_NAMES = 5000
# alternateNamesV2 "languages" that are not names: links, postcodes, Wikidata ids, codes of other kinds.
NOT_NAMES = lexicon.words("alternate_name_non_languages")
CODE_LANGUAGES = frozenset({"iata", "icao", "faac", "abbr"})
BATCH = 20_000
COLUMNS = 19
SOURCE = "gn-dump"
SOURCE_TEXT = "GeoNames dump (download.geonames.org/export/dump, CC BY 4.0); id = gn:<geonameid>"


class BuildError(GeovizError, ValueError):
    """The dump is missing, not GeoNames' 19-column format, or the output cannot be written."""


@dataclass
class BuildReport:
    """What a build did: rows read and kept, entries and names written, where, how long."""

    out: Path
    rows_read: int = 0
    kept: int = 0
    skipped_bundled: int = 0
    alternate_names: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def kind_of(feature_class: str, code: str) -> str | None:
    """The store kind of a GeoNames row, or None when a news geoparser has no use for it."""
    if code.endswith("H") and feature_class in "AP" and code not in ("PPLCH",):
        return None  # historical divisions and places ("ADM1H", "PCLH", "PPLH" stay in the bundled store only)
    if feature_class == "A":
        if code.startswith("PCL"):
            return "country"
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(code, "admin2")
    if feature_class == "P":
        return "populated place"
    if code in KEPT_CODES:
        return KEPT_CODES[code]
    if feature_class == "L":
        return "port" if code == "PRT" else "region"
    return None


@contextmanager
def _open_text(path: Path, member_prefix: str = "") -> Iterator[IO[str]]:
    """A GeoNames file as text lines: the ``.txt`` itself, or the ``.txt`` inside its ``.zip``."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.endswith(".txt") and n.startswith(member_prefix)
                     and not n.lower().startswith("readme")]
            if not names:
                raise BuildError(f"{path}: no .txt file inside the zip")
            with z.open(names[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    else:
        with path.open(encoding="utf-8", newline="\n") as f:
            yield f


def dump_rows(path: Path) -> Iterator[list[str]]:
    """The 19 fields of each row of a GeoNames dump file, streamed."""
    with _open_text(path) as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != COLUMNS:
                raise BuildError(f"{path}: line {n} has {len(cols)} columns, GeoNames dumps have {COLUMNS}; "
                                 "pass allCountries.zip or a country's XX.zip / XX.txt")
            yield cols


def _entry_and_names(cols: list[str], rowid: int, kind: str, detail: str) -> tuple[tuple, list[tuple]]:
    gid, name, asciiname, alternates, lat, lon, _, code, cc, _, a1, a2 = cols[:12]
    population = int(cols[14] or 0)
    entry = (rowid, f"gn:{gid}", name, "" if asciiname == name else asciiname,
             round(float(lat) * 1e5), round(float(lon) * 1e5), KINDS.index(kind), code, cc, a1, a2,
             population, round(prior(kind, population, code) * 1000), SOURCE, detail, "")
    # One row per key, the entry's own name first: the ASCII name usually folds to the same key, and
    # with INSERT OR IGNORE whichever came first would win; the own-name form (0) must, as in build.py.
    keys = {fold(name): 0}
    for alt in [asciiname] + (alternates.split(",") if kind != "populated place"
                              or population >= MIN_POP_FOR_ALT_NAMES else []):
        k = fold(alt)
        if k and len(k) <= 80 and not alt.startswith("http"):
            keys.setdefault(k, 1)
    return entry, [(k, rowid, form) for k, form in keys.items() if k]


def _progress(label: str, count: int, started: float, stream: IO[str] | None) -> None:
    if stream is not None:
        rate = count / max(1e-9, time.monotonic() - started)
        stream.write(f"\r{label}: {count:,} rows ({rate:,.0f}/s)")
        stream.flush()


def build_full_store(dumps: Iterable[Path], out_dir: Path, *, countries: Iterable[str] = (),
                     alternate_names: Path | None = None, base: Path | None = None,
                     progress: IO[str] | None = sys.stderr, now: Callable[[], dt.datetime] | None = None,
                     ) -> BuildReport:
    """Build ``out_dir/gazetteer.sqlite`` from GeoNames dump files; returns what was done.

    ``countries`` (ISO alpha-2) keeps only those countries' rows; ``base`` is the store copied first
    (the bundled one by default). Raises :class:`BuildError` on a missing or malformed input.
    """
    dumps = [Path(p) for p in dumps]
    for p in dumps + ([alternate_names] if alternate_names else []):
        if not p.is_file():
            raise BuildError(f"{p}: no such file (download it with: geoviz gazetteer download)")
    keep_cc = {c.strip().upper() for c in countries if c.strip()}
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / BUILT_NAME
    tmp = out_dir / (BUILT_NAME + ".building")
    started = time.monotonic()
    shutil.copyfile(base or bundled_store_path(), tmp)
    report = BuildReport(out=out)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -65536")  # 64 MB: bounded, whatever the dump's size
        con.execute("CREATE TABLE _gid (gid INTEGER PRIMARY KEY, entry INTEGER NOT NULL)")
        have = {r[0] for r in con.execute("SELECT id FROM entries WHERE id LIKE 'gn:%'")}
        con.execute("INSERT OR IGNORE INTO _gid SELECT CAST(substr(id, 4) AS INTEGER), rowid FROM entries "
                    "WHERE id LIKE 'gn:%' AND substr(id, 4) NOT GLOB '*[^0-9]*'")
        (rowid,) = con.execute("SELECT coalesce(max(rowid), 0) FROM entries").fetchone()
        entries: list[tuple] = []
        names: list[tuple] = []
        gids: list[tuple[int, int]] = []

        def flush() -> None:
            con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entries)
            con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
            con.executemany("INSERT OR IGNORE INTO _gid VALUES (?,?)", gids)
            entries.clear()
            names.clear()
            gids.clear()

        for path in dumps:
            detail = path.name
            for cols in dump_rows(path):
                report.rows_read += 1
                if report.rows_read % 100_000 == 0:
                    _progress(f"reading {detail}", report.rows_read, started, progress)
                if keep_cc and cols[8] not in keep_cc:
                    continue
                kind = kind_of(cols[6], cols[7])
                if kind is None:
                    continue
                if f"gn:{cols[0]}" in have:
                    report.skipped_bundled += 1
                    continue
                rowid += 1
                entry, keys = _entry_and_names(cols, rowid, kind, detail)
                entries.append(entry)
                names.extend(keys)
                gids.append((int(cols[0]), rowid))
                report.kept += 1
                report.by_kind[kind] = report.by_kind.get(kind, 0) + 1
                if len(entries) >= BATCH:
                    flush()
            flush()
        if progress is not None:
            progress.write("\n")
        if alternate_names is not None:
            report.alternate_names = _add_alternate_names(con, alternate_names, progress)
        con.execute("DROP TABLE _gid")
        _write_meta(con, dumps, alternate_names, keep_cc, report, (now or _utcnow)())
        con.commit()
        if progress is not None:
            progress.write("compacting the store (VACUUM)...\n")
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    report.seconds = time.monotonic() - started
    return report


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _add_alternate_names(con: sqlite3.Connection, path: Path, progress: IO[str] | None) -> int:
    """Join ``alternateNamesV2`` onto the store's entries by geonameid, inside SQLite (bounded memory)."""
    batch: list[tuple[str, int, int]] = []
    added = 0
    started = time.monotonic()
    sql = "INSERT OR IGNORE INTO names SELECT ?, entry, ? FROM _gid WHERE gid = ?"
    with _open_text(path, member_prefix="alternateNames") as f:
        for n, line in enumerate(f, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[1].isdigit():
                continue
            lang, name = cols[2], cols[3]
            if lang in NOT_NAMES or name.startswith("http"):
                continue
            k = fold(name)
            if not k or len(k) > 80:
                continue
            batch.append((k, 2 if lang in CODE_LANGUAGES else 1, int(cols[1])))
            if len(batch) >= BATCH:
                added += _insert_count(con, sql, batch)
                batch.clear()
                _progress(f"alternate names {path.name}", n, started, progress)
    added += _insert_count(con, sql, batch)
    if progress is not None:
        progress.write("\n")
    return added


def _insert_count(con: sqlite3.Connection, sql: str, rows: list[tuple]) -> int:
    before = con.total_changes
    con.executemany(sql, rows)
    return con.total_changes - before


def _write_meta(con: sqlite3.Connection, dumps: list[Path], alternate_names: Path | None, countries: set[str],
                report: BuildReport, when: dt.datetime) -> None:
    """Record what the store was built from and when: ``geoviz gazetteer info`` prints it."""
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    sources = json.loads(meta.get("sources", "{}"))
    sources[SOURCE] = SOURCE_TEXT
    files = [{"file": p.name, "bytes": p.stat().st_size} for p in dumps]
    if alternate_names is not None:
        files.append({"file": alternate_names.name, "bytes": alternate_names.stat().st_size})
    build = {"built": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "files": files, "countries": sorted(countries),
             "rows_read": report.rows_read, "entries_added": report.kept,
             "already_bundled": report.skipped_bundled, "alternate_names_added": report.alternate_names}
    updates = {"sources": json.dumps(sources, sort_keys=True), "build": json.dumps(build, sort_keys=True)}
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(updates.items()))
