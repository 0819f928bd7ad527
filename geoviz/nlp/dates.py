"""Date expressions in news text and the calendar dates they stand for.

Finds absolute dates ("3 March 2024", "September 20, 2023", "2023-09-13"),
weekdays ("on Wednesday", "last Friday morning") and relative expressions
("yesterday", "the next day", "two days later", "last week"), and resolves
each against the article date when there is one. News convention: "on
Wednesday" is the latest Wednesday on or before the article date; a day and
month without a year is the occurrence nearest to it. Without an article date
only absolute dates, and relative ones anchored on a date already fixed ("the
next day" after "3 March 2024"), resolve; the rest stay labels.

It does not decide which expression dates which event (geoviz.story does),
and it reads English only. Months, weekdays and number words come from the
lexicon (months.json, weekdays.txt, number_values.json).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geoviz.nlp.lexicon import entries, table
from geoviz.nlp.patterns import letter_forms

__all__ = ["DateExpr", "date_exprs", "parse_iso", "resolve_date"]

#: Month forms ("january", "jan", "sept") -> month number; months.json lists the months in calendar order.
_MONTH_NUMBERS = {form: i for i, forms in enumerate(table("months"), 1) for form in forms}
#: Capitalised, as dates are written: "may" and "march" in lower case are a verb and a noun.
_MONTH_RE = "(?:" + "|".join(sorted((m.capitalize() for m in _MONTH_NUMBERS), key=len, reverse=True)) + r")\.?"
#: Monday first, as datetime's weekday() counts.
_WEEKDAYS = tuple(d.capitalize() for d in entries("weekdays"))
#: How many days or weeks a relative date counts ("two days later", "a week earlier"): news writes more in digits.
_COUNTS = {w: n for w, n in table("number_values")["ones"].items() if 1 <= n <= 10} | {"a": 1}
_COUNT_RE = "|".join(sorted(_COUNTS, key=len, reverse=True))

_QUALIFIERS = "last|this|next|on|early|late"
#: The first letters of the relative expressions written below ("yesterday", "the next day", "later this week" ...).
_RELATIVE_FIRSTS = "ytlen"
# Every alternative opens with \b at a word's first character, and that character is a digit, a month's or a
# weekday's capital, or the first letter of a case-insensitive word (a qualifier, a relative word, a count) in
# any case form. The look-around in front says so once, in two one-character tests: the engine then gives up at
# once inside words, between them and at most words, where it tried each alternative in turn (date_exprs runs
# on every dated sentence).
_OPENING = (r"(?<!\w)(?=[\d" + "".join(sorted({f[0] for f in (*(m.capitalize() for m in _MONTH_NUMBERS), *_WEEKDAYS)}))
            + letter_forms({w[0] for w in (*_QUALIFIERS.split("|"), *_RELATIVE_FIRSTS, *_COUNTS)}) + "])")
_DATE = re.compile(
    _OPENING + "(?:"
    rf"\b(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b"
    rf"|\b(?P<md>(?P<mdm>{_MONTH_RE})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy>\d{{4}}))?)\b"
    rf"|\b(?P<dm>(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH_RE})(?:,?\s+(?P<dmy>\d{{4}}))?)"
    rf"(?![\w])"
    rf"|\b(?P<wd>(?:(?P<wq>(?i:{_QUALIFIERS}))\s+)?(?P<wday>{'|'.join(_WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b"
    r"|\b(?P<rel>(?i:yesterday|today|tonight|tomorrow|last\s+night|(?:earlier|later)\s+(?:this|that)\s+"
    r"(?:day|week)|last\s+(?:week|month|year)|this\s+week|next\s+week|the\s+(?:next|following|previous)\s+"
    rf"(?:day|morning|evening|week)|the\s+day\s+(?:after|before)|(?P<rn>\d{{1,2}}|{_COUNT_RE})\s+(?P<ru>days?|weeks?)"
    r"\s+(?P<rd>later|earlier|ago|before|after)))\b)")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression: where it is, how it reads ("Tuesday", "the next day") and what kind it is."""

    start: int
    end: int
    label: str
    kind: str  # absolute | weekday | relative
    match: re.Match[str]


