// AIOps console: incident list and detail over /api/v1, live via the SSE stream. No framework, no build step.
"use strict";

const TOKEN_KEY = "aiops.token";
const SVGNS = "http://www.w3.org/2000/svg";
const state = { filters: { q: "", status: "open", severity: "", service: "" }, offset: 0, limit: 50, fresh: new Set(), topology: null, view: null };

// ---------- DOM helpers (text only through textContent: incident data is never parsed as HTML) ----------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}
const fmt = (v) => v === undefined || v === null ? "–" : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
const time = (t) => new Date(t).toISOString().slice(11, 19);
const dateTime = (t) => new Date(t).toISOString().replace("T", " ").slice(0, 19) + " UTC";
function ago(t) {
  const s = Math.max(0, (Date.now() - new Date(t).getTime()) / 1000);
  if (s < 60) return `${Math.round(s)} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
function duration(a, b) {
  const m = Math.max(0, Math.round((new Date(b) - new Date(a)) / 60000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
function toast(text) {
  const t = h("div", { class: "toast", role: "status" }, text);
  document.body.append(t);
  setTimeout(() => t.remove(), 2600);
}

// ---------- API with bearer token (asked for on 401, kept in sessionStorage) ----------
async function api(path, options = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = { Accept: "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(path, { ...options, headers });
    if (res.status === 401 || res.status === 403) {
      const problem = await res.json().catch(() => ({}));
      await askToken(res.status === 403 ? `This token may not do that: ${problem.detail || "insufficient scope"}` : null);
      continue;
    }
    if (!res.ok) {
      const problem = await res.json().catch(() => ({ title: res.statusText }));
      throw new Error(`${problem.title || res.status}: ${problem.detail || ""}`);
    }
    return res.status === 204 ? null : res.json();
  }
  throw new Error("not authorized");
}
let tokenPrompt = null;
function askToken(message) {
  message = message || (sessionStorage.getItem(TOKEN_KEY) ? "The token was refused." : null);
  const dialog = document.getElementById("token-dialog");
  const error = document.getElementById("token-error");
  if (message || !tokenPrompt) { error.hidden = !message; error.textContent = message || ""; }
  if (tokenPrompt) return tokenPrompt;
  tokenPrompt = new Promise((resolve) => {
    const form = document.getElementById("token-form");
    const done = () => { dialog.close(); tokenPrompt = null; updateTokenButton(); resolve(); };
    form.onsubmit = (e) => { e.preventDefault(); sessionStorage.setItem(TOKEN_KEY, document.getElementById("token-input").value.trim()); done(); };
    document.getElementById("token-cancel").onclick = done;
  });
  dialog.showModal();
  document.getElementById("token-input").focus();
  return tokenPrompt;
}
function updateTokenButton() {
  const b = document.getElementById("token-button");
  b.hidden = !sessionStorage.getItem(TOKEN_KEY);
  b.textContent = "Forget token";
  b.onclick = () => { sessionStorage.removeItem(TOKEN_KEY); updateTokenButton(); toast("Token forgotten"); };
}

// ---------- Live updates: the SSE stream read with fetch (EventSource cannot send a bearer token) ----------
async function stream() {
  const live = document.getElementById("live");
  let backoff = 1000;
  for (;;) {
    try {
      const token = sessionStorage.getItem(TOKEN_KEY);
      const res = await fetch("api/v1/incidents/stream", { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (res.status === 401) { live.textContent = "live updates need a token"; live.className = "live off"; await askToken(); continue; }
      if (!res.ok || !res.body) throw new Error(String(res.status));
      live.textContent = "live"; live.className = "live on"; backoff = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const chunk = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          const type = (chunk.match(/^event: (.*)$/m) || [])[1];
          const data = (chunk.match(/^data: (.*)$/m) || [])[1];
          if (type === "incident" || type === "action") onEvent(type, JSON.parse(data));
        }
      }
    } catch (e) { /* reconnect below */ }
    live.textContent = "reconnecting…"; live.className = "live off";
    await new Promise((r) => setTimeout(r, backoff));
    backoff = Math.min(backoff * 2, 15000);
  }
}
let refreshTimer = null;
function onEvent(type, data) {
  const id = type === "incident" ? data.id : data.incidentId;
  if (type === "incident") state.fresh.add(id);
  const v = state.view;
  if (!v || (v.kind === "detail" && v.id !== id)) return;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => render(true), 250);
}

// ---------- Router ----------
window.addEventListener("hashchange", () => render(false));
window.addEventListener("resize", () => { clearTimeout(refreshTimer); refreshTimer = setTimeout(() => render(true), 200); });
// Renders overlap (a live refresh still fetching when the user opens an incident); only the latest may draw,
// or a slow list response would replace the detail the user just opened.
let renderSeq = 0;
async function render(quiet) {
  const seq = ++renderSeq;
  const current = () => seq === renderSeq;
  const m = location.hash.match(/^#\/incidents\/([^/?]+)/);
  try {
    if (m) await renderDetail(decodeURIComponent(m[1]), quiet, current);
    else await renderList(quiet, current);
  } catch (e) {
    if (current()) document.getElementById("main").replaceChildren(h("div", { class: "card error", role: "alert" }, `Could not load: ${e.message}`));
  }
}

// ---------- Incident list ----------
async function renderList(quiet, current) {
  state.view = { kind: "list" };
  const f = state.filters;
  const q = new URLSearchParams({ limit: state.limit, offset: state.offset });
  if (f.q) q.set("q", f.q);
  if (f.status) q.set("status", f.status);
  if (f.severity) q.set("severity", f.severity);
  if (f.service) q.set("service", f.service);
  if (f.status === "all") { q.delete("status"); q.set("suppressed", "true"); }
  const page = await api(`api/v1/incidents?${q}`);
  if (!current()) return;
  const main = document.getElementById("main");
  const focused = document.activeElement && document.activeElement.id;
  const services = [...new Set(page.incidents.flatMap((i) => i.entities))].sort();
  if (f.service && !services.includes(f.service)) services.push(f.service);

  const filters = h("form", { class: "filters", role: "search", onsubmit: (e) => e.preventDefault() },
    h("label", { class: "search" }, "Search", h("input", { id: "f-q", type: "search", value: f.q, placeholder: "id, title, service, cause…", oninput: debounce((e) => { f.q = e.target.value; state.offset = 0; render(true); }, 250) })),
    select("f-status", "Status", f.status, [["open", "Open (needs someone)"], ["acknowledged", "Acknowledged"], ["resolved", "Resolved"], ["silenced", "Silenced"], ["noise", "Noise"], ["all", "All"]], (v) => { f.status = v; }),
    select("f-severity", "Severity at least", f.severity, [["", "Any"], ["warning", "Warning"], ["error", "Error"], ["critical", "Critical"]], (v) => { f.severity = v; }),
    select("f-service", "Service", f.service, [["", "Any"], ...services.map((x) => [x, x])], (v) => { f.service = v; }));

  const rows = page.incidents.map((i) => {
    const top = (i.rootCause && i.rootCause.candidates[0]) || null;
    const href = `#/incidents/${encodeURIComponent(i.id)}`;
    const tr = h("tr", { class: state.fresh.has(i.id) ? "fresh" : null, onclick: (e) => { if (e.target.tagName !== "A") location.hash = href; } },
      h("td", { "data-label": "Severity" }, h("span", { class: `badge sev-${i.severity}` }, i.severity)),
      h("td", { "data-label": "Status" }, h("span", { class: `badge st-${i.operator.status}` }, i.operator.status)),
      h("td", { class: "title" }, h("a", { href }, i.title), h("div", { class: "muted mono" }, `${i.id} · v${i.version} · ${i.signals.length} signals`)),
      h("td", { "data-label": "Services" }, h("div", { class: "chips" }, i.entities.map((e) => h("span", { class: top && top.entity === e ? "chip cause-chip" : "chip" }, e)))),
      h("td", { "data-label": "Top cause" }, top ? [h("span", { class: "cause" }, top.entity), h("div", { class: "muted" }, `${top.indicator}${shiftText(top)} · ${top.confidence}`)] : h("span", { class: "muted" }, "ranking…")),
      h("td", { "data-label": "Age" }, ago(i.firstSeen), h("div", { class: "muted" }, `updated ${ago(i.lastSeen)}`)));
    return tr;
  });
  state.fresh.clear();
  const table = rows.length
    ? h("table", { class: "incidents" },
        h("caption", { class: "skip" }, "Incidents"),
        h("thead", {}, h("tr", {}, ["Severity", "Status", "Incident", "Services", "Top cause", "Age"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows))
    : h("div", { class: "card empty" }, f.q || f.service || f.severity ? "No incident matches these filters." : "No incidents. They appear here live as the engine opens them.");
  const pager = h("div", { class: "pager" },
    h("span", {}, `${page.total} incident${page.total === 1 ? "" : "s"}${page.total > page.incidents.length ? `, showing ${page.offset + 1}–${page.offset + page.incidents.length}` : ""}`),
    h("span", { class: "row" },
      h("button", { type: "button", disabled: page.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - state.limit); render(false); } }, "Previous"),
      h("button", { type: "button", disabled: page.nextOffset === null || page.nextOffset === undefined, onclick: () => { state.offset = page.nextOffset; render(false); } }, "Next")));
  main.replaceChildren(h("h1", {}, "Incidents"), h("p", { class: "muted" }, "Correlated from metrics, logs, alerts and change events; the engine ranks the most likely cause of each."), filters, table, pager);
  if (focused) { const el = document.getElementById(focused); if (el) { el.focus(); if (el.setSelectionRange && el.value) el.setSelectionRange(el.value.length, el.value.length); } }
  else if (!quiet) main.focus({ preventScroll: true });
}
function shiftText(c) {
  const shift = c.evidence.find((e) => e.kind === "shift");
  return shift && shift.before > 0 ? ` ${fmt(shift.before)} → ${fmt(shift.after)}` : "";
}
function select(id, label, value, options, set) {
  return h("label", { for: id }, label,
    h("select", { id, onchange: (e) => { set(e.target.value); state.offset = 0; render(true); } },
      options.map(([v, t]) => h("option", { value: v, selected: v === value }, t))));
}
function debounce(fn, ms) { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; }

