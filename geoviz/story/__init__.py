"""What the article tells beyond its places: events (what happened where) and journeys (who went where).

Read in this order, each module over the ones before it:

* ``reading``: sentences, clauses, trigger words, place mentions and what governs them;
* ``actors``: who acts in a clause, and whom a pronoun means;
* ``context``: :class:`StoryContext`, the per-document reading and the actions (placed, dated triggers)
  both stages share; the caller builds it once per document;
* ``events``: :func:`extract_events`, the actions as map events (summary, certainty);
* ``journeys``: :func:`extract_journeys`, one route per traveller.

The pipeline (geoviz.pipeline) is the only caller that wires them to a gazetteer.
"""
