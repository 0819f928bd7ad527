"""Geoparse a whole news corpus on Dask: JSONL or Parquet in, (Geo)Parquet tables out.

    report = run_batch("month.jsonl", "month.parquet")                 # 2 local processes
    report = run_batch("month.jsonl", "month.parquet", scheduler="tcp://10.0.0.5:8786")

Why it is shaped like this:

* **Streaming.** The driver never holds the corpus. It makes one pass over the
  input in binary, cutting it into partitions of about ``TARGET_PARTITION_BYTES``
  at line boundaries (JSONL) or row-group boundaries (Parquet), and hashing each
  partition's bytes on the way. A Dask task then reads *only its own byte range*
  and writes its own output files, so the driver and every worker hold at most
  one partition's rows, whatever the corpus size.
* **Resumable.** Every partition writes its files to a temporary name and
  renames them into place (a rename is atomic on one filesystem), then writes a
  marker ``_done/part-NNNNN.json`` last. A partition is skipped on the next run
  when its marker and files exist and its fingerprint (its bytes, its position,
  the field names, the output schema version) matches; anything else is redone.
* **Nothing lost silently.** A line that is not UTF-8, not JSON, not an object,
  or has no string text (and an article the parser refuses) becomes a row in
  ``rejects.jsonl`` with its line number and reason; blank lines are counted.
  ``articles + rejects + blank lines`` is every line of the input.
* **One contract.** Rows come from :func:`geoviz.pipeline.analyse`, the same
  call behind ``geoviz parse --json``, so a batch row equals the single-article
  answer.

Output (``OUT.parquet/`` is a directory; each table is a Parquet dataset that
``pandas.read_parquet("OUT.parquet/mentions")`` or ``pyarrow.dataset`` reads):

``mentions``  one row per resolved mention, with a WKB point ``geometry``
``claims``    one row per distance claim, WKB line subject → anchor when both resolve
``events``    one row per event (empty when the events module is absent)
``articles``  one row per parsed article (counts), so empty articles are visible
``rejects.jsonl``, ``_progress.json`` (plan, status and totals), ``_done/`` (markers)

The tables carry GeoParquet 1.0 ``geo`` metadata (WKB, OGC:CRS84 lon/lat), so
GeoPandas reads them as GeoDataFrames; plain Parquet readers see a binary column.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from geoviz.errors import GeovizError

SCHEMA_VERSION = 1
# ~1 MiB of JSONL is ~500 news articles: a few seconds of work per task, so the
# scheduler balances well on 2 cores, and a worker's memory stays far below 100 MB.
TARGET_PARTITION_BYTES = 1 << 20
DEFAULT_WORKERS = 2
PARTITIONS_PER_WORKER = 4
MIN_PARTITION_BYTES = 64 << 10
TABLES = ("mentions", "claims", "events", "articles")
LOCAL_SCHEDULERS = {"processes", "threads", "sync", "synchronous", "single-threaded"}
_REJECT_SNIPPET = 300


class BatchError(GeovizError):
    """The batch cannot start (missing input, unknown format, no text column): one line for the CLI."""


class SimulatedCrash(RuntimeError):
    """Raised by the test hook ``_fail_partitions`` to stand in for a killed worker."""


# ---------------------------------------------------------------------------
# Output schemas: fixed, so every partition file of a table has the same types
# even when a partition holds no rows or only nulls in a column.
# ---------------------------------------------------------------------------

_GEO_POINT = {"encoding": "WKB", "geometry_types": ["Point"]}
_GEO_LINE = {"encoding": "WKB", "geometry_types": ["LineString"]}


def _geo_schema(fields: list[pa.Field], geometry: dict[str, Any]) -> pa.Schema:
    geo = {"version": "1.0.0", "primary_column": "geometry", "columns": {"geometry": geometry}}
    meta = {b"geo": json.dumps(geo).encode(), b"geoviz_schema": str(SCHEMA_VERSION).encode()}
    return pa.schema(fields, metadata=meta)


_KEY = [pa.field("article_id", pa.string()), pa.field("line", pa.int64())]

SCHEMAS: dict[str, pa.Schema] = {
    "mentions": _geo_schema(_KEY + [
        pa.field("start", pa.int32()), pa.field("end", pa.int32()), pa.field("text", pa.string()),
        pa.field("place_id", pa.string()), pa.field("name", pa.string()),
        pa.field("lat", pa.float64()), pa.field("lon", pa.float64()),
        pa.field("kind", pa.string()), pa.field("country", pa.string()), pa.field("admin1", pa.string()),
        pa.field("confidence", pa.float64()), pa.field("metonym", pa.bool_()),
        pa.field("geometry", pa.binary()),
    ], _GEO_POINT),
    "claims": _geo_schema(_KEY + [
        pa.field("claim_index", pa.int32()), pa.field("sentence", pa.string()),
        pa.field("start", pa.int32()), pa.field("end", pa.int32()),
        pa.field("subject", pa.string()), pa.field("anchor", pa.string()),
        pa.field("subject_id", pa.string()), pa.field("anchor_id", pa.string()),
        pa.field("stated_km", pa.float64()), pa.field("relation", pa.string()), pa.field("hedge", pa.string()),
        pa.field("bearing", pa.string()), pa.field("computed_km", pa.float64()),
        pa.field("computed_bearing", pa.float64()), pa.field("tolerance_km", pa.float64()),
        pa.field("verdict", pa.string()), pa.field("explanation", pa.string()), pa.field("reason", pa.string()),
        pa.field("unit", pa.string()), pa.field("stated_value", pa.float64()),
        pa.field("stated_range", pa.list_(pa.float64())),
        pa.field("extra", pa.string()),  # JSON of keys the contract gained after this schema
        pa.field("geometry", pa.binary()),
    ], _GEO_LINE),
    "events": _geo_schema(_KEY + [
        pa.field("event_id", pa.string()), pa.field("type", pa.string()), pa.field("summary", pa.string()),
        pa.field("sentence", pa.string()), pa.field("start", pa.int32()), pa.field("end", pa.int32()),
        pa.field("place_id", pa.string()), pa.field("place_name", pa.string()),
        pa.field("lat", pa.float64()), pa.field("lon", pa.float64()),
        pa.field("actors", pa.list_(pa.string())), pa.field("date", pa.string()),
        pa.field("date_label", pa.string()), pa.field("certainty", pa.float64()), pa.field("trigger", pa.string()),
        pa.field("extra", pa.string()),
        pa.field("geometry", pa.binary()),
    ], _GEO_POINT),
    "articles": pa.schema(_KEY + [
        pa.field("chars", pa.int64()), pa.field("places", pa.int32()), pa.field("mentions", pa.int32()),
        pa.field("claims", pa.int32()), pa.field("events", pa.int32()), pa.field("routes", pa.int32()),
    ]),
}

_CLAIM_KEYS = {f.name for f in SCHEMAS["claims"]} - {"article_id", "line", "claim_index", "extra", "geometry"}
_EVENT_KEYS = {"id", "type", "summary", "sentence", "start", "end", "place_id", "actors", "date", "date_label",
               "certainty", "trigger"}


# ---------------------------------------------------------------------------
# The plan: partitions of the input, each with a fingerprint
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Partition:
    """One unit of work: a byte range of a JSONL file, or row groups of a Parquet file.

    Plain data so Dask can ship it to a process or a remote worker; workers
    need the same ``path`` and ``out`` (a shared filesystem on a cluster).
    """

    index: int
    fmt: str  # "jsonl" | "parquet"
    path: str
    out: str
    fingerprint: str
    first_line: int  # 1-based line (JSONL) or row (Parquet) number of the first record
    byte_start: int = 0
    byte_end: int = 0
    row_groups: tuple[int, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    date_field: str | None = "date"
    fail: bool = False  # test hook: raise SimulatedCrash instead of writing

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass
class BatchReport:
    """What a batch did; ``articles + rejected + blank_lines`` accounts for every input line."""

    input: str
    output: str
    partitions: int
    ran: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    articles: int = 0
    parsed_now: int = 0  # articles parsed by this run (not resumed); the rate is over these
    rejected: int = 0
    blank_lines: int = 0
    mentions: int = 0
    claims: int = 0
    events: int = 0
    seconds: float = 0.0
    rejects_path: str = ""
    reject_reasons: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.parsed_now / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles_per_s"] = round(self.articles_per_s, 1)
        d["seconds"] = round(self.seconds, 3)
        return d


def _settings_digest(text_field: str, id_field: str, date_field: str | None) -> bytes:
    return json.dumps([SCHEMA_VERSION, text_field, id_field, date_field]).encode()


def _plan_jsonl(path: Path, out: Path, target: int, settings: bytes, base: dict[str, Any]) -> list[Partition]:
    """One streaming pass: cut at line ends once a partition holds ``target`` bytes, hashing as we go."""
    parts: list[Partition] = []
    start = pos = 0
    line_no = first_line = 1
    h = hashlib.blake2b(settings, digest_size=16)

    def close() -> None:
        # Bytes + first line number decide a partition's output (byte offsets do not), so a
        # corpus that grew at the end keeps its earlier partitions when resumed.
        h.update(f"|{first_line}".encode())
        parts.append(Partition(index=len(parts), fmt="jsonl", path=str(path), out=str(out),
                               fingerprint=h.hexdigest(), first_line=first_line,
                               byte_start=start, byte_end=pos, **base))

    with open(path, "rb") as f:
        for raw in f:
            h.update(raw)
            pos += len(raw)
            line_no += 1
            if pos - start >= target:
                close()
                start, first_line = pos, line_no
                h = hashlib.blake2b(settings, digest_size=16)
    if pos > start or not parts:
        close()
    return parts


def _parquet_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.parquet") if not p.name.startswith(("_", ".")))
        if not files:
            raise BatchError(f"{path}: no .parquet files in this directory")
        return files
    return [path]


def _plan_parquet(path: Path, out: Path, target: int, settings: bytes, base: dict[str, Any],
                  text_field: str) -> list[Partition]:
    """Group consecutive row groups up to ``target`` bytes; hash the column chunks the batch reads."""
    parts: list[Partition] = []
    first_row = 1
    for file in _parquet_files(path):
        try:
            meta = pq.ParquetFile(file).metadata
        except (pa.ArrowInvalid, OSError) as exc:
            raise BatchError(f"{file}: not a Parquet file ({exc})") from None
        names = [meta.schema.column(i).name for i in range(meta.num_columns)]
        if text_field not in names:
            raise BatchError(f"{file}: no column {text_field!r} (columns: {', '.join(names)})")
        wanted = [i for i, n in enumerate(names) if n in {text_field, base["id_field"], base["date_field"]}]
        groups: list[int] = []
        size = rows = 0
        h = hashlib.blake2b(settings, digest_size=16)
        with open(file, "rb") as f:
            for g in range(meta.num_row_groups):
                rg = meta.row_group(g)
                for i in wanted:
                    col = rg.column(i)
                    begin = col.data_page_offset
                    if col.has_dictionary_page and col.dictionary_page_offset is not None:
                        begin = min(begin, col.dictionary_page_offset)
                    f.seek(begin)
                    remaining = col.total_compressed_size
                    while remaining > 0:  # chunked: a huge column chunk is never held whole
                        block = f.read(min(remaining, 1 << 20))
                        if not block:
                            break
                        h.update(block)
                        remaining -= len(block)
                groups.append(g)
                size += rg.total_byte_size
                rows += rg.num_rows
                if size >= target or g == meta.num_row_groups - 1:
                    h.update(f"|{file}|{groups}|{first_row}".encode())
                    parts.append(Partition(index=len(parts), fmt="parquet", path=str(file), out=str(out),
                                           fingerprint=h.hexdigest(), first_line=first_row,
                                           row_groups=tuple(groups), **base))
                    first_row += rows
                    groups, size, rows = [], 0, 0
                    h = hashlib.blake2b(settings, digest_size=16)
    return parts


def _input_format(path: Path) -> str:
    if path.is_dir() or path.suffix.lower() in {".parquet", ".pq"}:
        return "parquet"
    with open(path, "rb") as f:
        if f.read(4) == b"PAR1":
            return "parquet"
    return "jsonl"


def plan(input_path: str | os.PathLike[str], output_path: str | os.PathLike[str], *, text_field: str = "text",
         id_field: str = "id", date_field: str | None = "date", partitions: int | None = None,
         workers: int = DEFAULT_WORKERS) -> list[Partition]:
    """Cut the input into partitions (streaming; the driver holds one line at a time)."""
    src, out = Path(input_path), Path(output_path)
    if not src.exists():
        raise BatchError(f"{src}: no such file or directory")
    if partitions is not None and partitions < 1:
        raise BatchError(f"--partitions must be at least 1, not {partitions}")
    fmt = _input_format(src)
    total = sum(p.stat().st_size for p in _parquet_files(src)) if fmt == "parquet" else src.stat().st_size
    if fmt == "jsonl":  # else every record is rejected one by one and the run "succeeds" with 0 articles
        with open(src, "rb") as f:
            head = f.read(4096)
        if not head.strip() and (total <= len(head) or not src.read_bytes().strip()):
            raise BatchError(f"{src} is empty")
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or head.count(b"\x00") > len(head) // 4:
            raise BatchError(f"{src} is UTF-16 or UTF-32 text; batch reads UTF-8 JSONL by byte ranges: convert it "
                             f"first (iconv -f UTF-16 -t UTF-8)")
    if partitions:
        target = max(1, math.ceil(total / partitions))
    else:
        # Bounded size, and at least PARTITIONS_PER_WORKER pieces per worker: the last partitions run while
        # other workers may idle, so with one piece per worker (or 3 pieces on 2 workers) a worker waits up to
        # half the run; with 4 it waits at most about an eighth. Not below MIN_PARTITION_BYTES, where the
        # per-partition cost (a task, four Parquet files) starts to show.
        per_worker = math.ceil(total / (max(1, workers) * PARTITIONS_PER_WORKER))
        target = max(1, min(TARGET_PARTITION_BYTES, max(MIN_PARTITION_BYTES, per_worker)))
    settings = _settings_digest(text_field, id_field, date_field)
    base = {"text_field": text_field, "id_field": id_field, "date_field": date_field}
    if fmt == "parquet":
        return _plan_parquet(src, out, target, settings, base, text_field)
    return _plan_jsonl(src, out, target, settings, base)


# ---------------------------------------------------------------------------
# Reading one partition: (line number, record dict | None, reject reason | None, raw)
# ---------------------------------------------------------------------------

Record = tuple[int, dict[str, Any] | None, str | None, str]


def _read_jsonl(p: Partition) -> Iterator[Record]:
    with open(p.path, "rb") as f:
        f.seek(p.byte_start)
        pos, line_no = p.byte_start, p.first_line
        while pos < p.byte_end:
            raw = f.readline()
            if not raw:
                break
            pos += len(raw)
            no, line_no = line_no, line_no + 1
            if no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 BOM on the first line is an editor's habit, not bad data
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield no, None, f"undecodable bytes: not UTF-8 at byte {exc.start}", raw.decode("utf-8", "replace")
                continue
            if not line.strip():
                yield no, None, None, ""
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield no, None, f"not JSON: {exc.msg} (column {exc.colno})", line
                continue
            if not isinstance(record, dict):
                yield no, None, f"not a JSON object but {type(record).__name__}", line
                continue
            yield no, record, None, line


def _read_parquet(p: Partition) -> Iterator[Record]:
    pf = pq.ParquetFile(p.path)
    names = set(pf.schema_arrow.names)
    columns = [c for c in (p.text_field, p.id_field, p.date_field) if c and c in names]
    row = p.first_line
    for batch in pf.iter_batches(batch_size=256, row_groups=list(p.row_groups), columns=columns):
        for record in batch.to_pylist():
            value = record.get(p.text_field)
            if isinstance(value, (bytes, bytearray)):  # a binary column: decode here so a bad row is one reject
                try:
                    record[p.text_field] = bytes(value).decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield row, None, f"undecodable bytes: not UTF-8 at byte {exc.start}", \
                        bytes(value)[:_REJECT_SNIPPET].decode("utf-8", "replace")
                    row += 1
                    continue
            yield row, record, None, ""
            row += 1


# ---------------------------------------------------------------------------
# One article → rows
# ---------------------------------------------------------------------------


def _valid_date(value: Any) -> str | None:
    """The record's date when it is YYYY-MM-DD; any other value is ignored, not a reason to lose the article."""
    if isinstance(value, str) and len(value) >= 10:
        try:
            return _dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coords(place_id: str | None, places: dict[str, dict[str, Any]]) -> tuple[float, float] | None:
    if not place_id:
        return None
    p = places.get(place_id)
    if p is not None:
        return p["lat"], p["lon"]
    from geoviz.geo.gazetteer import default_gazetteer

    e = default_gazetteer().get(place_id)
    return (e.lat, e.lon) if e is not None else None


