// sitrep dashboard: plain JS over the JSON API. Data is only ever inserted with textContent.
"use strict";

(function () {
  const PAGE = 100;
  const TYPE_COLOURS = {
    "Battles": ["#c62828", "t-battles"],
    "Explosions/Remote violence": ["#ef6c00", "t-explosions"],
    "Violence against civilians": ["#6a1b9a", "t-violence"],
    "Protests": ["#2e7d32", "t-protests"],
    "Riots": ["#f9a825", "t-riots"],
    "Strategic developments": ["#1565c0", "t-strategic"],
  };
  const SPAN_KEYS = ["actor1", "actor2", "trigger", "location", "date", "fatalities"];
  const state = { offset: 0, total: 0, selected: null, period: "day", brush: null };

  const $ = (sel) => document.querySelector(sel);

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function status(msg) { $("#status").textContent = msg; }

  async function api(path, options) {
    const resp = await fetch(path, options);
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const msg = body && body.error ? body.error.message : resp.statusText;
      const err = new Error(msg);
      err.status = resp.status;
      throw err;
    }
    return body;
  }

  // -- filters ------------------------------------------------------------------------------
  function filterParams() {
    const form = $("#filters");
    const params = new URLSearchParams();
    for (const name of ["since", "until", "country", "actor", "event_type", "certainty", "q"]) {
      const v = form.elements[name].value.trim();
      if (v) params.set(name, v);
    }
    if (form.elements.in_view.checked && map) {
      const b = map.getBounds();
      const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
      params.set("bbox", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
                          clamp(b.getNorth(), 90)].map((v) => v.toFixed(4)).join(","));
    }
    return params;
  }

  function refresh() {
    state.offset = 0;
    updateExports();
    return Promise.all([loadEvents(), loadTimeline()]);
  }

  function updateExports() {
    const p = filterParams();
    for (const [id, fmt] of [["csv", "acled-csv"], ["geojson", "geojson"], ["jsonl", "plover-jsonl"], ["parquet", "parquet"]]) {
      p.set("format", fmt);
      $("#export-" + id).href = "/api/export?" + p.toString();
    }
  }

  // -- map ----------------------------------------------------------------------------------
  let map = null;
  let cluster = null;
  const markers = new Map();

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([20, 20], 3);
    try {
      const topo = await api("/static/vendor/world-atlas/countries-50m.json");
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, { style: { color: "#78909c", weight: 0.7, fillColor: "#eceae4", fillOpacity: 1 },
                             interactive: false }).addTo(map);
      const names = countries.features.map((f) => f.properties && f.properties.name).filter(Boolean).sort();
      const list = $("#countries");
      for (const n of names) { const o = el("option"); o.value = n; list.appendChild(o); }
    } catch (e) {
      status("basemap not loaded: " + e.message);
    }
    cluster = L.markerClusterGroup({ maxClusterRadius: 40, spiderfyOnMaxZoom: true });
    map.addLayer(cluster);
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      const box = el("div", null, "dot-legend");
      for (const [type, [, cls]] of Object.entries(TYPE_COLOURS)) {
        const row = el("div");
        row.appendChild(el("i", null, cls));
        row.appendChild(document.createTextNode(type));
        box.appendChild(row);
      }
      return box;
    };
    legend.addTo(map);
    map.on("moveend", () => { if ($("#filters").elements.in_view.checked) refresh(); });
  }

  // PLOVER-only events (a consultation, an accusation) have no ACLED type: shown by their PLOVER type
  function kind(ev) { return ev.sub_event_type || `PLOVER ${ev.plover_event || "?"}`; }

  function colour(type) { return (TYPE_COLOURS[type] || ["#546e7a"])[0]; }

  function showMarkers(events) {
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const ev of events) {
      if (ev.latitude === null || ev.longitude === null) continue;
      const m = L.circleMarker([ev.latitude, ev.longitude], { radius: 7, color: "#263238", weight: 1,
                                                               fillColor: colour(ev.event_type), fillOpacity: 0.9 });
      m.eventId = ev.id;
      const tip = el("span", `${ev.event_date || "?"} ${kind(ev)} - ${ev.location || ""}`);
      m.bindTooltip(tip);
      m.on("click", () => showEvent(ev.id));
      markers.set(ev.id, m);
      layers.push(m);
    }
    cluster.addLayers(layers);
  }

  // -- events table -------------------------------------------------------------------------
  async function loadEvents() {
    const p = filterParams();
    p.set("limit", PAGE);
    p.set("offset", state.offset);
    status("loading...");
    try {
      const page = await api("/api/events?" + p.toString());
      state.total = page.total;
      renderTable(page.events);
      showMarkers(page.events);
      const last = Math.min(state.offset + page.events.length, page.total);
      $("#page").textContent = page.total ? `${state.offset + 1}-${last} of ${page.total}` : "no events";
      status(`${page.total} events`);
      document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
    } catch (e) {
      status("error: " + e.message);
    }
  }

  function actorLink(name) {
    if (!name) return el("span", "");
    const a = el("a", name, "actor");
    a.addEventListener("click", (e) => { e.stopPropagation(); showActor(name); });
    return a;
  }

  function renderTable(events) {
    const body = $("#events tbody");
    clear(body);
    for (const ev of events) {
      const tr = el("tr");
      tr.dataset.id = ev.id;
      tr.appendChild(el("td", ev.event_date || ""));
      tr.appendChild(el("td", kind(ev)));
      const a1 = el("td"); a1.appendChild(actorLink(ev.actor1)); tr.appendChild(a1);
      const a2 = el("td"); a2.appendChild(actorLink(ev.actor2)); tr.appendChild(a2);
      tr.appendChild(el("td", [ev.location, ev.country].filter(Boolean).join(", ")));
      tr.appendChild(el("td", ev.fatalities === null ? "" : ev.fatalities));
      tr.appendChild(el("td", ev.certainty));
      if (ev.id === state.selected) tr.classList.add("sel");
      tr.addEventListener("click", () => showEvent(ev.id));
      body.appendChild(tr);
    }
  }

  // -- timeline with brushing ---------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  async function loadTimeline() {
    const p = filterParams();
    // the timeline shows the whole span, so that a brush can be widened again
    p.delete("since"); p.delete("until");
    p.set("period", state.period);
    let data;
    try { data = await api("/api/timeline?" + p.toString()); } catch (e) { return; }
    drawTimeline(data.counts);
  }

  function drawTimeline(counts) {
    const box = $("#timeline");
    clear(box);
    const width = box.clientWidth || 600, height = box.clientHeight || 88, bottom = 14;
    if (!counts.length) { const t = svg("text", { x: 4, y: 20 }); t.textContent = "no dated events"; box.appendChild(t); return; }
    const max = Math.max(...counts.map((c) => c.count));
    const bw = width / counts.length;
    const since = $("#filters").elements.since.value, until = $("#filters").elements.until.value;
    counts.forEach((c, i) => {
      const h = Math.max(1, (height - bottom - 4) * c.count / max);
      const r = svg("rect", { x: i * bw + 0.5, y: height - bottom - h, width: Math.max(1, bw - 1), height: h, class: "b" });
      r.dataset.period = c.period;
      if ((!since || c.period >= since) && (!until || c.period <= until) && (since || until)) r.classList.add("in");
      const title = svg("title"); title.textContent = `${c.period}: ${c.count}`; r.appendChild(title);
      box.appendChild(r);
    });
    const first = svg("text", { x: 2, y: height - 2 }); first.textContent = counts[0].period; box.appendChild(first);
    const last = svg("text", { x: width - 2, y: height - 2, "text-anchor": "end" });
    last.textContent = counts[counts.length - 1].period; box.appendChild(last);
    state.timeline = { counts, bw };
  }

  function initBrush() {
    const box = $("#timeline");
    let start = null, rect = null;
    const xOf = (e) => e.clientX - box.getBoundingClientRect().left;
    box.addEventListener("mousedown", (e) => {
      if (!state.timeline) return;
      start = xOf(e);
      rect = svg("rect", { x: start, y: 0, width: 0, height: box.clientHeight - 14, class: "brush" });
      box.appendChild(rect);
    });
    box.addEventListener("mousemove", (e) => {
      if (start === null) return;
      const x = xOf(e);
      rect.setAttribute("x", Math.min(start, x));
      rect.setAttribute("width", Math.abs(x - start));
    });
    window.addEventListener("mouseup", (e) => {
      if (start === null) return;
      const x = xOf(e);
      const { counts, bw } = state.timeline;
      const i0 = Math.max(0, Math.floor(Math.min(start, x) / bw));
      const i1 = Math.min(counts.length - 1, Math.floor(Math.max(start, x) / bw));
      start = null;
      const form = $("#filters");
      if (i0 > i1 || i0 >= counts.length) { rect.remove(); return; }
      form.elements.since.value = counts[i0].period;
      form.elements.until.value = state.period === "week" ? addDays(counts[i1].period, 6) : counts[i1].period;
      refresh();
    });
  }

  function addDays(iso, n) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  // -- event view ---------------------------------------------------------------------------
  function show(id) {
    for (const v of ["#welcome", "#event-view", "#actor-view"]) $(v).hidden = v !== id;
  }

  function field(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", name));
    const dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  async function showEvent(id) {
    state.selected = id;
    for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("sel", tr.dataset.id === id);
    let detail;
    try { detail = await api("/api/events/" + encodeURIComponent(id)); } catch (e) { status("error: " + e.message); return; }
    const ev = detail.event;
    show("#event-view");
    $("#ev-title").textContent = `${kind(ev)} - ${ev.location || ev.country || "?"}, ${ev.event_date || "undated"}`;
    const dl = $("#ev-fields");
    clear(dl);
    field(dl, "Status", el("span", detail.review_status || "unreviewed", "badge " + (detail.review_status || "")));
    field(dl, "Type", ev.event_type ? `${ev.event_type} / ${ev.sub_event_type}` : "not an ACLED event");
    field(dl, "PLOVER", [ev.plover_event, ev.plover_mode].filter(Boolean).join(" / "));
    field(dl, "Actor 1", ev.actor1 ? actorLink(ev.actor1) : null);
    field(dl, "Actor 2", ev.actor2 ? actorLink(ev.actor2) : null);
    field(dl, "Date", ev.event_date);
    field(dl, "Place", [ev.location, ev.admin1, ev.country].filter(Boolean).join(", "));
    field(dl, "Coordinates", ev.latitude === null ? null : `${ev.latitude.toFixed(3)}, ${ev.longitude.toFixed(3)}`);
    field(dl, "Fatalities", ev.fatalities);
    field(dl, "Certainty", ev.certainty + (ev.attributed_to ? ` (${ev.attributed_to})` : ""));
    field(dl, "Confidence", ev.confidence);
    field(dl, "Id", ev.id);
    const sources = $("#sources");
    clear(sources);
    const list = detail.sources.length ? detail.sources : [ev];
    list.forEach((src, i) => {
      const box = el("div", null, "source");
      box.appendChild(el("div", `Source ${i + 1}: ${src.certainty}${src.attributed_to ? " - " + src.attributed_to : ""}`));
      box.appendChild(el("q", src.evidence.text));
      const btn = el("button", "show in article");
      btn.type = "button";
      btn.addEventListener("click", () => { markCurrent(box); showArticle(src); });
      box.appendChild(btn);
      sources.appendChild(box);
      if (i === 0) markCurrent(box);
    });
    showAudit(detail.audit);
    $("#review-status").textContent = "";
    await showArticle(list[0]);
  }

  function markCurrent(box) {
    for (const b of document.querySelectorAll("#sources .source")) b.classList.toggle("current", b === box);
  }

  async function showArticle(ev) {
    const target = $("#article-body");
    delete target.dataset.doc;
    clear(target);
    clear($("#comments"));
    $("#article-meta").textContent = "";
    if (!ev.doc_id) return;
    let art;
    try { art = await api("/api/articles/" + encodeURIComponent(ev.doc_id)); } catch (e) {
      target.appendChild(el("p", "article not available: " + e.message, "error")); return;
    }
    $("#article-meta").textContent = [art.title, art.site, art.published].filter(Boolean).join(" - ");
    highlight(target, art.body, ev);
    target.dataset.doc = art.id;
    for (const c of art.comments) $("#comments").appendChild(el("li", (c.author ? c.author + ": " : "") + c.text));
    $("#comments-box").hidden = !art.comments.length;
    const first = target.querySelector("mark.span-trigger") || target.querySelector(".evidence");
    if (first) target.scrollTop = Math.max(0, first.offsetTop - target.clientHeight / 3);
  }

  // The body split at every span boundary; each piece is a text node, or a <mark> for the span(s) covering it.
  function highlight(target, body, ev) {
    const spans = [];
    for (const key of SPAN_KEYS) {
      const s = ev.spans[key];
      if (s && s[0] < s[1] && s[1] <= body.length) spans.push([s[0], s[1], key]);
    }
    const evStart = ev.evidence.start, evEnd = ev.evidence.end;
    const cuts = new Set([0, body.length, evStart, evEnd]);
    for (const [s, e] of spans) { cuts.add(s); cuts.add(e); }
    const points = [...cuts].filter((x) => x >= 0 && x <= body.length).sort((a, b) => a - b);
    let evidence = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = body.slice(a, b);
      const kinds = spans.filter(([s, e]) => s <= a && b <= e).map(([, , k]) => k);
      let node;
      if (kinds.length) {
        node = el("mark", text, kinds.map((k) => "span-" + k).join(" "));
        node.dataset.span = kinds.join(" ");
        node.title = kinds.join(", ");
      } else {
        node = document.createTextNode(text);
      }
      const inEvidence = a >= evStart && b <= evEnd && evEnd > evStart;
      if (inEvidence) {
        if (!evidence) { evidence = el("span", null, "evidence"); target.appendChild(evidence); }
        evidence.appendChild(node);
      } else {
        evidence = null;
        target.appendChild(node);
      }
    }
  }

  function showAudit(entries) {
    const body = $("#audit tbody");
    clear(body);
    const fmt = (v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
    for (const a of entries) {
      const tr = el("tr");
      for (const v of [a.at, a.reviewer, a.action, a.field, fmt(a.old_value), fmt(a.new_value), a.note]) tr.appendChild(el("td", v || ""));
      body.appendChild(tr);
    }
    if (!entries.length) { const tr = el("tr"); const td = el("td", "no reviews yet"); td.colSpan = 7; tr.appendChild(td); body.appendChild(tr); }
  }

  function initReview() {
    const form = $("#review");
    form.elements.token.value = sessionStorage.getItem("sitrep-token") || "";
    form.elements.action.addEventListener("change", () => { $("#changes").hidden = form.elements.action.value !== "correct"; });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const out = $("#review-status");
      const token = form.elements.token.value.trim();
      if (token) sessionStorage.setItem("sitrep-token", token);
      const body = { action: form.elements.action.value, reviewer: form.elements.reviewer.value.trim(),
                     note: form.elements.note.value.trim() || null };
      if (body.action === "correct") {
        body.changes = {};
        for (const input of $("#changes").querySelectorAll("input, select")) {
          const v = input.value.trim();
          if (v) body.changes[input.name] = input.type === "number" ? Number(v) : v;
        }
      }
      out.className = "";
      out.textContent = "saving...";
      try {
        const detail = await api(`/api/events/${encodeURIComponent(state.selected)}/review`, {
          method: "POST", headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
          body: JSON.stringify(body) });
        out.className = "ok";
        out.textContent = "saved: " + detail.review_status;
        showAudit(detail.audit);
        const badge = $("#ev-fields .badge");
        if (badge) { badge.textContent = detail.review_status; badge.className = "badge " + detail.review_status; }
        loadEvents();  // a rejected event leaves the list; a correction shows in the table
      } catch (err) {
        out.className = "error";
        out.textContent = err.status === 404 && !token ? "write routes are off (server has no token)" : "not saved: " + err.message;
      }
    });
  }

  // -- actor page ---------------------------------------------------------------------------
  async function showActor(name) {
    let data;
    try { data = await api("/api/actors/" + encodeURIComponent(name)); } catch (e) { status("actor: " + e.message); return; }
    show("#actor-view");
    const a = data.actor;
    $("#actor-name").textContent = a.name;
    const dl = $("#actor-fields");
    clear(dl);
    field(dl, "Aliases", a.aliases.join("; ") || "none known");
    field(dl, "Inter code", a.inter);
    field(dl, "Country", a.country);
    field(dl, "Kind", a.kind);
    field(dl, "Events", a.n_events);
    const rel = $("#actor-relations");
    clear(rel);
    for (const [kind, names] of Object.entries(a.relations || {})) {
      for (const n of names) {
        const li = el("li", kind.replace(/_/g, " ") + ": ");
        li.appendChild(actorLink(n));
        rel.appendChild(li);
      }
    }
    if (!rel.firstChild) rel.appendChild(el("li", "none known"));
    const body = $("#actor-events tbody");
    clear(body);
    for (const ev of data.events) {
      const tr = el("tr");
      for (const v of [ev.event_date, kind(ev), ev.location, ev.fatalities]) tr.appendChild(el("td", v === null ? "" : v));
      tr.addEventListener("click", () => showEvent(ev.id));
      body.appendChild(tr);
    }
  }

  // -- start ---------------------------------------------------------------------------------
  async function start() {
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
    $("#reset").addEventListener("click", () => { $("#filters").reset(); refresh(); });
    $("#period").addEventListener("change", () => { state.period = $("#period").value; loadTimeline(); });
    $("#prev").addEventListener("click", () => { if (state.offset > 0) { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); } });
    $("#next").addEventListener("click", () => { if (state.offset + PAGE < state.total) { state.offset += PAGE; loadEvents(); } });
    initBrush();
    initReview();
    await initMap();
    await refresh();
    window.sitrepDashboard = { map, cluster };  // for the browser tests and the console
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