// ---------- Incident detail ----------
async function renderDetail(id, quiet, current) {
  state.view = { kind: "detail", id };
  const [i, topology, observed] = await Promise.all([
    api(`api/v1/incidents/${encodeURIComponent(id)}`),
    api("api/v1/topology").catch(() => ({ nodes: [], edges: [] })),
    api(`api/v1/incidents/${encodeURIComponent(id)}/observations`).catch(() => ({ series: [] }))]);
  if (!current()) return;
  i.observed = observed.series;
  const main = document.getElementById("main");
  const width = Math.min(main.clientWidth - 48, 1232);
  const candidates = (i.rootCause && i.rootCause.candidates) || [];
  const top = candidates[0];
  const op = i.operator;

  const head = h("section", { class: "card", "aria-labelledby": "inc-title" },
    h("div", { class: "head" },
      h("div", {},
        h("div", { class: "row" }, h("span", { class: `badge sev-${i.severity}` }, i.severity), h("span", { class: `badge st-${op.status}` }, op.status), h("span", { class: "muted mono" }, `${i.id} · v${i.version}`)),
        h("h1", { id: "inc-title" }, i.title),
        h("div", { class: "meta" },
          h("span", {}, "Started ", h("b", {}, dateTime(i.firstSeen))),
          h("span", {}, "Lasting ", h("b", {}, duration(i.firstSeen, i.resolvedAt || i.lastSeen))),
          h("span", {}, h("b", {}, i.entities.length), " services"),
          h("span", {}, h("b", {}, i.signals.length), " signals"),
          op.acknowledged ? h("span", {}, "Acknowledged by ", h("b", {}, op.acknowledged.actor), ` ${ago(op.acknowledged.at)}`) : null,
          i.mergedInto ? h("span", {}, "Merged into ", h("a", { href: `#/incidents/${encodeURIComponent(i.mergedInto)}` }, i.mergedInto)) : null)),
      actionBar(i)));

  const verdict = top ? h("section", { class: "card verdict", "aria-label": "Most likely cause" },
    h("div", { class: "muted" }, "Most likely cause"),
    h("div", { class: "big" }, h("span", { class: "cause", id: "top-cause" }, top.entity), ` — ${top.indicator} `, h("span", { class: "muted" }, `(${top.confidence} confidence, score ${top.score.toFixed(2)})`)),
    h("ul", { class: "story", "aria-label": "What happened" }, story(i, top).map((line) => h("li", {}, line))),
    h("p", { class: "muted why" }, h("b", {}, "Why the engine thinks so: "), top.explanation)) : h("section", { class: "card" }, "No root-cause report yet.");

  const causes = h("section", { class: "card", "aria-labelledby": "causes-title" },
    h("h2", { id: "causes-title" }, "Ranked causes"),
    candidates.slice(0, 5).map((c, n) => candidateCard(i, c, n, Math.min(width * 0.55, 640))));

  const graphCard = h("section", { class: "card", "aria-labelledby": "graph-title" },
    h("h2", { id: "graph-title" }, "Dependencies"),
    dependencyGraph(i, topology, candidates, Math.max(300, Math.min(width * 0.45, 560))),
    h("div", { class: "legend" }, h("span", {}, h("i", { class: "lg-alert" }), "suspected cause"), h("span", {}, h("i", { class: "lg-anomaly" }), "anomalous"), h("span", {}, "arrow: calls")));
  const timelineCard = h("section", { class: "card", "aria-labelledby": "tl-title" },
    h("h2", { id: "tl-title" }, "Timeline"),
    timeline(i, Math.max(300, Math.min(width * 0.45, 560))),
    h("div", { class: "legend" }, ["anomaly", "alert", "change", "novelty"].map((k) => h("span", {}, h("i", { class: `lg-${k}` }), k === "novelty" ? "new log line" : k))));
  const activity = h("section", { class: "card", "aria-labelledby": "act-title" },
    h("h2", { id: "act-title" }, "Operator activity"),
    op.actions.length ? h("ul", { class: "activity", id: "activity" }, op.actions.slice().reverse().map(describeAction)) : h("p", { class: "muted", id: "activity" }, "Nobody has acted on this incident yet."));
  const signals = h("section", { class: "card" }, h("details", {}, h("summary", {}, `All ${i.signals.length} signals`), signalTable(i)));

  main.replaceChildren(
    h("a", { class: "back", href: "#/" }, "← All incidents"),
    head, verdict,
    h("div", { class: "grid" }, h("div", {}, causes), h("div", { class: "side" }, graphCard, timelineCard, activity)),
    signals);
  if (!quiet) main.focus({ preventScroll: true });
}

