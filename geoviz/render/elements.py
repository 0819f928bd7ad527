"""Small folium elements that keep content out of folium's templates.

folium's own templates paste strings into JS template literals or leave
backticks raw; these serialise every value with :func:`js_value` instead, so
no article text can break out of a script.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import camelize

from geoviz.render.escape import js_value

__all__ = ["DivIcon", "Marker", "Script", "bind_popup", "bind_tooltip"]


class Script(MacroElement):
    """JS we generate, emitted in the map script after the parent object exists.

    ``build(parent_name)`` returns the code; every data value in it was
    serialised by :func:`js_value`.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.build(this._parent.get_name()) }}{% endmacro %}")

    def __init__(self, build: Callable[[str], str]) -> None:
        super().__init__()
        self._name = "GeovizScript"
        self.build = build


def bind_popup(parent: MacroElement, content_html: str, max_width: int = 340) -> None:
    """Attach a popup whose (already escaped) HTML travels as a JSON string, not a template literal."""
    options = {"maxWidth": max_width, "className": "gv-popup"}
    parent.add_child(Script(lambda name: f"{name}.bindPopup({js_value(content_html)}, {js_value(options)});"))


def bind_tooltip(parent: MacroElement, content_html: str, **options: Any) -> None:
    """Attach a tooltip the same way (``direction`` top, not sticky, unless ``options`` say otherwise)."""
    opts = {"direction": "top", "sticky": False, **options}
    parent.add_child(Script(lambda name: f"{name}.bindTooltip({js_value(content_html)}, {js_value(opts)});"))


class Marker(folium.Marker):
    """folium.Marker whose options (title, alt: article text) are serialised by :func:`js_value`.

    folium's own template uses JSON with ``<>&'`` escaped, which is safe in a
    script but leaves backticks raw; this keeps the page free of them.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.marker({{ this.location|tojson }}, "
        "{{ this.options_js() }}).addTo({{ this._parent.get_name() }});{% endmacro %}")

    def options_js(self) -> str:
        return js_value(self.options)


class DivIcon(folium.DivIcon):
    """folium.DivIcon serialised by :func:`js_value` (its HTML holds place names)."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.divIcon({{ this.options_js() }});"
        "{% endmacro %}")

    def options_js(self) -> str:
        return js_value({camelize(k): v for k, v in self.options.items()})
