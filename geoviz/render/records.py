"""A claim as one documented dict, whatever form the Scene holds it in.

A Scene's claims are :class:`geoviz.claims.Claim` objects when it was
parsed, plain dicts when it was loaded back from GeoJSON. The map's labels and
the claims CSV read both through :func:`claim_dict`, so they show the same
numbers. It lives here, below both the map and the exports (``geoviz.export``
imports the map), so neither reaches into the other.
"""

from __future__ import annotations

from typing import Any

__all__ = ["claim_dict"]

#: Numbers the map and the CSV take from the claim itself rather than from ``to_dict``'s rounded copy.
_UNROUNDED = ("stated_km", "computed_km", "computed_bearing", "tolerance_km")


def claim_dict(claim: Any) -> dict[str, Any]:
    """A claim as the documented dict, whether it is a geoviz.model.Claim, a plain dict or a dataclass-like."""
    if isinstance(claim, dict):
        return dict(claim)
    if hasattr(claim, "to_dict"):
        d = dict(claim.to_dict())
        # to_dict rounds for the JSON contract; labels round again, and rounding twice can disagree
        # with the checker's own explanation (1011.46 -> 1011.5 -> "1,012" vs "1,011").
        for key in _UNROUNDED:
            if isinstance(getattr(claim, key, None), int | float):
                d[key] = getattr(claim, key)
        return d
    return {k: getattr(claim, k) for k in dir(claim) if not k.startswith("_") and not callable(getattr(claim, k))}