// The incident as a short story: what broke first and by how much, the change before it, how it spread, who paged.
function story(i, top) {
  const lines = [];
  const shift = top.evidence.find((e) => e.kind === "shift");
  const onsetEv = top.evidence.find((e) => e.kind === "onset");
  const onset = (shift && shift.time) || (onsetEv && onsetEv.time) || i.firstSeen;
  if (shift) {
    const ratio = shift.before > 0 ? ` (×${(shift.after / shift.before).toFixed(1)})` : "";
    lines.push(h("span", {}, h("b", {}, `${top.entity} broke first`), `: ${top.indicator} went from ${fmt(shift.before)} to ${fmt(shift.after)}${ratio} at ${time(onset)} UTC.`));
  } else {
    lines.push(h("span", {}, h("b", {}, `${top.entity} broke first`), ` (${top.indicator}) at ${time(onset)} UTC.`));
  }
  const change = i.signals.filter((x) => x.kind === "change" && x.entity === top.entity && new Date(x.timestamp) <= new Date(onset)).sort((a, b) => new Date(b.timestamp) - new Date(a.timestamp))[0];
  if (change) {
    lines.push(h("span", {}, h("b", {}, `A change landed ${lagText(new Date(onset) - new Date(change.timestamp))} before`), `: “${change.summary || change.indicator}” on ${change.entity} (${time(change.timestamp)}).`));
  }
  const first = new Map();
  for (const x of i.signals) {
    if (x.kind === "change" || x.entity === top.entity) continue;
    const t = new Date(x.onset).getTime();
    if (!first.has(x.entity) || t < first.get(x.entity)) first.set(x.entity, t);
  }
  const spread = [...first.entries()].sort((a, b) => a[1] - b[1]);
  if (spread.length) {
    lines.push(h("span", {}, h("b", {}, "Then it spread"), `: ${spread.map(([e, t]) => `${e} (+${lagText(t - new Date(onset))})`).join(" → ")}.`));
  }
  const alerts = i.signals.filter((x) => x.kind === "alert");
  if (alerts.length) {
    lines.push(h("span", {}, h("b", {}, "Paged"), `: ${alerts.map((a) => `${a.indicator} on ${a.entity} at ${time(a.onset)} (${a.summary || ""})`).join("; ")}.`));
  }
  return lines;
}
function lagText(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${(s / 60).toFixed(s % 60 ? 1 : 0)} min`;
}

function actionBar(i) {
  const op = i.operator;
  const post = (path, body, done) => async (e) => {
    e.target.disabled = true;
    try { await api(`api/v1/incidents/${encodeURIComponent(i.id)}/${path}`, { method: "POST", body: JSON.stringify(body || {}) }); toast(done); await render(true); }
    catch (err) { toast(err.message); e.target.disabled = false; }
  };
  const dur = h("select", { id: "silence-for", "aria-label": "Silence duration" }, [["1h", "1 hour"], ["4h", "4 hours"], ["1d", "1 day"], ["7d", "7 days"]].map(([v, t]) => h("option", { value: v }, t)));
  return h("div", { class: "actions-bar", role: "group", "aria-label": "Incident actions" },
    h("button", { type: "button", class: "primary", id: "ack", disabled: !!op.acknowledged, onclick: post("acknowledge", {}, "Acknowledged") }, op.acknowledged ? "Acknowledged" : "Acknowledge"),
    h("button", { type: "button", id: "resolve", disabled: op.status === "resolved", onclick: post("resolve", {}, "Resolved") }, "Resolve"),
    h("span", { class: "row" }, h("button", { type: "button", id: "silence", onclick: (e) => post("silence", { duration: dur.value }, `Similar incidents silenced for ${dur.selectedOptions[0].text}`)(e) }, "Silence similar"), dur),
    h("button", { type: "button", id: "noise", class: "bad", disabled: !!op.noiseMark, onclick: post("feedback", { verdict: "noise" }, "Marked as noise: similar incidents will be suppressed") }, op.noiseMark ? "Marked noise" : "Noise"));
}

function candidateCard(i, c, n, width) {
  const fb = i.operator.feedback.filter((f) => f.entity === c.entity && f.indicator === c.indicator);
  const last = fb[fb.length - 1];
  const give = (verdict) => async (e) => {
    e.target.disabled = true;
    try {
      await api(`api/v1/incidents/${encodeURIComponent(i.id)}/feedback`, { method: "POST", body: JSON.stringify({ verdict, entity: c.entity, indicator: c.indicator }) });
      toast(verdict === "cause" ? `Thanks: ${c.entity} will rank higher for this pattern` : `Thanks: ${c.entity} will rank lower for this pattern`);
      await render(true);
    } catch (err) { toast(err.message); e.target.disabled = false; }
  };
  const shift = c.evidence.find((e) => e.kind === "shift");
  return h("article", { class: n === 0 ? "candidate lead" : "candidate", "aria-label": `Cause ${n + 1}: ${c.entity}`, "data-entity": c.entity },
    h("header", {},
      h("h3", {}, h("span", { class: "rank" }, `#${n + 1}`), h("span", { class: n === 0 ? "cause" : null }, c.entity), h("span", { class: "muted" }, ` · ${c.indicator}`)),
      h("span", { class: "muted" }, `score ${c.score.toFixed(2)} · ${c.confidence} confidence`)),
    h("div", { class: "scorebar", role: "img", "aria-label": `score ${c.score.toFixed(2)} of 1` }, scoreFill(c.score)),
    h("p", {}, c.explanation),
    shift ? beforeAfter(i, c, shift, width) : null,
    h("ul", { class: "evidence" }, c.evidence.map((e) => h("li", {}, h("span", { class: "kind" }, e.kind === "logTemplate" ? "new log" : e.kind), h("span", {}, e.description, e.time ? h("span", { class: "muted" }, ` · ${time(e.time)}`) : null)))),
    h("div", { class: "feedback row" },
      h("button", { type: "button", class: "good", onclick: give("cause"), "data-verdict": "cause" }, "✓ This was the cause"),
      h("button", { type: "button", class: "bad", onclick: give("not-cause"), "data-verdict": "not-cause" }, "✗ Not the cause"),
      last ? h("span", { class: last.verdict === "cause" ? "fb-note" : "fb-note neg" }, `${last.verdict === "cause" ? "Confirmed as the cause" : "Rejected"} by ${last.actor} ${ago(last.at)}`) : null));
}
function scoreFill(score) {
  const span = h("span", {});
  span.style.width = `${Math.round(Math.min(1, score) * 100)}%`; // CSSOM, allowed by the CSP
  return span;
}

