"""The bundled gazetteer: exact, prefix and fuzzy name lookup, and reverse lookup.

The store is a read-only SQLite file built by ``gazetteer/build.py`` and
shipped inside the package, so geocoding never touches the network. Lookups
return :class:`geoviz.model.Entry` rows ranked by :func:`prior`, the
document-free plausibility of a place: what a reader assumes a bare name
means before reading anything else ("Paris" is the French capital).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import math
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from geoviz.errors import GeovizError
from geoviz.geo.stores import bundled_store_path, chosen_store
from geoviz.model import Entry
from geoviz.nlp import lexicon
from geoviz.nlp.names import fold

SCHEMA_VERSION = 1
MAX_QUERY_CHARS = 200

# Prior = kind base + population term + capital bonus (docs/gazetteer.md, "Ranking (the prior)").
# Bigger, more administrative, more central places are what a bare name
# usually means; neighbourhoods (PPLX) and historical places (PPLH) rarely.
# Facilities and landmarks are in the store only because the news names them
# often (curated/places.csv), so they outrank a same-named village.
# Kinds without a population (regions, seas, rivers, curated sites) carry
# it in their base: a named sea outranks a hamlet of the same name.
KIND_BASE = {
    "country": 0.9, "admin1": 0.7, "region": 1.1, "sea": 1.1, "admin2": 0.45, "lake": 0.9,
    "facility": 1.2, "landmark": 1.2, "river": 0.8, "airport": 0.7, "peak": 0.6,
    "populated place": 0.3, "port": 0.3,
}
CAPITAL_BONUS = {"PPLC": 0.6, "PPLA": 0.15, "PPLG": 0.1, "PPLA2": 0.05, "PPLA3": 0.02,
                 "PPLX": -0.12, "PPLH": -0.2, "PPLQ": -0.2, "PPLW": -0.2, "PPLL": -0.05}
# A query that is an entry's own name beats one that is only an alternate
# name of a bigger place ("Khasan" is also a Russian spelling of Hassan, India).
OWN_NAME_BONUS = 0.35
# The store keeps kinds as small integers: their index here. Append only.
KINDS = ("country", "admin1", "admin2", "populated place", "airport", "port", "facility", "landmark",
         "region", "sea", "lake", "river", "peak")


# Each tenfold of population adds this much, up to 10 million.
POP_PER_DECADE = 0.15

# GeoNames feature codes that only a full store (``geoviz gazetteer build``) holds; the bundled store has
# none of them, so its ranking is unchanged. A hospital, church, valley or small admin unit from the dump
# is one of thousands of the same name and needs context to win: its prior falls to about a village's,
# so a town of the same name keeps a bare mention. Curated facilities and landmarks carry no code and
# keep their high base. (AIRP, PRT, LK, STM, SEA, GULF, BAY, CAPE and PASS are also bundled codes: kept as they are.)
# The adjustment per code: geoviz/nlp/lexicon/geonames_codes.json, "prior_adjust".
DUMP_CODE_ADJUST: dict[str, float] = lexicon.table("geonames_codes")["prior_adjust"]


@functools.lru_cache(maxsize=65_536)
def prior(kind: str, population: int, feature_code: str) -> float:
    """Document-free plausibility of an entry, roughly in [0, 1.5].

    Cached: the resolver asks it of every candidate of every name in every
    document, and the same places come back (a logarithm per call otherwise).
    """
    pop_term = POP_PER_DECADE * min(7.0, math.log10(1 + max(0, population)))
    return (KIND_BASE.get(kind, 0.3) + pop_term + CAPITAL_BONUS.get(feature_code, 0.0)
            + DUMP_CODE_ADJUST.get(feature_code, 0.0))


_DESIGNATION = re.compile(r"\b(Krai|Kray|Oblast|Province|Prefecture|Region|Governorate|State|County|Republic|"
                          r"Okrug|Voivodeship|Department|District|Territory|Canton|Parish)\b")


_TRANSLITERATION = re.compile(r"iy\b|yy\b|\bKray\b|'")


class GazetteerError(GeovizError, RuntimeError):
    """The store is missing, corrupt or from another version; the message names the fix."""


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What is at a point: its country, first-level division and nearest town."""

    lat: float
    lon: float
    country: str
    country_name: str
    admin1: str
    admin1_name: str
    admin1_formal: str
    nearest: Entry | None
    nearest_km: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "lat": self.lat, "lon": self.lon, "country": self.country, "country_name": self.country_name,
            "admin1": self.admin1, "admin1_name": self.admin1_name, "admin1_formal": self.admin1_formal,
            "nearest": self.nearest.to_dict() if self.nearest else None,
            "nearest_km": None if self.nearest_km is None else round(self.nearest_km, 3),
        }


