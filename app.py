"""geoviz in the browser: ``streamlit run app.py``.

A first page over the library: look a place up in the bundled gazetteer.
The full article-to-map app follows the map/export work.
"""

from __future__ import annotations

import streamlit as st

from geoviz.gazetteer import default_gazetteer


@st.cache_resource
def gazetteer():
    return default_gazetteer()


st.set_page_config(page_title="geoviz", layout="wide")
st.title("geoviz")
st.caption("Turn a news article into a map you can trust. Offline gazetteer: GeoNames (CC BY 4.0), Natural Earth.")

query = st.text_input("Find a place", value="Khasan")
if query.strip():
    hits = gazetteer().search(query, 10)
    if hits:
        st.dataframe([{"name": e.name, "kind": e.kind, "country": e.country, "admin1": e.admin1_name,
                       "lat": e.lat, "lon": e.lon, "population": e.population, "id": e.id} for e in hits])
        st.map([{"lat": e.lat, "lon": e.lon} for e in hits[:1]])
    else:
        st.info(f"No place named {query!r} in the bundled gazetteer.")