def date_exprs(text: str, start: int, end: int) -> list[DateExpr]:
    """The date expressions in ``text[start:end]``, in text order.

    A weekday's label is the bare day ("Tuesday" for "on Tuesday") unless a
    qualifier changes which day it is ("last Friday").
    """
    out = []
    for m in _DATE.finditer(text, start, end):
        if m.group("iso"):
            kind = "absolute"
        elif m.group("md") or m.group("dm"):
            kind = "absolute"
        elif m.group("wd"):
            kind = "weekday"
        else:
            kind = "relative"
        label = m.group("wday") if kind == "weekday" and (m.group("wq") or "").lower() in ("", "on") else m.group()
        out.append(DateExpr(m.start(), m.end(), label, kind, m))
    return out


def parse_iso(s: str | None) -> dt.date | None:
    """An article date given as ``YYYY-MM-DD`` (a longer timestamp is cut to its date); None if there is none."""
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def resolve_date(expr: DateExpr, ref: dt.date | None, prev: dt.date | None) -> dt.date | None:
    """The calendar date of a date expression, or None when it cannot be fixed.

    ``ref`` is the article date; ``prev`` the previous event's date, the anchor
    of "the next day" and "two days later".
    """
    m = expr.match
    try:
        if m.group("iso"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("md") or m.group("dm"):
            pre = "md" if m.group("md") else "dm"
            month, day = _month(m.group(pre + "m")), int(m.group(pre + "d"))
            year = m.group(pre + "y")
            if year:
                return dt.date(int(year), month, day)
            return _nearest_year(month, day, ref) if ref else None
    except (ValueError, KeyError):
        return None
    if m.group("wd"):
        return _resolve_weekday(m.group("wday"), (m.group("wq") or "").lower(), ref)
    return _resolve_relative(m, ref, prev)


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


def _nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """A day-month without a year: the occurrence closest to the article date."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def _resolve_weekday(name: str, qualifier: str, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    target = _WEEKDAYS.index(name)
    back = (ref.weekday() - target) % 7
    if qualifier == "last":
        return ref - dt.timedelta(days=back or 7)
    if qualifier == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=back)


def _resolve_relative(m: re.Match[str], ref: dt.date | None, prev: dt.date | None) -> dt.date | None:
    """Relative expressions; week-, month- and year-level ones resolve to their first day."""
    text = " ".join(m.group("rel").lower().split())
    if m.group("rn"):
        n = int(m.group("rn")) if m.group("rn").isdigit() else _COUNTS[m.group("rn").lower()]
        days = n * (7 if m.group("ru").startswith("week") else 1)
        direction = m.group("rd").lower()
        if direction == "ago":
            return ref - dt.timedelta(days=days) if ref else None
        base = prev
        return None if base is None else base + dt.timedelta(days=days if direction in ("later", "after") else -days)
    if text.startswith(("the next", "the following", "the day after")):
        step = 7 if text.endswith("week") else 1
        return prev + dt.timedelta(days=step) if prev else None
    if text.startswith(("the previous", "the day before")):
        return prev - dt.timedelta(days=1) if prev else None
    if ref is None:
        return None
    fixed = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if text in fixed:
        return ref + dt.timedelta(days=fixed[text])
    monday = ref - dt.timedelta(days=ref.weekday())
    if text == "last week":
        return monday - dt.timedelta(days=7)
    if text in ("this week", "earlier this week", "later this week"):
        return monday
    if text == "next week":
        return monday + dt.timedelta(days=7)
    if text == "last month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1)
    if text == "last year":
        return dt.date(ref.year - 1, 1, 1)
    return None
