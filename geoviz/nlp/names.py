"""Name folding shared by the gazetteer build, lookups and the recogniser.

One function decides when two spellings are "the same name", so that the
store's keys and the keys computed from article text always agree:
"P'yŏngyang" == "Pyongyang", "São Paulo" == "Sao Paulo", "U.S." == "US".
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Apostrophes and dots vanish ("P'yongyang", "U.S."); other punctuation splits
# words ("Soviet-era", "Winston-Salem" -> two tokens) so hyphenated forms match
# spaced ones.
_DROP = dict.fromkeys(map(ord, "'’‘ʼ`´ʻ.\u02bc\u02bb"), None)
_SPLIT = re.compile(r"[^\w]+|_", re.UNICODE)
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ð": "d", "þ": "th", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name."""
    if not isinstance(name, str):
        raise TypeError(f"place name must be str, not {type(name).__name__}")
    if len(name) > 200:
        return _fold(name)
    return _fold_cached(name)


def _fold(name: str) -> str:
    s = name.translate(_SPECIAL).translate(_DROP)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    return " ".join(_SPLIT.sub(" ", s).split())


_fold_cached = functools.lru_cache(maxsize=262_144)(_fold)


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (after folding accents).

    English news spells places in Latin script; other scripts' alternate
    names would only bloat the bundled store.
    """
    key = fold(name)
    return bool(key) and key.isascii()
