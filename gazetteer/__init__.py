"""The bundled gazetteer store, installed as the ``geoviz_gazetteer`` package.

Only data lives here (the SQLite store, its manifest and attribution); the
code that builds it is ``build.py`` and the code that reads it is
``geoviz.geo.gazetteer``.
"""
