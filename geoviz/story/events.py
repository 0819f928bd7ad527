"""Events: what happened, where, when and by whom, one per placed action of the article.

:func:`extract_events` turns the actions a :class:`~geoviz.story.context.StoryContext`
found (a trigger tied to one of the document's places, with its date and
actors) into :class:`~geoviz.model.Event` records for the map and the JSON
contract, adding what only an event shows: a one-line summary of its clause
and how sure the text is that it happened (hedges such as "may", "plans to",
"reportedly", "according to" lower the certainty).

Which triggers are actions, where and when they happened and who acted is
decided in geoviz.story.context, because journeys date their stops by the same
actions; nothing here changes a journey.
"""

from __future__ import annotations

import re

from geoviz.model import BASE_CERTAINTY, Event
from geoviz.nlp.lexicon import alternation
from geoviz.story.context import Action, StoryContext
from geoviz.story.reading import Clause, Sentence

__all__ = ["extract_events"]

_MODAL_PENALTY = 0.3  # may, could, might, would, plans to ...
_ATTRIBUTION_PENALTY = 0.15  # reportedly, according to, allegedly ...
_MIN_CERTAINTY = 0.2
_SUMMARY_CHARS = 160

_HEDGE_MODAL = re.compile(rf"(?i)\b{alternation('hedge_modal')}\b")
_HEDGE_ATTRIBUTION = re.compile(rf"(?i)\b{alternation('hedge_attribution')}\b")
_CLAUSE_WORD_FIRST = re.compile(rf"(?i)^{alternation('clause_words')}\s+")
# A clause that opens with a name, a determiner or a pronoun has a subject of its own.
_HAS_SUBJECT = re.compile(r"(?:[A-Z0-9]|(?:the|a|an|his|her|their|its|he|she|they|it|we|police|officials)\b)")


def extract_events(ctx: StoryContext) -> list[Event]:
    """Events in text order, ids ``e1``, ``e2`` ...: each clause action tied to one of the document's places.

    New objects on every call: callers may edit the events they get.
    """
    return [_event(ctx.text, a, f"e{i}") for i, a in enumerate(ctx.actions, 1)]


def _event(text: str, a: Action, event_id: str) -> Event:
    sent, clause = a.sentence, a.clause
    return Event(id=event_id, type=a.type, summary=_summary(text, sent, clause),
                 sentence=text[sent.start:sent.end], start=sent.start, end=sent.end, place_id=a.place.id,
                 actors=list(a.actors), date=a.iso_date, date_label=a.date_label,
                 certainty=_certainty(text, sent, clause), trigger=a.trigger.text)


def _certainty(text: str, sent: Sentence, clause: Clause) -> float:
    """A modal in the clause, or an attribution anywhere in the sentence, makes the event less sure."""
    c = BASE_CERTAINTY
    if _HEDGE_MODAL.search(text, clause.start, clause.end):
        c -= _MODAL_PENALTY
    if _HEDGE_ATTRIBUTION.search(text, sent.start, sent.end):
        c -= _ATTRIBUTION_PENALTY
    return round(max(_MIN_CERTAINTY, c), 3)


def _summary(text: str, sent: Sentence, clause: Clause) -> str:
    """A whole clause that says what happened: the sentence when it fits in 160 chars, else the action's clause
    when it carries its own subject, else the sentence cut at a word.

    "awaited Kim's arrival for the summit" is a fragment (its subject is in another clause), so it is never
    the summary on its own.
    """
    if not clause.triggers:
        # A calendar's line ("19/20 April: Sepang, Selangor"): the line is the fixture, not the run of lines.
        return " ".join(text[clause.start:clause.end].split())[:_SUMMARY_CHARS]
    whole = " ".join(text[sent.start:sent.end].split())
    if len(whole) <= _SUMMARY_CHARS:
        return whole
    own = _CLAUSE_WORD_FIRST.sub("", " ".join(text[clause.start:clause.end].split()))
    first = sent.clauses[0] if sent.clauses else clause
    opener = " ".join(text[first.start:first.end].split())
    if len(own) >= 25 and _HAS_SUBJECT.match(own):
        whole = own
    elif first is not clause and len(opener) <= 60 and _HAS_SUBJECT.match(opener) and not first.triggers:
        # "President Putin, who was already at ..., awaited Kim's arrival for the summit": subject + action.
        whole = f"{opener} {own}"
    if len(whole) <= _SUMMARY_CHARS:
        return whole
    cut = whole[:_SUMMARY_CHARS - 1]
    return cut[:cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut + "…"