def default_store_path() -> Path:
    """The bundled store (what ``Gazetteer()`` opens); :func:`default_gazetteer` may choose a built one."""
    return bundled_store_path()


_COLUMNS = "e.rowid, e.id, e.name, e.lat_e5, e.lon_e5, e.kind, e.feature_code, e.country, e.admin1, " \
           "e.population, e.source, e.ascii_name, e.prior_e3, e.detail, e.admin2"
# Index of the name form (0 own name, 1 alternate, 2 code) in lookup rows, after the columns.
FORM = 15
OWN, ALTERNATE, CODE = 0, 1, 2


class Reading(NamedTuple):
    """One entry a name can stand for: the entry, its prior (kind, population, capital) and the name's form."""

    entry: Entry
    prior: float
    form: int  # OWN (the entry's own name), ALTERNATE, or CODE


def _clean_query(query: object) -> str | None:
    """Fold a user query, or None when it cannot name a place.

    Rejects non-strings loudly (a programming error) and quietly returns
    None for empty, whitespace-only or absurdly long input.
    """
    if not isinstance(query, str):
        raise TypeError(f"query must be str, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        return None
    key = fold("".join(ch if ch.isprintable() else " " for ch in query))
    return key or None


class Gazetteer:
    """Read-only access to the bundled store. Thread-safe; cheap to open."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        if not self.path.is_file():
            raise GazetteerError(
                f"gazetteer store not found at {self.path}; reinstall geoviz (pip install -e .) "
                "or rebuild it with: python gazetteer/build.py")
        try:
            # as_uri() percent-encodes the path: a raw "#" or "?" in an install path would end the path early,
            # drop mode=ro&immutable=1 and let SQLite create an empty database beside the install.
            self._con = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer store {self.path} is unreadable ({exc}); rebuild it with: "
                "python gazetteer/build.py, or reinstall geoviz") from exc
        if meta.get("schema") != str(SCHEMA_VERSION):
            raise GazetteerError(f"gazetteer store {self.path} has schema {meta.get('schema')}, "
                                 f"this geoviz needs {SCHEMA_VERSION}; rebuild with python gazetteer/build.py")
        self.meta = meta
        self._lock = threading.Lock()
        self._fuzzy_index: dict[str, tuple[list[int], list[str]]] | None = None
        self._key_list: list[str] | None = None
        self._key_set: frozenset[str] | None = None
        self._shapes: dict[str, Any] = {}
        self._points: Any = None

    @functools.cached_property
    def _admin1_names(self) -> dict[tuple[str, str], str]:
        return {(cc, a1): name for cc, a1, name in self._query(
            "SELECT country, admin1, name FROM entries WHERE kind = ?", (KINDS.index("admin1"),))}

    def _entry(self, row: tuple) -> Entry:
        """An Entry from a raw ``_COLUMNS`` row."""
        return Entry(id=row[1], name=row[2], lat=row[3] / 1e5, lon=row[4] / 1e5, kind=KINDS[row[5]],
                     feature_code=row[6], country=row[7], admin1=row[8],
                     admin1_name=self._admin1_names.get((row[7], row[8]), ""), population=row[9],
                     source=f"{row[10]}:{row[13]}" if row[13] else row[10], ascii_name=row[11] or row[2],
                     admin2=row[14])

    # -- exact ------------------------------------------------------------------------------

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def lookup(self, name: str, limit: int = 10, *, include_codes: bool = True) -> list[Entry]:
        """Entries any of whose names fold to the same key, best prior first."""
        key = _clean_query(name)
        if key is None:
            return []
        return [self._entry(r) for r in self._lookup_rows(key, limit, include_codes=include_codes)]

    def readings(self, key: str, limit: int = 50, *, include_codes: bool = True) -> list[Reading]:
        """The entries an already folded key names, each with its prior and how the key names it.

        Ranked by prior plus :data:`OWN_NAME_BONUS` (an entry's own name before an
        alternate one); ``include_codes=False`` leaves out codes ("DAC", "LAX").
        The recogniser's and resolver's hot path: one indexed query.
        """
        return [Reading(self._entry(r), r[12] / 1000, r[FORM])
                for r in self._lookup_rows(key, limit, include_codes=include_codes)]

    def _lookup_rows(self, key: str, limit: int, *, include_codes: bool) -> list[tuple]:
        """``_COLUMNS`` rows followed by the name form (0 own name, 1 alternate, 2 code)."""
        code = "" if include_codes else "AND n.form < 2"
        bonus = round(OWN_NAME_BONUS * 1000)
        return self._query(
            f"SELECT {_COLUMNS}, n.form FROM names n JOIN entries e ON e.rowid = n.entry "
            f"WHERE n.key = ? {code} ORDER BY e.prior_e3 + (n.form = 0) * {bonus} DESC, e.rowid LIMIT ?",
            (key, limit))

    @functools.cached_property
    def _rowid_of(self) -> dict[str, int]:
        """id -> rowid, built on the first ``get``: the store has no index on ids (it would
        cost 5 MB), and apps call ``get`` often once they call it at all."""
        return dict(self._query("SELECT id, rowid FROM entries", ()))

    def _entry_row(self, entry_id: str) -> tuple | None:
        rowid = self._rowid_of.get(entry_id) if isinstance(entry_id, str) else None
        if rowid is None:
            return None
        rows = self._query(f"SELECT {_COLUMNS} FROM entries e WHERE e.rowid = ?", (rowid,))
        return rows[0] if rows else None

    def get(self, entry_id: str) -> Entry | None:
        row = self._entry_row(entry_id)
        return self._entry(row) if row else None

    def alternate_names(self, entry_id: str) -> list[str]:
        rows = self._query("SELECT alt_names FROM entries WHERE id = ?", (entry_id,))
        return [n for n in rows[0][0].split("|") if n] if rows else []

    @functools.cached_property
    def _by_code(self) -> dict[tuple[str, str, str], int]:
        """rowids of countries, capitals and provinces by code, from one scan.

        The store indexes names, not codes; these three lookups run for every
        demonym, qualifier and journey, so one pass builds them all
        (about 50 ms, once) instead of a table scan per call.
        """
        out: dict[tuple[str, str, str], int] = {}
        rows = self._query("SELECT rowid, kind, feature_code, country, admin1, prior_e3 FROM entries "
                           "WHERE kind IN (?, ?) OR feature_code = 'PPLC' ORDER BY prior_e3 DESC, rowid",
                           (KINDS.index("country"), KINDS.index("admin1")))
        for rowid, kind, fcode, cc, a1, _ in rows:
            if kind == KINDS.index("country"):
                out.setdefault(("country", cc, ""), rowid)
            elif kind == KINDS.index("admin1"):
                out.setdefault(("admin1", cc, a1), rowid)
            if fcode == "PPLC":
                out.setdefault(("capital", cc, ""), rowid)
        return out

    def _by_rowid(self, rowid: int | None) -> Entry | None:
        if rowid is None:
            return None
        rows = self._query(f"SELECT {_COLUMNS} FROM entries e WHERE e.rowid = ?", (rowid,))
        return self._entry(rows[0]) if rows else None

    def country(self, code: str) -> Entry | None:
        return self._by_rowid(self._by_code.get(("country", code, "")))

    def capital(self, country: str) -> Entry | None:
        """The national capital (GeoNames PPLC) of a country given by ISO alpha-2 code."""
        return self._by_rowid(self._by_code.get(("capital", country, "")))

    def admin1(self, country: str, code: str) -> Entry | None:
        return self._by_rowid(self._by_code.get(("admin1", country, code)))

    def formal_name(self, entry: Entry) -> str:
        """The name with its designation ("Primorsky Krai" for "Primorye"), if the store has one.

        GeoNames often keeps the short form; English news and readers expect
        the designated one, so reverse lookups show both.
        """
        if _DESIGNATION.search(entry.name):
            return entry.name
        stem = fold(entry.name)[:4]
        found = [alt for alt in self.alternate_names(entry.id)
                 if _DESIGNATION.search(alt) and fold(alt).startswith(stem) and alt.isascii() and "(" not in alt]
        # Prefer the English spelling ("Primorsky Krai") over the scholarly
        # transliteration ("Primorskiy Kray").
        found.sort(key=lambda n: (len(_TRANSLITERATION.findall(n)), n))
        return found[0] if found else ""

    def kind_counts(self) -> dict[str, int]:
        """Entries by kind (``geoviz gazetteer info``, the app's store line): one grouped scan."""
        return {KINDS[k]: n for k, n in self._query("SELECT kind, count(*) FROM entries GROUP BY kind ORDER BY kind",
                                                      ())}

    def demonym(self, text: str) -> tuple[str, str] | None:
        """("KP", "country") for "North Korean"; None if the word is no demonym."""
        key = _clean_query(text)
        if key is None:
            return None
        rows = self._query("SELECT target, target_kind FROM demonyms WHERE key = ?", (key,))
        return (rows[0][0], rows[0][1]) if rows else None

    @functools.cached_property
    def demonym_keys(self) -> dict[str, tuple[str, str]]:
        return {k: (t, kind) for k, t, kind in self._query("SELECT key, target, target_kind FROM demonyms", ())}

    # -- prefix and fuzzy -------------------------------------------------------------------

    def prefix(self, text: str, limit: int = 10) -> list[Entry]:
        """Entries with a name starting with ``text``: a search box's autocomplete."""
        key = _clean_query(text)
        if key is None:
            return []
        hi = key[:-1] + chr(ord(key[-1]) + 1)
        rows = self._query(
            f"SELECT {_COLUMNS} FROM names n JOIN entries e ON e.rowid = n.entry "
            "WHERE n.key >= ? AND n.key < ? AND n.form < 2 GROUP BY e.rowid "
            "ORDER BY e.prior_e3 DESC LIMIT ?", (key, hi, limit))
        return [self._entry(r) for r in rows]

    def _name_key_list(self) -> list[str]:
        """Every distinct folded name (not codes), in key order; read once, shared by the two indexes below.

        Why one string: SQLite joins the keys itself (``group_concat``), so
        Python splits one 6 MB string instead of building half a million row
        tuples: about 0.3 s instead of 0.5 s, and the recogniser's set and the
        fuzzy index no longer read the table twice.
        """
        with self._lock:
            if self._key_list is None:
                (joined,) = self._con.execute(
                    "SELECT group_concat(key, char(10)) FROM "
                    "(SELECT DISTINCT key FROM names WHERE form < 2 ORDER BY key)").fetchone()
                self._key_list = joined.split("\n") if joined else []
            return self._key_list

    def name_keys(self) -> frozenset[str]:
        """Every folded name (not codes) as a set: the recogniser's membership test (built once)."""
        if self._key_set is None:
            self._key_set = frozenset(self._name_key_list())
        return self._key_set

    def has_name_key(self, key: str) -> bool:
        """Whether ``key`` is a folded name (not a code), asked of the store's index: no set to load first.

        Why: a first parse tests only about a hundred keys, far less work than
        loading all of them (:class:`StoreNameKeys`).
        """
        return bool(self._query("SELECT 1 FROM names WHERE key = ? AND form < 2 LIMIT 1", (key,)))

    def _fuzzy_keys(self) -> dict[str, tuple[list[int], list[str]]]:
        """Name keys bucketed by first letter, sorted by length (built once, lazily).

        A typo rarely hits the first letter, and a match is rarely more than
        a few letters longer or shorter, so each query scores only a slice.
        """
        if self._fuzzy_index is None:
            buckets: dict[str, list[str]] = {}
            for key in self._name_key_list():
                buckets.setdefault(key[0], []).append(key)
            index = {}
            for ch, keys in buckets.items():
                keys.sort(key=len)
                index[ch] = ([len(k) for k in keys], keys)
            self._fuzzy_index = index
        return self._fuzzy_index

    def fuzzy(self, text: str, limit: int = 10, cutoff: float = 80.0) -> list[tuple[Entry, float]]:
        """Entries whose name is within a few edits of ``text`` (typos, transliterations).

        Each result carries the similarity (0-100, rapidfuzz ratio); ties go
        to the higher prior.
        """
        from rapidfuzz import fuzz, process

        key = _clean_query(text)
        if key is None:
            return []
        bucket = self._fuzzy_keys().get(key[0])
        if not bucket:
            return []
        lengths, keys = bucket
        slack = max(2, len(key) // 4)
        lo = bisect.bisect_left(lengths, len(key) - slack)
        hi = bisect.bisect_right(lengths, len(key) + slack)
        matches = process.extract(key, keys[lo:hi], scorer=fuzz.ratio, limit=limit * 2, score_cutoff=cutoff)
        scored: dict[str, tuple[Entry, float, float]] = {}
        for match, score, _ in matches:
            for row in self._lookup_rows(match, 5, include_codes=False):
                e = self._entry(row)
                best = scored.get(e.id)
                if best is None or score > best[1]:
                    scored[e.id] = (e, score, row[12])
        ranked = sorted(scored.values(), key=lambda t: (-t[1], -t[2], t[0].id))
        return [(e, s) for e, s, _ in ranked[:limit]]

    def search(self, text: str, limit: int = 10) -> list[Entry]:
        """What a search box should show: exact, then prefix, then fuzzy matches."""
        out: dict[str, Entry] = {}
        for e in self.lookup(text, limit) + self.prefix(text, limit):
            out.setdefault(e.id, e)
        if len(out) < limit:
            for e, _ in self.fuzzy(text, limit):
                out.setdefault(e.id, e)
        return list(out.values())[:limit]

    # -- shapes and reverse -------------------------------------------------------------------

    def _layer(self, layer: str) -> tuple[list[str], list[str], list[Any], Any]:
        """(codes, names, geometries, STRtree) of one polygon layer, loaded once."""
        with self._lock:
            cached = self._shapes.get(layer)
            if cached is None:
                import shapely

                row = self._con.execute("SELECT codes, names, wkb FROM shapes WHERE layer = ?", (layer,)).fetchone()
                if row is None:
                    raise GazetteerError(f"gazetteer store {self.path} lacks the {layer} layer; "
                                         "rebuild it with python gazetteer/build.py")
                geoms = list(shapely.from_wkb(zlib.decompress(row[2])).geoms)
                cached = (json.loads(row[0]), json.loads(row[1]), geoms, shapely.STRtree(geoms))
                self._shapes[layer] = cached
        return cached

    def country_shape(self, code: str, layer: str = "country") -> Any | None:
        codes, _, geoms, _ = self._layer(layer)
        try:
            return geoms[codes.index(code)]
        except ValueError:
            return None

    def basemap(self) -> list[tuple[str, str, Any]]:
        """(code, name, simplified polygon) of every country: the offline basemap."""
        codes, names, geoms, _ = self._layer("basemap")
        return list(zip(codes, names, geoms))

    def _containing(self, layer: str, lat: float, lon: float) -> tuple[str, str]:
        import shapely

        codes, names, geoms, tree = self._layer(layer)
        pt = shapely.Point(lon, lat)
        hits = sorted(int(i) for i in tree.query(pt, predicate="intersects"))
        if not hits:
            # Coastal points fall just outside simplified coastlines: take the
            # nearest polygon when it is within ~10 km.
            idx = tree.nearest(pt)
            if idx is None or geoms[int(idx)].distance(pt) > 0.1:
                return "", ""
            hits = [int(idx)]
        return codes[hits[0]], names[hits[0]]

    def _point_index(self) -> Any:
        if self._points is None:
            import numpy as np

            rows = self._query("SELECT rowid, lat_e5, lon_e5 FROM entries WHERE kind = ? ORDER BY rowid",
                               (KINDS.index("populated place"),))
            self._points = (np.array([r[0] for r in rows]),
                            np.radians(np.array([[r[1] / 1e5, r[2] / 1e5] for r in rows])))
        return self._points

    def nearest_place(self, lat: float, lon: float) -> tuple[Entry, float] | None:
        import numpy as np

        ids, pts = self._point_index()
        if not len(ids):
            return None
        from geoviz.geo.geodesy import great_circle_km

        d = great_circle_km(np.radians(np.array([[lat, lon]])), pts)[0]
        i = int(np.argmin(d))
        km = float(d[i])
        row = self._query(f"SELECT {_COLUMNS} FROM entries e WHERE e.rowid = ?", (int(ids[i]),))[0]
        return self._entry(row), km

    def reverse(self, lat: float, lon: float) -> ReverseResult:
        """Country, first-level division and nearest populated place of a point."""
        for v, lim, what in ((lat, 90, "latitude"), (lon, 180, "longitude")):
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) or abs(v) > lim:
                raise ValueError(f"{what} must be a number within ±{lim}, got {v!r}")
        cc, cname = self._containing("country", lat, lon)
        country = self.country(cc) if cc else None
        a1code, a1name = self._containing("admin1", lat, lon)
        if cc and a1code and not a1code.startswith(cc + "."):
            a1code, a1name = "", ""
        near = self.nearest_place(lat, lon)
        a1 = a1code.partition(".")[2]
        a1entry = self.admin1(cc, a1) if a1 else None
        return ReverseResult(lat=lat, lon=lon, country=cc, country_name=country.name if country else cname,
                             admin1=a1, admin1_name=a1entry.name if a1entry else a1name,
                             admin1_formal=self.formal_name(a1entry) if a1entry else "",
                             nearest=near[0] if near else None, nearest_km=near[1] if near else None)

    def border_km(self, lat: float, lon: float, country: str) -> float | None:
        """Geodesic-ish distance (km) from a point to a country's boundary.

        Measured on the reverse-geocoding polygon: the nearest boundary point
        is found in degrees with shapely, then the distance to it is taken
        with geopy's geodesic, so it is right in km at any latitude.
        """
        import shapely
        from geopy.distance import geodesic
        from shapely.ops import nearest_points

        geom = self.country_shape(country)
        if geom is None:
            return None
        pt = shapely.Point(lon, lat)
        _, near = nearest_points(pt, geom.boundary)
        return geodesic((lat, lon), (near.y, near.x)).km

    def verify(self) -> str:
        """sha256 of the store; raises GazetteerError if it differs from the manifest."""
        manifest = self.path.parent / "MANIFEST.json"
        h = hashlib.sha256()
        with self.path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        digest = h.hexdigest()
        if manifest.is_file():
            expected = json.loads(manifest.read_text(encoding="utf-8")).get("sha256")
            if expected and expected != digest:
                raise GazetteerError(f"gazetteer store {self.path} does not match its manifest "
                                     f"(sha256 {digest[:12]}… != {expected[:12]}…); reinstall geoviz or "
                                     "rebuild with python gazetteer/build.py")
        return digest


class StoreNameKeys(Set[str]):
    """The gazetteer's name keys, each membership test answered by the store's index.

    A stand-in for :meth:`Gazetteer.name_keys` while that set is not loaded:
    the same answers, ~10 µs a test instead of ~0.3 s up front. The app's
    first page uses it so the landing map does not wait for the whole set
    (``geoviz.app.workspace.warm_up``); anything but a membership test loads
    the real set.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.gaz.has_name_key(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.gaz.name_keys())

    def __len__(self) -> int:
        return len(self.gaz.name_keys())


def default_gazetteer() -> Gazetteer:
    """The store :func:`geoviz.geo.stores.chosen_store` picks (a built one, else the bundled one), opened once.

    Keyed by path, so ``--gazetteer``/``GEOVIZ_GAZETTEER`` set for one run open that store without
    reopening the bundled one for every other run in the same process (tests, the app).
    """
    return _open_store(chosen_store()[0].absolute())


@functools.lru_cache(maxsize=4)
def _open_store(path: Path) -> Gazetteer:
    return Gazetteer(path)
