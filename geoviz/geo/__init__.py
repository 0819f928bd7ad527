"""The earth: geodesy (Karney distances, antimeridian), the gazetteer store, and a geopy geocoder over it."""