// A step chart of the lead indicator: the expected level before onset, the observed level after, on the incident's clock.
function beforeAfter(i, c, shift, width) {
  const sig = i.signals.find((x) => x.entity === c.entity && x.indicator === c.indicator) || {};
  const onset = new Date(shift.time || sig.onset).getTime();
  const last = new Date(sig.timestamp || i.lastSeen).getTime();
  const change = c.evidence.find((e) => e.kind === "change");
  const changeAt = change && change.time ? new Date(change.time).getTime() : null;
  // The signal's observations as the incident's versions recorded them: the sparkline over the step.
  const series = (i.observed || []).find((x) => x.entity === c.entity && x.indicator === c.indicator);
  const points = series ? series.points.map((p) => ({ t: new Date(p.t).getTime(), v: p.v })) : [];
  const start = Math.min(onset - 6 * 60000, changeAt ? changeAt - 60000 : Infinity);
  const end = Math.max(last, onset + 4 * 60000, ...points.map((p) => p.t)) + 30000;
  const H = 120, L = 46, R = 12, T = 14, B = 22, w = width;
  const max = Math.max(shift.before, shift.after, ...points.map((p) => p.v)) * 1.2 || 1;
  const x = (t) => L + ((t - start) / (end - start)) * (w - L - R);
  const y = (v) => T + (1 - v / max) * (H - T - B);
  const ratio = shift.before > 0 ? shift.after / shift.before : null;
  const label = `${c.indicator}: ${fmt(shift.before)} before, ${fmt(shift.after)} after onset at ${time(onset)}${ratio ? ` (×${ratio.toFixed(1)})` : ""}`;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${w} ${H}`, width: w, height: H, role: "img", "aria-label": label },
    s("title", {}, label),
    s("line", { x1: L, x2: w - R, y1: y(0), y2: y(0), stroke: "#cbd5e1" }),
    y(0) - y(shift.before) > 12 ? s("text", { x: L - 6, y: y(0) + 4, "text-anchor": "end", "font-size": 11, fill: "#6b7280" }, "0") : null,
    s("text", { x: L - 6, y: y(shift.before) + 4, "text-anchor": "end", "font-size": 11, fill: "#475569" }, fmt(shift.before)),
    s("text", { x: L - 6, y: y(shift.after) + 4, "text-anchor": "end", "font-size": 11, fill: "#b91c1c", "font-weight": 700 }, fmt(shift.after)),
    s("rect", { x: x(onset), y: T, width: Math.max(0, x(end) - x(onset)), height: H - T - B, fill: "#fef2f2" }),
    s("line", { x1: x(start), x2: x(end), y1: y(shift.before), y2: y(shift.before), stroke: "#94a3b8", "stroke-dasharray": "4 3" }),
    s("polyline", { points: `${x(start)},${y(shift.before)} ${x(onset)},${y(shift.before)} ${x(onset)},${y(shift.after)} ${x(last)},${y(shift.after)}`, fill: "none", stroke: "#dc2626", "stroke-width": 2.5 }),
    s("circle", { cx: x(onset), cy: y(shift.after), r: 3.5, fill: "#dc2626" }),
    s("circle", { cx: x(last), cy: y(shift.after), r: 3.5, fill: "#dc2626" }),
    s("line", { x1: x(Math.max(last, onset)), x2: x(end), y1: y(shift.after), y2: y(shift.after), stroke: "#dc2626", "stroke-width": 1.5, "stroke-dasharray": "5 4" }),
    s("text", { x: x(onset) + 4, y: H - 7, "font-size": 11, fill: "#b91c1c" }, `onset ${time(onset)}`),
    x(onset) - L > 70 ? s("text", { x: L, y: H - 7, "font-size": 11, fill: "#6b7280" }, time(start)) : null,
    ratio ? s("text", { x: Math.min(x(onset) + 8, w - 60), y: y(shift.after) - 6, "font-size": 12, "font-weight": 700, fill: "#b91c1c" }, `×${ratio.toFixed(1)}`) : null,
    points.map((p) => s("circle", { cx: x(p.t), cy: y(p.v), r: 2.5, fill: "#7f1d1d" }, s("title", {}, `${time(p.t)}: ${fmt(p.v)}`))),
    changeAt ? [
      s("line", { x1: x(changeAt), x2: x(changeAt), y1: T, y2: H - B, stroke: "#2563eb", "stroke-width": 2 }),
      s("text", { x: x(changeAt) - 4, y: T + 10, "text-anchor": "end", "font-size": 11, fill: "#2563eb" }, "change"),
    ] : null);
  return h("figure", { class: "chart-wrap" }, svg, h("figcaption", { class: "muted" }, `${c.indicator}: expected ${fmt(shift.before)}, observed ${fmt(shift.after)}${ratio ? ` (×${ratio.toFixed(1)})` : ""}; shaded: after onset (solid to the last observation)${points.length ? `; dots: ${points.length} observation${points.length === 1 ? "" : "s"} seen by this server` : ""}`));
}

// The affected part of the dependency graph, callers left, callees right, the suspected cause in red.
function dependencyGraph(i, topology, candidates, width) {
  const affected = new Set(i.entities);
  const rank = new Map(candidates.map((c, n) => [c.entity, n]));
  const cause = candidates[0] && candidates[0].entity;
  const edges = topology.edges.filter((e) => affected.has(e.caller) || affected.has(e.callee) || e.caller === cause || e.callee === cause);
  const names = [...new Set([...i.entities, ...edges.flatMap((e) => [e.caller, e.callee]), ...(cause ? [cause] : [])])];
  const depth = new Map(names.map((n) => [n, 0]));
  for (let pass = 0; pass < names.length; pass++) for (const e of edges) if (depth.get(e.callee) < depth.get(e.caller) + 1) depth.set(e.callee, depth.get(e.caller) + 1);
  const layers = [];
  for (const n of names) (layers[depth.get(n)] ||= []).push(n);
  layers.forEach((l) => l && l.sort((a, b) => (rank.get(a) ?? 99) - (rank.get(b) ?? 99) || a.localeCompare(b)));
  const cols = layers.length, rows = Math.max(...layers.map((l) => (l ? l.length : 0)), 1);
  const NW = Math.min(120, (width - 20) / cols - 16), NH = 34, W = width, H = rows * 62 + 30;
  const pos = new Map();
  layers.forEach((l, d) => (l || []).forEach((n, k) => pos.set(n, { x: 10 + d * ((W - 20 - NW) / Math.max(1, cols - 1)), y: 12 + k * 62 + ((rows - l.length) * 62) / 2 })));
  const svg = s("svg", { class: "graph", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": `Dependency graph; suspected cause ${cause || "unknown"}` },
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#64748b" }))));
  for (const e of edges) {
    const a = pos.get(e.caller), b = pos.get(e.callee);
    const hot = affected.has(e.caller) && affected.has(e.callee);
    svg.append(s("line", { x1: a.x + NW, y1: a.y + NH / 2, x2: b.x - 2, y2: b.y + NH / 2, stroke: hot ? "#f97316" : "#94a3b8", "stroke-width": hot ? 2.5 : 1.5, "marker-end": "url(#arrow)" }));
  }
  for (const n of names) {
    const p = pos.get(n);
    const isCause = n === cause, hot = affected.has(n);
    const g = s("g", {}, s("title", {}, `${n}${isCause ? " (suspected cause)" : hot ? " (anomalous)" : ""}`));
    g.append(s("rect", { x: p.x, y: p.y, width: NW, height: NH, rx: 8, fill: isCause ? "#dc2626" : hot ? "#ffedd5" : "#f1f5f9", stroke: isCause ? "#7f1d1d" : hot ? "#f97316" : "#cbd5e1", "stroke-width": isCause ? 3 : 1.5 }));
    g.append(s("text", { x: p.x + NW / 2, y: p.y + NH / 2 + 4, "text-anchor": "middle", "font-size": 12.5, "font-weight": isCause ? 700 : 500, fill: isCause ? "#fff" : "#111827" }, n.length > 16 ? n.slice(0, 15) + "…" : n));
    if (rank.has(n) && rank.get(n) < 5) g.append(s("text", { x: p.x + NW / 2, y: p.y + NH + 13, "text-anchor": "middle", "font-size": 11, fill: isCause ? "#b91c1c" : "#6b7280", "font-weight": isCause ? 700 : 400 }, isCause ? "suspected cause" : `#${rank.get(n) + 1}`));
    svg.append(g);
  }
  return svg;
}

