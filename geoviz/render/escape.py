"""Escaping: every article string that reaches the map page passes through one of these two.

Why not folium's ``Popup``/``Tooltip``: both paste their HTML into a JS
template literal (Popup additionally needs jQuery), where a backtick, ``${``
or a backslash in article text breaks out of the string. Every string that
reaches JS goes through :func:`js_value` (JSON with ``< > & ' `` ` ``
U+2028 U+2029 escaped) and every text in HTML through :func:`escape_html`.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["escape_html", "js_value"]

# A brace opening a Jinja tag ("{{", "{%", "{#") can only stand inside a JSON string (a JSON object opens with
# '{"' or '{}'), so escaping it there leaves the structure alone.
_JS_UNSAFE = re.compile("[<>&'`\u2028\u2029]|\\{(?=[{%#])")
_JS_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&'`\u2028\u2029{"}  # each as its JSON \u escape


def js_value(obj: Any) -> str:
    """``obj`` as a JS literal that is safe inside an inline ``<script>``.

    JSON already escapes quotes and backslashes; escaping ``<``/``>``/``&``
    keeps ``</script>`` and ``<!--`` out of the script element, the backtick
    keeps the output safe even if pasted into a template literal, and
    U+2028/2029 are line terminators in pre-2019 JS string literals. A brace
    that would open a Jinja tag is escaped because branca parses each
    element's rendered output again as a template (see :func:`escape_html`).
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JS_UNSAFE.sub(lambda m: _JS_ESCAPES[m.group()], text)


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def escape_html(value: Any) -> str:
    """Text for an HTML element or a quoted attribute (``& < > " '`` and braces escaped).

    Braces too: branca renders each element's output and then parses it again as a Jinja template, so an
    article's "{{ 7*7 }}" would be evaluated (and "{%" alone made the export fail).
    """
    return html.escape(str(value), quote=True).translate(_BRACES)

