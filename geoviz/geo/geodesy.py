"""Distances, bearings and map lines on the WGS84 ellipsoid.

Everything here goes through Karney's geodesic algorithms (geopy's
``geodesic`` and geographiclib), not a spherical formula: news distances are
checked to a few per cent, and the sphere alone is off by up to 0.5 %, which
would eat a visible share of that budget for no reason.

Points are ``(lat, lon)`` pairs in decimal degrees, or any object with
``.lat``/``.lon`` (our ``Place`` and ``Entry``) or ``.latitude``/``.longitude``
(geopy's ``Point`` and ``Location``), so callers never have to unpack.

A route's legs are built here too (:func:`build_legs`, and
:func:`split_antimeridian` for GeoJSON): they are geometry over the story's
plain :class:`~geoviz.model.Stop` and :class:`~geoviz.model.Leg`. Which
places are stops is the story's business (geoviz.story.journeys), not this
module's.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geoviz.model.story import Leg, Stop

__all__ = [
    "COMPASS_16",
    "KM_PER_MILE",
    "KM_PER_NAUTICAL_MILE",
    "LEG_STEP_KM",
    "Measurement",
    "angle_difference",
    "build_legs",
    "compass",
    "compass_bearing",
    "distance_km",
    "geodesic_line",
    "great_circle_km",
    "initial_bearing",
    "latlon",
    "measure",
    "route_legs",
    "route_length_km",
    "split_antimeridian",
]

#: Exact by definition (international mile, 1959; nautical mile, 1929).
KM_PER_MILE = 1.609344
KM_PER_NAUTICAL_MILE = 1.852

#: The 16 points in clockwise order from north; the 8- and 4-point roses are
#: every 2nd and 4th entry, so one table serves all three.
COMPASS_16 = (
    "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
    "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
)  # fmt: skip

_WGS84 = Geodesic.WGS84


def latlon(point: Any) -> tuple[float, float]:
    """Coerce the point shapes the pipeline passes around into ``(lat, lon)``.

    Raises ``ValueError`` for a latitude outside [-90, 90] or a non-finite
    value, because a silently wrapped latitude would give a plausible-looking
    but meaningless distance.
    """
    if hasattr(point, "lat") and hasattr(point, "lon"):
        lat, lon = point.lat, point.lon
    elif hasattr(point, "latitude") and hasattr(point, "longitude"):
        lat, lon = point.latitude, point.longitude
    else:
        lat, lon = point[0], point[1]
    lat, lon = float(lat), float(lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"non-finite coordinate ({lat}, {lon})")
    if not -90.0 <= lat <= 90.0:
        raise ValueError(f"latitude {lat} outside [-90, 90]")
    return lat, lon


def distance_km(a: Any, b: Any) -> float:
    """Geodesic (Karney) distance in km between two points."""
    return geodesic(latlon(a), latlon(b)).km


def initial_bearing(a: Any, b: Any) -> float:
    """Forward azimuth at ``a`` towards ``b``, degrees clockwise from north in [0, 360).

    The *initial* bearing is what "B is north-east of A" describes; on long
    routes the heading changes along the way, so the final azimuth would
    answer a different question.
    """
    (lat1, lon1), (lat2, lon2) = latlon(a), latlon(b)
    azi = _WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.AZIMUTH)["azi1"]
    return azi % 360.0


def compass(bearing: float, points: int = 16) -> str:
    """Name the compass point nearest to ``bearing`` on a 4-, 8- or 16-point rose."""
    if points not in (4, 8, 16):
        raise ValueError("points must be 4, 8 or 16")
    stride = 16 // points
    sector = 360.0 / points
    index = math.floor((bearing % 360.0) / sector + 0.5) % points
    return COMPASS_16[index * stride]


def compass_bearing(name: str) -> float:
    """Centre bearing of a compass point abbreviation ("NW" -> 315.0)."""
    return COMPASS_16.index(name.upper()) * 22.5


def angle_difference(a: float, b: float) -> float:
    """Smallest absolute difference between two bearings, in [0, 180]."""
    d = abs((a - b) % 360.0)
    return min(d, 360.0 - d)


def route_legs(points: Sequence[Any]) -> list[float]:
    """Geodesic length in km of each leg of an ordered list of stops."""
    pts = [latlon(p) for p in points]
    return [geodesic(p, q).km for p, q in itertools.pairwise(pts)]


def route_length_km(points: Sequence[Any]) -> float:
    """Total geodesic length in km of an ordered list of stops."""
    return math.fsum(route_legs(points))


def geodesic_line(a: Any, b: Any, step_km: float = 50.0) -> list[tuple[float, float]]:
    """Points along the geodesic from ``a`` to ``b``, at most ``step_km`` apart.

    Leaflet joins vertices with straight lines in (lon, lat) space, so a long
    route must be densified to follow the curve, and its longitudes must be
    *continuous*: Vladivostok (131.9) to Anchorage (-149.9) is returned as
    131.9 ... 180 ... 210.1, because jumping from 179 to -179 would make
    Leaflet draw the line the long way round, across Eurasia. geographiclib's
    ``LONG_UNROLL`` gives exactly that unwrapped longitude. The first point
    keeps ``a``'s longitude as given.
    """
    if not step_km > 0 or not math.isfinite(step_km):
        raise ValueError("step_km must be a positive finite number")
    (lat1, lon1), (lat2, lon2) = latlon(a), latlon(b)
    caps = Geodesic.STANDARD | Geodesic.DISTANCE_IN | Geodesic.LONG_UNROLL
    line = _WGS84.InverseLine(lat1, lon1, lat2, lon2, caps)
    total_m = line.s13
    n = max(1, math.ceil(total_m / (step_km * 1000.0)))
    out: list[tuple[float, float]] = [(lat1, lon1)]
    for i in range(1, n + 1):
        pos = line.Position(total_m * i / n, Geodesic.STANDARD | Geodesic.LONG_UNROLL)
        out.append((pos["lat2"], pos["lon2"]))
    # Snap the end to the exact input latitude (the series leaves ~1e-14 of
    # noise), keeping the unrolled longitude.
    out[-1] = (lat2, out[-1][1])
    return out


#: Leg lines are densified to vertices this far apart: smooth at any zoom, a few hundred points at most.
LEG_STEP_KM = 50.0


def build_legs(stops: list[Stop], step_km: float = LEG_STEP_KM) -> list[Leg]:
    """Legs between consecutive stops: geodesic distance, densified line, mode.

    A leg's mode is the mode stated for reaching its end stop; when the text
    states none, the previous leg's mode carries on ("arrived by train ...
    then went on to X" is still the train): a journey's mode is usually said
    once. A leg to or from an ``implied`` stop is ``implied`` too: its distance
    is never the article's.
    """
    legs: list[Leg] = []
    mode: str | None = None
    for a, b in zip(stops, stops[1:]):
        mode = b.mode or mode
        line = [[lat, lon] for lat, lon in geodesic_line((a.lat, a.lon), (b.lat, b.lon), step_km=step_km)]
        legs.append(Leg(a.place_id, b.place_id, mode, distance_km((a.lat, a.lon), (b.lat, b.lon)), line,
                        implied=bool(a.implied or b.implied)))
    return legs


def split_antimeridian(line: Iterable[Iterable[float]]) -> list[list[list[float]]]:
    """Split an unwrapped ``[lat, lon]`` line into GeoJSON ``[lon, lat]`` parts within [-180, 180].

    RFC 7946 (section 3.1.9) asks for lines crossing the antimeridian to be cut
    there, so GIS tools do not draw them across the whole map. The crossing
    latitude is interpolated linearly in (lon, lat), which is exact enough for
    the ~50 km segments of a densified geodesic.
    """
    parts: list[list[list[float]]] = []
    current: list[list[float]] = []
    prev: tuple[float, float] | None = None
    for lat, lon in line:
        lat, lon = float(lat), float(lon)
        if prev is not None:
            plat, plon = prev
            k0, k1 = _wrap_index(plon), _wrap_index(lon)
            while k0 != k1:
                step = 1 if k1 > k0 else -1
                boundary = 180.0 + 360.0 * k0 if step > 0 else -180.0 + 360.0 * k0
                t = (boundary - plon) / (lon - plon) if lon != plon else 0.0
                blat = plat + t * (lat - plat)
                current.append([180.0 if step > 0 else -180.0, blat])
                parts.append(current)
                current = [[-180.0 if step > 0 else 180.0, blat]]
                k0 += step
        current.append([_normal_lon(lon), lat])
        prev = (lat, lon)
    parts.append(current)
    kept = [q for q in (_dedupe_points(p) for p in parts) if len(q) >= 2]
    if not kept and current:
        # A zero-length leg (a stop repeated): still a valid two-position line.
        kept = [[current[0], list(current[0])]]
    return kept


def _wrap_index(lon: float) -> int:
    """Which 360-degree copy of the world a longitude lies in (0 for [-180, 180])."""
    if -180.0 <= lon <= 180.0:
        return 0
    return int((lon + 180.0) // 360.0)


def _normal_lon(lon: float) -> float:
    if -180.0 <= lon <= 180.0:
        return lon
    return (lon + 180.0) % 360.0 - 180.0


def _dedupe_points(points: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


@dataclass(frozen=True, slots=True)
class Measurement:
    """What a reader asks of "how far is A from B": one distance in three units, and where."""

    km: float
    miles: float
    nautical_miles: float
    bearing: float
    compass: str
    back_bearing: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def measure(a: Any, b: Any) -> Measurement:
    """Distance and direction from ``a`` to ``b`` for any two places or coordinates.

    ``back_bearing`` is the azimuth from ``b`` back to ``a``; on a geodesic it
    is not simply ``bearing + 180``, and the UI shows both.
    """
    (lat1, lon1), (lat2, lon2) = latlon(a), latlon(b)
    inv = _WGS84.Inverse(lat1, lon1, lat2, lon2)
    km = geodesic((lat1, lon1), (lat2, lon2)).km
    bearing = inv["azi1"] % 360.0
    return Measurement(
        km=km,
        miles=km / KM_PER_MILE,
        nautical_miles=km / KM_PER_NAUTICAL_MILE,
        bearing=bearing,
        compass=compass(bearing),
        back_bearing=(inv["azi2"] + 180.0) % 360.0,
    )



EARTH_MEAN_RADIUS_KM = 6371.0088  # IUGG mean radius


def great_circle_km(a_rad: np.ndarray, b_rad: np.ndarray) -> np.ndarray:
    """Matrix of great-circle km between two arrays of (lat, lon) points in radians.

    For ranking thousands of candidate pairs, where a spherical distance is
    plenty; every distance a user reads goes through geopy's geodesic.
    """
    dlat = a_rad[:, None, 0] - b_rad[None, :, 0]
    dlon = a_rad[:, None, 1] - b_rad[None, :, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a_rad[:, None, 0]) * np.cos(b_rad[None, :, 0]) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_MEAN_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def great_circle_pair_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle km between two points in degrees: the scalar twin of :func:`great_circle_km`.

    NumPy's per-call overhead dominates for one pair, which the resolver asks
    for thousands of times per corpus.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p1 - p2) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon1 - lon2) / 2) ** 2
    return 2 * EARTH_MEAN_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))
