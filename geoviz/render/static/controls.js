
(function (map, opts) {
  "use strict";
  var container = map.getContainer();
  if (opts.offline) { container.classList.add("gv-offline"); }
  if (map.attributionControl) { map.attributionControl.addAttribution(opts.attribution); }

  function stop(e) { L.DomEvent.stopPropagation(e); L.DomEvent.preventDefault(e); }
  function button(bar, cls, title, svg, onClick) {
    var a = L.DomUtil.create("a", cls, bar);
    a.href = "#";
    a.title = title;
    a.setAttribute("role", "button");
    a.setAttribute("aria-label", title);
    a.innerHTML = svg;
    L.DomEvent.on(a, "click", function (e) { stop(e); onClick(a); });
    return a;
  }

  // Full screen: the Fullscreen API, or a fixed-position fallback inside iframes that forbid it.
  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    if (container.classList.contains("gv-pseudo-fullscreen")) {
      container.classList.remove("gv-pseudo-fullscreen"); map.invalidateSize(); return;
    }
    var fallback = function () { container.classList.add("gv-pseudo-fullscreen"); map.invalidateSize(); };
    if (container.requestFullscreen) { container.requestFullscreen().catch(fallback); } else { fallback(); }
  }
  document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });

  // Distances on the WGS84 ellipsoid (Vincenty), so the tool agrees with the claim checker.
  function haversineKm(p, q) {
    var r = Math.PI / 180, dLat = (q.lat - p.lat) * r, dLon = (q.lng - p.lng) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(p.lat * r) * Math.cos(q.lat * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function geodesicKm(p, q) {
    var a = 6378137, f = 1 / 298.257223563, b = a * (1 - f), r = Math.PI / 180;
    var dLon = (q.lng - p.lng) * r;
    var U1 = Math.atan((1 - f) * Math.tan(p.lat * r)), U2 = Math.atan((1 - f) * Math.tan(q.lat * r));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = dLon, lambdaP, iter = 0, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM, sinAlpha, C;
    do {
      var sinL = Math.sin(lambda), cosL = Math.cos(lambda);
      sinSigma = Math.sqrt(Math.pow(cosU2 * sinL, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinSigma === 0) { return 0; }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinSigma, cosSigma);
      sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0;
      C = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
      lambdaP = lambda;
      lambda = dLon + (1 - C) * f * sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - lambdaP) > 1e-12 && ++iter < 200);
    if (iter >= 200) { return haversineKm(p, q); }  // nearly antipodal: Vincenty does not converge
    var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
    var A = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    var B = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    var dSigma = B * sinSigma * (cos2SigmaM + B / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
      B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - dSigma) / 1000;
  }
  // Great-circle points between two clicks, so a long measured line is drawn as the curve it measures.
  function arc(p, q) {
    var r = Math.PI / 180, n = Math.max(1, Math.ceil(haversineKm(p, q) / 100)), out = [];
    var f1 = p.lat * r, l1 = p.lng * r, f2 = q.lat * r, l2 = q.lng * r;
    var v1 = [Math.cos(f1) * Math.cos(l1), Math.cos(f1) * Math.sin(l1), Math.sin(f1)];
    var v2 = [Math.cos(f2) * Math.cos(l2), Math.cos(f2) * Math.sin(l2), Math.sin(f2)];
    var d = Math.acos(Math.max(-1, Math.min(1, v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2])));
    var prevLng = p.lng;
    for (var i = 0; i <= n; i++) {
      var t = i / n, s = Math.sin(d), ka = s ? Math.sin((1 - t) * d) / s : 1 - t, kb = s ? Math.sin(t * d) / s : t;
      var x = ka * v1[0] + kb * v2[0], y = ka * v1[1] + kb * v2[1], z = ka * v1[2] + kb * v2[2];
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / r, lng = Math.atan2(y, x) / r;
      while (lng - prevLng > 180) { lng -= 360; }
      while (lng - prevLng < -180) { lng += 360; }
      prevLng = lng;
      out.push([lat, lng]);
    }
    return out;
  }
  function fmt(km) {
    return km.toLocaleString("en-US", {maximumFractionDigits: km >= 100 ? 0 : 1});
  }
  var measure = {on: false, pts: [], layer: L.layerGroup(), button: null};
  function drawMeasure() {
    var pts = measure.pts, total = 0, line = [];
    measure.layer.clearLayers();
    for (var i = 0; i < pts.length; i++) {
      if (i > 0) { total += geodesicKm(pts[i - 1], pts[i]); line = line.concat(arc(pts[i - 1], pts[i])); }
      L.circleMarker(pts[i], {radius: 4, color: "#111", weight: 2, fillColor: "#fff", fillOpacity: 1,
        interactive: false, className: "gv-measure-point"}).addTo(measure.layer);
    }
    if (line.length) {
      L.polyline(line, {color: "#111", weight: 2.5, dashArray: "6 5", interactive: false,
        className: "gv-measure-line"}).addTo(measure.layer);
    }
    var last = pts[pts.length - 1];
    var text = pts.length > 1 ? fmt(total) + " km \u00b7 " + fmt(total / 1.609344) + " mi" : "click the next point";
    L.marker(last, {interactive: false, keyboard: false, icon: L.divIcon({className: "gv-marker gv-measure-label",
      iconSize: [0, 0], html: "<span class=\"gv-tag gv-side-right\">" + text + "</span>"})}).addTo(measure.layer);
    container.setAttribute("data-measure-km", total.toFixed(3));
  }
  function toggleMeasure(btn) {
    measure.on = !measure.on;
    btn.classList.toggle("gv-active", measure.on);
    container.classList.toggle("gv-measuring", measure.on);
    measure.pts = [];
    measure.layer.clearLayers();
    if (measure.on) { map.closePopup(); measure.layer.addTo(map); map.doubleClickZoom.disable(); }
    else { measure.layer.remove(); map.doubleClickZoom.enable(); }
  }
  map.on("click", function (e) {
    if (!measure.on) { return; }
    measure.pts.push(e.latlng);
    drawMeasure();
  });
  map.on("keydown", function (e) {
    if (measure.on && e.originalEvent.key === "Escape") { toggleMeasure(measure.button); }
  });
  map.geovizMeasureKm = geodesicKm;

  var Tools = L.Control.extend({options: {position: "topleft"}, onAdd: function () {
    var bar = L.DomUtil.create("div", "leaflet-bar gv-tools");
    button(bar, "gv-fullscreen", "Full screen",
      '<svg width="16" height="16" viewBox="0 0 16 16"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" ' +
      'fill="none" stroke="#222" stroke-width="2"/></svg>', toggleFullscreen);
    measure.button = button(bar, "gv-measure", "Measure a distance: click points on the map, click here to stop",
      '<svg width="18" height="18" viewBox="0 0 18 18"><g transform="rotate(-45 9 9)"><rect x="1" y="6" ' +
      'width="16" height="6" fill="#fff" stroke="#222" stroke-width="1.5"/><path d="M4 6v3M7 6v2M10 6v3M13 6v2" ' +
      'stroke="#222" stroke-width="1.2"/></g></svg>', toggleMeasure);
    L.DomEvent.disableClickPropagation(bar);
    return bar;
  }});
  new Tools().addTo(map);

  // Fit the story, leaving room for the title panel on the right and the open legend at the bottom (so it
  // covers no stop or marker of the first view).
  function fit() {
    if (!opts.bounds) { map.setView([20, 0], 2); return; }
    var info = map.geovizInfo ? map.geovizInfo.getContainer() : null;
    var legend = map.geovizLegend ? map.geovizLegend.getContainer() : null;
    var size = map.getSize();
    var right = info ? Math.min(info.offsetWidth + 30, size.x * 0.45) : 40;
    var bottom = legend ? Math.max(60, Math.min(legend.offsetHeight + 20, size.y * 0.4)) : 60;
    map.fitBounds(opts.bounds, {paddingTopLeft: [60, 40], paddingBottomRight: [right, bottom], maxZoom: opts.maxZoom});
  }
  fit();
  map.geovizFit = fit;

  // Labels decluttered: at each zoom, a label that overlaps one of higher priority is hidden (it shows again on
  // hover, and at a zoom where it fits). Priority: journey stops and claim ends, towns and facilities, then the labels on legs and claim lines,
  // then provinces and other areas, ring labels, countries, and last metonyms. Greedy, in that order, on screen
  // boxes: the usual way to place map labels when there are tens of them, not thousands.
  var RANK = [["gv-label-key", -1], ["gv-label-city", 0], ["gv-label-facility", 0], ["gv-leg-label", 1], ["gv-claim-tag", 1],
    ["gv-label-area", 2], ["gv-ring-label", 3], ["gv-label-country", 4], ["gv-label-metonym", 5]];
  function rank(el) {
    for (var i = 0; i < RANK.length; i++) { if (el.classList.contains(RANK[i][0])) { return RANK[i][1]; } }
    return 3;
  }
  function declutter() {
    var labels = Array.prototype.slice.call(container.querySelectorAll(".gv-label, .gv-tag"));
    var items = labels.map(function (el, i) {
      el.classList.remove("gv-hidden-label");
      return {el: el, rank: rank(el), order: i, box: el.getBoundingClientRect()};
    });
    items.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    var kept = [];
    items.forEach(function (it) {
      var b = it.box, pad = 2;
      if (!b.width && !b.height) { return; }
      var hit = kept.some(function (k) {
        return b.left < k.right + pad && k.left < b.right + pad && b.top < k.bottom + pad && k.top < b.bottom + pad;
      });
      if (hit) { it.el.classList.add("gv-hidden-label"); } else { kept.push(b); }
    });
    container.setAttribute("data-labels-hidden", String(items.length - kept.length));
  }
  var pending = 0;
  function later() {
    if (pending) { return; }
    pending = requestAnimationFrame(function () { pending = 0; declutter(); });
  }
  map.on("zoomend overlayadd overlayremove resize viewreset", later);
  later();
  map.geovizDeclutter = declutter;

  // Mini-map: the same background at a much smaller scale, with the main view as a box.
  if (opts.minimap) {
    var Mini = L.Control.extend({options: {position: "bottomright"}, onAdd: function () {
      var div = L.DomUtil.create("div", "gv-minimap leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    }});
    var mini = new Mini().addTo(map);
    var mm = L.map(mini.getContainer(), {attributionControl: false, zoomControl: false, dragging: false,
      scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false,
      zoomSnap: 0.25});
    if (opts.minimap.tiles) {
      L.tileLayer(opts.minimap.tiles, {maxZoom: 19}).addTo(mm);
    } else if (opts.minimap.basemap && window[opts.minimap.basemap]) {
      L.geoJSON(window[opts.minimap.basemap], {renderer: L.canvas(), interactive: false,
        style: {color: "#b5ae9f", weight: 0.5, fillColor: "#f4f1e8", fillOpacity: 1}}).addTo(mm);
    }
    var box = L.rectangle(map.getBounds(), {color: "#c2185b", weight: 1.5, fillOpacity: 0.12,
      interactive: false}).addTo(mm);
    var sync = function () {
      mm.setView(map.getCenter(), Math.max(0, map.getZoom() - 4.5), {animate: false});
      box.setBounds(map.getBounds());
    };
    map.on("moveend zoomend resize", sync);
    mm.on("click", function (e) { map.panTo(e.latlng); });
    sync();
  }
})(__MAP__, __OPTS__);
