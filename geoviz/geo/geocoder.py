"""A geopy geocoder over the bundled gazetteer: geopy's interface, no network.

Code written against geopy (``geocode``/``reverse`` returning
``geopy.Location``) can swap Nominatim for this class and keep working
offline. Ranking follows :func:`geoviz.geo.gazetteer.prior`; a query with no
exact match falls back to fuzzy matching (typos, transliterations).
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geoviz.geo.gazetteer import Gazetteer, default_gazetteer
from geoviz.model import Entry


def _location(entry: Entry, score: float | None = None) -> Location:
    parts = [entry.name]
    if entry.admin1_name and entry.admin1_name != entry.name:
        parts.append(entry.admin1_name)
    if entry.country and entry.kind != "country":
        parts.append(entry.country)
    raw: dict[str, Any] = entry.to_dict()
    if score is not None:
        raw["score"] = score
    return Location(", ".join(parts), Point(entry.lat, entry.lon), raw)


class GazetteerGeocoder(Geocoder):
    """geopy ``Geocoder`` answering from the bundled gazetteer.

    It never opens a socket: the adapter geopy's base class sets up is never
    called, because :meth:`geocode` and :meth:`reverse` are answered from
    SQLite.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, fuzzy: bool = True) -> None:
        super().__init__(user_agent="geoviz-offline")
        self.gazetteer = gazetteer or default_gazetteer()
        self.fuzzy = fuzzy

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None,
                **_ignored: Any) -> Location | list[Location] | None:
        """Best match (``exactly_one``) or ranked matches for a place name.

        Returns None when nothing matches, as geopy geocoders do.
        """
        n = 1 if exactly_one else max(1, limit or 10)
        found = [_location(e) for e in self.gazetteer.lookup(query, n)]
        if not found and self.fuzzy:
            found = [_location(e, s) for e, s in self.gazetteer.fuzzy(query, n)]
        if not found:
            return None
        return found[0] if exactly_one else found

    def reverse(self, query: Any, *, exactly_one: bool = True, **_ignored: Any) -> Location | list[Location] | None:
        """The nearest populated place to a point, with its country and province in ``raw``."""
        point = Point(query)
        res = self.gazetteer.reverse(point.latitude, point.longitude)
        if res.nearest is None:
            return None
        loc = _location(res.nearest)
        loc.raw.update({"reverse": res.to_dict()})
        return loc if exactly_one else [loc]
