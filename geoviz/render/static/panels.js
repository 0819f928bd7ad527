
(function (map, infoHtml, legendHtml) {
  function panel(position, cls, html) {
    if (!html) { return null; }
    var Panel = L.Control.extend({options: {position: position}, onAdd: function () {
      var div = L.DomUtil.create("div", cls);
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    }});
    return new Panel().addTo(map);
  }
  map.geovizInfo = panel("topright", "gv-info leaflet-bar", infoHtml);
  map.geovizLegend = panel("bottomleft", "gv-legend leaflet-bar", legendHtml);
})(__MAP__, __INFO__, __LEGEND__);