class _Tables:
    """Column-wise buffers for one partition (columns, not row dicts: about half the memory)."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list[Any]]] = {
            t: {f.name: [] for f in SCHEMAS[t] if f.name != "geometry"} for t in TABLES}
        self.lines: dict[str, list[tuple[float, float, float, float] | None]] = {"claims": []}
        self.points: dict[str, list[tuple[float, float] | None]] = {"mentions": [], "events": []}

    def add(self, table: str, row: dict[str, Any]) -> None:
        for k, col in self.cols[table].items():
            col.append(row.get(k))

    def add_article(self, article_id: str, line: int, text: str, result: dict[str, Any]) -> None:
        places = {p["id"]: p for p in result["places"]}
        key = {"article_id": article_id, "line": line}
        n_mentions = 0
        for p in result["places"]:
            for m in p["mentions"]:
                n_mentions += 1
                self.add("mentions", {**key, "start": m["start"], "end": m["end"], "text": m["text"],
                                      "place_id": p["id"], "name": p["name"], "lat": p["lat"], "lon": p["lon"],
                                      "kind": p["kind"], "country": p.get("country"), "admin1": p.get("admin1"),
                                      "confidence": p["confidence"], "metonym": bool(p.get("metonym"))})
                self.points["mentions"].append((p["lon"], p["lat"]))
        for i, c in enumerate(result["claims"]):
            extra = {k: v for k, v in c.items() if k not in _CLAIM_KEYS}
            self.add("claims", {**key, **{k: c.get(k) for k in _CLAIM_KEYS}, "claim_index": i,
                                "bearing": None if c.get("bearing") is None else str(c["bearing"]),
                                "extra": json.dumps(extra, ensure_ascii=False) if extra else None})
            a, b = _coords(c.get("subject_id"), places), _coords(c.get("anchor_id"), places)
            self.lines["claims"].append((a[1], a[0], b[1], b[0]) if a and b else None)
        for e in result["events"]:
            extra = {k: v for k, v in e.items() if k not in _EVENT_KEYS}
            at = _coords(e.get("place_id"), places)
            place = places.get(e.get("place_id") or "")
            self.add("events", {**key, **{k: e.get(k) for k in _EVENT_KEYS}, "event_id": e.get("id"),
                                "place_name": place["name"] if place else None,
                                "lat": at[0] if at else None, "lon": at[1] if at else None,
                                "extra": json.dumps(extra, ensure_ascii=False) if extra else None})
            self.points["events"].append((at[1], at[0]) if at else None)
        self.add("articles", {**key, "chars": len(text), "places": len(result["places"]), "mentions": n_mentions,
                              "claims": len(result["claims"]), "events": len(result["events"]),
                              "routes": len(result.get("routes") or [])})

    def table(self, name: str) -> pa.Table:
        cols = dict(self.cols[name])
        schema = SCHEMAS[name]
        if name in self.points:
            cols["geometry"] = _wkb_points(self.points[name])
        elif name in self.lines:
            cols["geometry"] = _wkb_lines(self.lines[name])
        return pa.Table.from_pydict({f.name: cols[f.name] for f in schema}, schema=schema)


def _wkb_points(xy: list[tuple[float, float] | None]) -> list[bytes | None]:
    """Vectorised (shapely 2): one call per partition, not one object per row."""
    if not xy:
        return []
    known = [i for i, p in enumerate(xy) if p is not None]
    out: list[bytes | None] = [None] * len(xy)
    if known:
        pts = shapely.points([xy[i] for i in known])  # type: ignore[misc]
        for i, w in zip(known, shapely.to_wkb(pts)):
            out[i] = w
    return out


def _wkb_lines(segs: list[tuple[float, float, float, float] | None]) -> list[bytes | None]:
    out: list[bytes | None] = [None] * len(segs)
    known = [i for i, s in enumerate(segs) if s is not None]
    if known:
        lines = shapely.linestrings([[(segs[i][0], segs[i][1]), (segs[i][2], segs[i][3])]  # type: ignore[index]
                                     for i in known])
        for i, w in zip(known, shapely.to_wkb(lines)):
            out[i] = w
    return out


# ---------------------------------------------------------------------------
# Running one partition (inside a Dask worker)
# ---------------------------------------------------------------------------


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a hidden temp name in the same directory, then rename: readers never see half a file.

    The leading dot keeps half-written files out of ``pyarrow.dataset`` globbing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _marker(out: Path, name: str) -> Path:
    return out / "_done" / f"{name}.json"


def _outputs(out: Path, name: str) -> list[Path]:
    return [out / t / f"{name}.parquet" for t in TABLES] + [out / "rejects" / f"{name}.jsonl"]


def run_partition(p: Partition) -> dict[str, Any]:
    """Parse one partition and write its files; returns its counts (small: the driver keeps only these)."""
    from geoviz.errors import InputError
    from geoviz.pipeline import analyse

    out = Path(p.out)
    marker = _marker(out, p.name)
    marker.unlink(missing_ok=True)  # from here until the end, this partition is not done
    reader = _read_parquet if p.fmt == "parquet" else _read_jsonl
    tables = _Tables()
    rejects: list[dict[str, Any]] = []
    counts = {"articles": 0, "rejected": 0, "blank_lines": 0}
    where = "row" if p.fmt == "parquet" else "line"
    for line, record, reason, raw in reader(p):
        if record is None and reason is None:
            counts["blank_lines"] += 1
            continue
        if record is not None:
            text = record.get(p.text_field)
            if p.text_field not in record or text is None:
                reason = f"missing {p.text_field!r}"
            elif not isinstance(text, str):
                reason = f"{p.text_field!r} is {type(text).__name__}, not a string"
            elif not _encodable(text) or not _encodable(str(record.get(p.id_field, ""))):
                # JSON can spell lone surrogates ("\\ud800"); Parquet cannot store them, so refuse here
                reason = "undecodable text: lone UTF-16 surrogate, not valid Unicode"
        article_id = None
        if record is not None:
            raw_id = record.get(p.id_field)
            article_id = f"{where}:{line}" if raw_id is None or raw_id == "" else str(raw_id)
        if reason is None and record is not None:
            date = _valid_date(record.get(p.date_field)) if p.date_field else None
            try:
                result = analyse(record[p.text_field], date=date)
            except InputError as exc:  # e.g. over the size limit: the parser's own refusal
                reason = f"refused by the parser: {exc}"
            except Exception as exc:  # noqa: BLE001  one article must not sink the corpus; it is reported
                reason = f"analysis failed: {type(exc).__name__}: {exc}"
            else:
                tables.add_article(article_id or "", line, record[p.text_field], result)
                counts["articles"] += 1
                continue
        counts["rejected"] += 1
        rejects.append({where: line, "id": article_id, "reason": reason, "partition": p.index,
                        "record": raw[:_REJECT_SNIPPET]})
    if p.fail:
        raise SimulatedCrash(f"{p.name}: simulated crash (test hook)")
    for name in TABLES:
        t = tables.table(name)
        counts[name if name != "articles" else "article_rows"] = t.num_rows
        _atomic_write(out / name / f"{p.name}.parquet", lambda tmp, t=t: pq.write_table(t, tmp))

    def write_rejects(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            for r in rejects:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    _atomic_write(out / "rejects" / f"{p.name}.jsonl", write_rejects)
    reasons: dict[str, int] = {}
    for r in rejects:
        head = str(r["reason"]).split(":")[0]
        reasons[head] = reasons.get(head, 0) + 1
    summary = {"index": p.index, "fingerprint": p.fingerprint, **counts, "reject_reasons": reasons}
    # The marker is the commit point: written last, so its presence means every file above is complete.
    _atomic_write(marker, lambda tmp: tmp.write_text(json.dumps(summary), encoding="utf-8"))
    return summary


def _done(p: Partition) -> dict[str, Any] | None:
    """The partition's saved summary when its outputs are complete and were made from these same bytes."""
    out = Path(p.out)
    try:
        summary = json.loads(_marker(out, p.name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if summary.get("fingerprint") != p.fingerprint:
        return None
    if not all(f.exists() for f in _outputs(out, p.name)):
        return None
    return summary


# ---------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------


def _remove_stale(out: Path, count: int) -> None:
    """Partitions past the new plan's end (the input shrank) must not linger in the datasets."""
    for sub in (*TABLES, "rejects", "_done"):
        d = out / sub
        if not d.is_dir():
            continue
        for f in d.iterdir():
            stem = f.name.split(".")[0]
            if f.name.startswith("."):  # a temp file left by a killed worker
                f.unlink(missing_ok=True)
            elif stem.startswith("part-") and stem[5:].isdigit() and int(stem[5:]) >= count:
                f.unlink(missing_ok=True)


def _compute(bag: Any, scheduler: Any, workers: int, progress: bool) -> list[dict[str, Any]]:
    """Run the bag on a local scheduler (with dask's ProgressBar) or on a dask.distributed cluster."""
    if isinstance(scheduler, str) and scheduler in LOCAL_SCHEDULERS:
        # chunksize=1: dask's process pool otherwise ships ready tasks in batches of 6, which
        # puts up to 6 of our (already coarse) partitions on one worker while the other idles.
        opts = {"scheduler": scheduler, "num_workers": workers, "chunksize": 1}
        if progress:
            from dask.diagnostics import ProgressBar

            with ProgressBar(out=sys.stderr):
                return bag.compute(**opts)
        return bag.compute(**opts)
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler, set_as_default=False)
    try:
        # One future per partition: results arrive as partitions finish, which drives the bar.
        with client.as_current():  # without making it the process-wide default client
            futures = client.compute(bag.to_delayed())
            results: list[dict[str, Any]] = []
            for k, fut in enumerate(as_completed(futures), 1):
                results.extend(fut.result())
                if progress:
                    _bar(k, len(futures))
        return results
    finally:
        if client is not scheduler:
            client.close()


def _bar(done: int, total: int, width: int = 40) -> None:
    """The same look as dask's local ProgressBar, for distributed runs (no tqdm, no scheduler plugin)."""
    fill = width * done // total
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r[{'#' * fill}{' ' * (width - fill)}] | {100 * done // total:3d}% Completed | "
                     f"{done}/{total} partitions{end}")
    sys.stderr.flush()


def run_batch(input_path: str | os.PathLike[str], output_path: str | os.PathLike[str], *, text_field: str = "text",
              id_field: str = "id", scheduler: Any = None, partitions: int | None = None, progress: bool = True,
              workers: int = DEFAULT_WORKERS, date_field: str | None = "date",
              _fail_partitions: frozenset[int] | set[int] = frozenset()) -> BatchReport:
    """Geoparse every article of a JSONL or Parquet corpus into ``output_path`` (see the module docstring).

    ``scheduler``: ``None`` or ``"processes"`` (local processes, ``workers`` of
    them), ``"threads"``, ``"sync"``, a ``dask.distributed`` address such as
    ``"tcp://host:8786"``, or a ``distributed.Client``. Workers on a cluster
    must see ``input_path`` and ``output_path`` at the same paths.
    ``partitions``: how many pieces to cut the input into (default: ~1 MiB each).
    Re-running on the same output resumes: finished partitions are skipped.
    ``_fail_partitions`` is a test hook that makes those partitions crash.

    The local ``"processes"`` scheduler spawns fresh interpreters, so a script
    calling this needs the usual ``if __name__ == "__main__":`` guard.
    """
    import dask.bag as db

    t0 = time.perf_counter()
    out = Path(output_path)
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: exists and is not a directory")
    parts = plan(input_path, out, text_field=text_field, id_field=id_field, date_field=date_field,
                 partitions=partitions, workers=workers)
    if _fail_partitions:
        parts = [Partition(**{**asdict(p), "fail": p.index in _fail_partitions}) for p in parts]
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale(out, len(parts))
    done = {p.index: s for p in parts if (s := _done(p)) is not None}
    todo = [p for p in parts if p.index not in done]
    _write_progress(out, input_path, parts, done, state="running")
    summaries = dict(done)
    if todo:
        bag = db.from_sequence(todo, npartitions=len(todo)).map(run_partition)
        try:
            for s in _compute(bag, scheduler or "processes", workers, progress):
                summaries[s["index"]] = s
        finally:  # after a crash too, so _progress.json tells what is already safe
            finished = {p.index: s for p in parts if (s := summaries.get(p.index) or _done(p)) is not None}
            _write_progress(out, input_path, parts, finished,
                            state="finished" if len(finished) == len(parts) else "interrupted")
    report = BatchReport(input=str(input_path), output=str(out), partitions=len(parts),
                         ran=sorted(p.index for p in todo), skipped=sorted(done),
                         rejects_path=str(out / "rejects.jsonl"))
    for s in summaries.values():
        report.articles += s["articles"]
        if s["index"] not in done:
            report.parsed_now += s["articles"]
        report.rejected += s["rejected"]
        report.blank_lines += s["blank_lines"]
        report.mentions += s["mentions"]
        report.claims += s["claims"]
        report.events += s["events"]
        for k, v in s.get("reject_reasons", {}).items():
            report.reject_reasons[k] = report.reject_reasons.get(k, 0) + v
    _merge_rejects(out, parts)
    report.seconds = time.perf_counter() - t0
    _write_progress(out, input_path, parts, summaries, state="finished", report=report)
    return report


def _merge_rejects(out: Path, parts: list[Partition]) -> None:
    """Concatenate the per-partition rejects in input order, streaming (one line in memory)."""

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as dst:
            for p in parts:
                src = out / "rejects" / f"{p.name}.jsonl"
                if src.exists():
                    with open(src, "rb") as f:
                        shutil.copyfileobj(f, dst)

    _atomic_write(out / "rejects.jsonl", write)


def _write_progress(out: Path, input_path: Any, parts: list[Partition], done: dict[int, dict[str, Any]], *,
                    state: str, report: BatchReport | None = None) -> None:
    doc: dict[str, Any] = {
        "state": state, "input": str(input_path), "schema_version": SCHEMA_VERSION,
        "partitions": [{"index": p.index, "name": p.name, "fingerprint": p.fingerprint, "first_line": p.first_line,
                        "bytes": [p.byte_start, p.byte_end] if p.fmt == "jsonl" else None,
                        "row_groups": list(p.row_groups) if p.fmt == "parquet" else None,
                        "done": p.index in done} for p in parts],
    }
    if report is not None:
        doc["report"] = report.to_dict()
    _atomic_write(out / "_progress.json",
                  lambda tmp: tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8"))
