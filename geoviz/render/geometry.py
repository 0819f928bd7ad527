"""Where things go on the map: the longitude window of the story, bounds, ring boxes, label spots.

Plain functions over ``[lat, lon]`` lists; no folium here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__ = ["LonWindow", "bounds", "centre", "crosses_antimeridian", "destination", "finite", "label_spot",
           "ring_box"]


def finite(lat: Any, lon: Any) -> bool:
    """Whether (lat, lon) is a point a map can draw (numbers, finite, a latitude within the poles)."""
    try:
        return math.isfinite(float(lat)) and math.isfinite(float(lon)) and -90 <= float(lat) <= 90
    except (TypeError, ValueError):
        return False


class LonWindow:
    """One 360-degree window of longitudes for the whole story: every marker and line on one copy of the world.

    Leaflet draws what it is given: a route Vladivostok -> Anchorage arrives
    with longitudes 131.9 ... 210.1 (unwrapped), so the Anchorage marker must
    be drawn at 210.1, not -149.9, or the line ends in the middle of the
    Pacific. The window's edge goes through the widest empty stretch of
    longitude between the story's places, so nothing is cut apart; when the
    stretch over the antimeridian is nearly as wide (at least half as wide),
    the window is the usual -180 ... 180 (``standard``), which a reader
    expects and which lets the map keep to one world copy
    (``worldCopyJump``). The old circular mean put New Zealand and New South
    Wales west of the Americas when a story also named Europe and America.
    """

    def __init__(self, lons: Sequence[float], crosses: bool = False) -> None:
        """``crosses``: a line of the story (a leg, a claim) goes over the antimeridian, so the usual window
        would cut it; the window then always goes through the widest empty stretch."""
        ring = sorted({_wrap(float(v)) for v in lons if math.isfinite(float(v))})
        self.centre = 0.0
        if len(ring) >= 2:
            gaps = [(ring[(i + 1) % len(ring)] - a) % 360.0 for i, a in enumerate(ring)]
            widest = max(range(len(ring)), key=gaps.__getitem__)
            over_antimeridian = gaps[-1]  # from the most eastern place round to the most western one
            if crosses or over_antimeridian < 0.5 * gaps[widest]:
                self.centre = _wrap(ring[widest] + gaps[widest] / 2.0 + 180.0)
        self.standard = self.centre == 0.0

    def lon(self, lon: float) -> float:
        if self.centre - 180.0 <= lon < self.centre + 180.0:
            return lon  # already inside: untouched, so no rounding noise
        return (lon - self.centre + 180.0) % 360.0 - 180.0 + self.centre

    def line(self, line: Sequence[Sequence[float]]) -> list[list[float]]:
        """Shift a continuous line by a whole number of turns so it starts inside the window."""
        if not line:
            return []
        shift = round((self.lon(float(line[0][1])) - float(line[0][1])) / 360.0) * 360.0
        return [[float(lat), float(lon) + shift] for lat, lon in line]


def _wrap(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def crosses_antimeridian(line: Sequence[Sequence[float]]) -> bool:
    """Whether an unwrapped ``[lat, lon]`` line (a leg, a claim) goes over the antimeridian."""
    lons = [float(p[1]) for p in line]
    return bool(lons) and (max(lons) > 180.0 or min(lons) < -180.0
                           or any(abs(b - a) > 180.0 for a, b in zip(lons, lons[1:])))


def label_spot(line: Sequence[Sequence[float]], fraction: float, sides: tuple[str, str]) -> tuple[list[float], str]:
    """Where along a line to put its label, and on which side of it.

    Route legs and claim lines often run side by side (both end at the same
    place); leg labels go left of (or above) their line and claim labels right
    of (or below) theirs, at different fractions, so the two never stack.
    """
    i = min(len(line) - 1, max(0, round((len(line) - 1) * fraction)))
    a, b = line[max(0, i - 1)], line[min(len(line) - 1, i + 1)]
    dx = (float(b[1]) - float(a[1])) * math.cos(math.radians(float(line[i][0])))
    dy = float(b[0]) - float(a[0])
    return [float(line[i][0]), float(line[i][1])], sides[0] if abs(dy) >= abs(dx) else sides[1]


def bounds(points: Sequence[Sequence[float]]) -> list[list[float]]:
    """[[south, west], [north, east]] of the points; [] for none."""
    if not points:
        return []
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def centre(box: list[list[float]]) -> list[float]:
    return [(box[0][0] + box[1][0]) / 2.0, (box[0][1] + box[1][1]) / 2.0]


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` along ``bearing`` from (lat, lon) on the WGS84 ellipsoid (for ring labels)."""
    from geopy.distance import geodesic

    p = geodesic(kilometers=km).destination((lat, lon), bearing)
    return float(p.latitude), float(p.longitude)


def ring_box(at: Sequence[float], km: float) -> list[list[float]]:
    """Two corners bounding a ring of ``km`` around ``at`` (enough to fit it in view)."""
    dlat = km / 111.2
    dlon = km / max(1.0, 111.3 * math.cos(math.radians(min(85.0, abs(at[0])))))
    return [[max(-85.0, at[0] - dlat), at[1] - dlon], [min(85.0, at[0] + dlat), at[1] + dlon]]