// One row per signal, grouped by entity in onset order: what went wrong first is at the top left.
function timeline(i, width) {
  const sigs = i.signals.slice().sort((a, b) => new Date(a.onset) - new Date(b.onset));
  const firstByEntity = new Map();
  // Entities in the order their problems began (a change event is context, not the start of a problem).
  for (const x of sigs) if (x.kind !== "change" && !firstByEntity.has(x.entity)) firstByEntity.set(x.entity, new Date(x.onset).getTime());
  for (const x of sigs) if (!firstByEntity.has(x.entity)) firstByEntity.set(x.entity, new Date(x.onset).getTime());
  sigs.sort((a, b) => firstByEntity.get(a.entity) - firstByEntity.get(b.entity) || a.entity.localeCompare(b.entity) || new Date(a.onset) - new Date(b.onset));
  const problems = sigs.filter((x) => x.kind !== "change");
  const t0 = Math.min(...(problems.length ? problems : sigs).map((x) => new Date(x.onset).getTime())) - 4 * 60000;
  const t1 = Math.max(...sigs.map((x) => new Date(x.timestamp).getTime())) + 30000;
  const LBL = Math.min(210, width * 0.42), RH = 20, T = 18, W = width, H = T + sigs.length * RH + 8;
  const x = (t) => LBL + ((t - t0) / Math.max(1, t1 - t0)) * (W - LBL - 10);
  const color = { anomaly: "#f97316", alert: "#dc2626", change: "#2563eb", novelty: "#7c3aed" };
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": `Timeline of ${sigs.length} signals from ${time(t0)} to ${time(t1)}` },
    s("text", { x: LBL, y: 11, "font-size": 11, fill: "#6b7280" }, time(t0)),
    s("text", { x: W - 10, y: 11, "font-size": 11, fill: "#6b7280", "text-anchor": "end" }, time(t1)));
  let prev = null;
  sigs.forEach((sg, k) => {
    const y = T + k * RH;
    if (sg.entity !== prev && k > 0) svg.append(s("line", { x1: 0, x2: W, y1: y, y2: y, stroke: "#eef0f3" }));
    const label = `${sg.entity !== prev ? sg.entity : ""}`;
    prev = sg.entity;
    svg.append(s("text", { x: 0, y: y + 14, "font-size": 12, "font-weight": 600, fill: "#111827" }, label));
    svg.append(s("text", { x: LBL - 6, y: y + 14, "font-size": 11, fill: "#6b7280", "text-anchor": "end" }, sg.kind === "change" ? "change" : sg.indicator.length > 22 ? sg.indicator.slice(0, 21) + "…" : sg.indicator));
    const early = new Date(sg.onset).getTime() < t0; // an older change: pinned to the left edge with its time
    const a = x(Math.max(t0, new Date(sg.onset).getTime())), b = x(Math.max(t0, new Date(sg.timestamp).getTime()));
    if (early) svg.append(s("text", { x: a + 9, y: y + 14, "font-size": 10.5, fill: "#2563eb" }, `← ${time(sg.onset)}`));
    const c = color[sg.kind] || "#64748b";
    const tip = s("title", {}, `${sg.kind} ${sg.entity} ${sg.indicator}: ${sg.summary || ""} (from ${time(sg.onset)}, last ${time(sg.timestamp)})`);
    if (sg.kind === "change") svg.append(s("g", {}, tip, s("path", { d: `M${a},${y + 4} l6,6 l-6,6 l-6,-6 z`, fill: c })));
    else if (sg.kind === "alert") svg.append(s("g", {}, tip, s("path", { d: `M${a},${y + 3} l7,13 l-14,0 z`, fill: c })));
    else svg.append(s("g", {}, tip, s("rect", { x: a, y: y + 6, width: Math.max(3, b - a), height: 8, rx: 3, fill: c, opacity: 0.35 }), s("circle", { cx: a, cy: y + 10, r: 5, fill: c })));
  });
  return svg;
}

