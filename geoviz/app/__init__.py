"""The Streamlit app's logic: the only package that imports streamlit (the page itself is ``app.py``).

* :mod:`~geoviz.app.articles`: the sample articles and uploads (refused with a message a reader can act on);
* :mod:`~geoviz.app.workspace`: the parsed scene and the user's edits to it;
* :mod:`~geoviz.app.tables`: what the tabs show (places, claims, the verdict line, the measure pair);
* :mod:`~geoviz.app.markup`: the article as highlighted HTML, names made literal for Markdown;
* :mod:`~geoviz.app.mapframe`: the map, rendered once per scene version and shown through st_folium;
* :mod:`~geoviz.app.resources`: the cached gazetteer, parses and searches every session shares;
* :mod:`~geoviz.app.warmup`: the work done at server start so the first page comes sooner.

Only ``resources`` and ``mapframe`` import streamlit (``warmup`` works through them); the others are plain
Python, tested without a Streamlit runtime.
"""