function signalTable(i) {
  return h("table", { class: "signals" },
    h("thead", {}, h("tr", {}, ["Onset", "Kind", "Entity", "Indicator", "Expected", "Observed", "Summary"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, i.signals.slice().sort((a, b) => new Date(a.onset) - new Date(b.onset)).map((x) => h("tr", {},
      h("td", { class: "mono" }, time(x.onset)), h("td", {}, x.kind), h("td", {}, x.entity), h("td", { class: "mono" }, x.indicator),
      h("td", { class: "num" }, x.kind === "anomaly" ? fmt(x.expected) : ""), h("td", { class: "num" }, x.kind === "anomaly" ? fmt(x.observed) : ""), h("td", {}, x.summary || "")))));
}

function describeAction(a) {
  const what = {
    acknowledge: "acknowledged",
    resolve: "resolved",
    silence: `silenced similar incidents until ${a.until ? dateTime(a.until) : "?"}`,
    feedback: a.verdict === "noise" ? "marked the incident as noise" : `said ${a.entity} (${a.indicator}) ${a.verdict === "cause" ? "was the cause" : "was not the cause"}`,
  }[a.kind] || a.kind;
  return h("li", { "data-kind": a.kind }, h("b", {}, a.actor), ` ${what}`, a.note ? ` — “${a.note}”` : "", h("span", { class: "muted" }, ` · ${ago(a.at)}`));
}

updateTokenButton();
render(false);
stream();
