"use strict";
// The facilitator's page, for a projector: the ranking first, sliders beside
// it, and the room (join code, group weights, disagreement, saving).

// The key arrives in the address the server printed; it is kept for this tab
// only and taken out of the address bar at once, so the projector never shows it.
const key = (() => {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get("key");
  if (fromUrl) {
    sessionStorage.setItem("tradeoffs-key", fromUrl);
    history.replaceState(null, "", "/");
  }
  return fromUrl || sessionStorage.getItem("tradeoffs-key");
})();

let model = null;
let colours = {};
let weights = {};
let method = "wsm";
let lastReport = null;
let pending = false;
let updates = 0;
let room = null;
window.__latencies = [];
window.__state = () => ({ weights: { ...weights }, method });

function update() {
  if (pending) { pending = "again"; return; }
  pending = true;
  const started = performance.now();
  api("/api/rank", { weights, method })
    .then((report) => {
      lastReport = report;
      showWeights($("weights"), weights);
      renderRanking($("ranking"), model, report, colours, { onClick: details });
      updates += 1;
      document.body.dataset.updates = String(updates);
      window.__latencies.push(performance.now() - started);
    })
    .catch(showError)
    .finally(() => { const again = pending === "again"; pending = false; if (again) update(); });
}

function setWeights(w) {
  weights = { ...w };
  setSliders($("weights"), weights);
  $("swap").textContent = "Move a slider: the line here says when the leader would change.";
  update();
}

function details(option) {
  const box = $("details");
  const table = el("table", {}, el("tr", {}, el("th", { textContent: "Criterion" }), el("th", { textContent: "Score" }), el("th", { textContent: "Why" }), el("th", { textContent: "Source" })));
  for (const c of model.criteria) {
    const e = option.evidence[c.id];
    const range = e.low != null && e.high != null ? ` (${e.low}–${e.high})` : "";
    table.append(el("tr", {}, el("td", { textContent: c.name }), el("td", { textContent: `${e.value}${range}` }), el("td", { textContent: e.why || "" }), el("td", { textContent: e.source || "" })));
  }
  box.replaceChildren(
    el("button", { type: "button", className: "close", textContent: "Close", onclick: () => { box.hidden = true; } }),
    el("h3", { textContent: option.name }), el("p", { textContent: option.description || "" }), table);
  box.hidden = false;
}

// The leader's hint for the weight just moved: how far it can go before the
// top of the ranking changes, and who leads then.
async function leaderHint(criterion) {
  if (!key) return;
  const sent = JSON.stringify(weights);
  try {
    const sweep = await api("/api/sensitivity", { weights, method, criterion }, key);
    if (JSON.stringify(weights) !== sent) return; // moved again since
    const l = sweep.leader;
    const c = model.criteria.find((x) => x.id === criterion);
    const [now, lo, hi] = pctDistinct([l.weight, l.down ? l.down.weight : l.weight, l.up ? l.up.weight : l.weight]);
    const span = l.down && l.up ? `from ${lo} to ${hi}` : l.up ? `up to ${hi}` : l.down ? `from ${lo} up` : "whatever this weight";
    const parts = [`${c.name} at ${now}: ${l.now.name} leads ${span}`];
    if (l.up) parts.push(`Above: ${l.up.leader.name}`);
    if (l.down) parts.push(`Below: ${l.down.leader.name}`);
    $("swap").textContent = parts.join(". ") + ".";
  } catch (e) {
    if (e.status !== 503) showError(e);
  }
}

// SMAA: each option's share of first places for weights near the current
// ones, written into the option's own slot so a second click replaces it.
async function smaa() {
  const button = $("smaa");
  button.disabled = true;
  try {
    // Tests set window.__smaaSamples to keep a debug build quick.
    const samples = window.__smaaSamples || 10000;
    const report = await api("/api/smaa", { weights, method, spread: 0.25, samples }, key);
    for (const o of report.options) {
      const slot = document.querySelector(`#ranking li[data-option="${o.id}"] .acc`);
      if (slot) slot.textContent = `first in ${(100 * o.acceptability[0]).toFixed(0)}% nearby`;
    }
  } catch (e) { showError(e); } finally { button.disabled = false; }
}

function nameOf(p) { return p.name; }

function renderRoom(data) {
  room = data;
  const n = data.participants.length;
  $("count").textContent = `· ${n} submitted`;
  $("anonymous").checked = data.anonymous;
  const group = $("group");
  if (data.group) {
    const w = data.disagreement.kendall_w;
    group.replaceChildren(
      el("p", {}, el("strong", { textContent: "Group top: " }), data.group.ranking.slice(0, 3).map((o) => o.name).join(", ")),
      el("p", { className: "figure", id: "kendall" }, el("strong", { textContent: w == null ? "Agreement: needs two people" : `Agreement (Kendall's W): ${w.toFixed(2)}` }),
        el("span", { className: "muted", textContent: w == null ? "" : w > 0.7 ? " · the room ranks alike" : w > 0.4 ? " · partly alike" : " · the room ranks differently" })),
      el("button", { type: "button", className: "secondary", textContent: "Load the group's weights", onclick: () => setWeights(scaled(data.group.weights)) }),
      el("details", {}, el("summary", { textContent: "Full group ranking" }),
        el("ol", { className: "group-ranking" }, ...data.group.ranking.map((o) => el("li", { textContent: `${o.name} (${o.score.toFixed(3)})` })))));
  } else {
    group.replaceChildren(el("p", { className: "muted", textContent: "No one has submitted yet." }));
  }
  // Disagreement: criteria by standard deviation of their weight, widest first.
  const spread = Object.entries(data.disagreement.spread)
    .map(([id, s]) => ({ id, ...s, name: model.criteria.find((c) => c.id === id).name }))
    .sort((a, b) => b.sd - a.sd).slice(0, 6);
  const max = Math.max(0.01, ...spread.map((s) => s.max));
  $("disagreement").replaceChildren(...(n < 2 ? [el("p", { className: "muted", textContent: "Shown once two people have submitted." })] :
    spread.map((s) => el("div", { className: "spread", title: `${s.name}: from ${pct(s.min)} to ${pct(s.max)}, mean ${pct(s.mean)}, sd ${pct(s.sd, 1)}` },
      el("span", { className: "spread-name", textContent: s.name }),
      el("span", { className: "spread-bar" }, el("span", { style: `left:${(100 * s.min / max).toFixed(1)}%;width:${Math.max(1, 100 * (s.max - s.min) / max).toFixed(1)}%;background:${colours[s.id]}` })),
      el("span", { className: "spread-value", textContent: `${pct(s.min)}–${pct(s.max)}` })))));
  $("people").replaceChildren(...data.participants.map((p) => el("li", { dataset: { participant: String(p.id) } },
    el("span", { className: "who", textContent: nameOf(p) + (p.via === "swing" ? " (swing)" : "") }),
    el("span", { className: "top", textContent: p.top.map((id) => optionName(model, id)).join(", ") }),
    el("span", { className: "actions" },
      el("button", { type: "button", className: "secondary", textContent: "Load", onclick: () => setWeights(scaled(p.weights)) }),
      el("button", { type: "button", className: "secondary danger", textContent: "Remove", onclick: () => removeParticipant(p) })))));
  const from = $("save-from");
  const current = from.value;
  from.replaceChildren(el("option", { value: "group-arithmetic", textContent: "the group (arithmetic mean)" }), el("option", { value: "group-geometric", textContent: "the group (geometric mean)" }),
    ...data.participants.map((p) => el("option", { value: `participant-${p.id}`, textContent: nameOf(p) })));
  if ([...from.options].some((o) => o.value === current)) from.value = current;
}

function scaled(w) { const out = {}; for (const c of model.criteria) out[c.id] = 100 * (w[c.id] || 0); return out; }

async function removeParticipant(p) {
  if (!confirm(`Remove ${p.name}'s submission?`)) return;
  try { await api(`/api/participants/${p.id}`, undefined, key, "DELETE"); } catch (e) { showError(e); }
}

let roomBusy = false;
async function refreshRoom() {
  if (roomBusy) return;
  roomBusy = true;
  try { renderRoom(await api(`/api/room?mean=${$("mean").value}&method=${method}`, undefined, key)); } catch (e) { showError(e); } finally { roomBusy = false; }
}

// Live updates: the server pushes an event whenever the room changes, and
// EventSource reconnects by itself after a restart.
function listen() {
  const events = new EventSource(`/api/events?key=${encodeURIComponent(key)}`);
  events.addEventListener("room", refreshRoom);
}

async function session() {
  const s = await api("/api/session", undefined, key);
  $("facilitator").hidden = false;
  const link = s.links[0];
  $("join").href = link;
  $("join").textContent = link;
  $("code").textContent = s.code;
  $("code-url").textContent = s.code_url.replace(/^https?:\/\//, "");
  $("code-pill").textContent = `Join: ${s.code_url.replace(/^https?:\/\//, "")} · ${s.code}`;
  $("code-pill").hidden = false;
  if (s.qr) $("qr").innerHTML = s.qr; // SVG the server made from its own link
  $("built-in").hidden = !s.built_in;
  $("resumed").hidden = !s.resumed;
  $("save").querySelector("button").disabled = !s.can_save;
}

function addProfile(profile) {
  model.profiles = model.profiles.filter((p) => p.id !== profile.id).concat([profile]);
  const select = $("profile");
  select.append(el("option", { value: profile.id, textContent: profile.name }));
  select.value = profile.id;
}

async function main() {
  model = await api("/api/model");
  colours = criterionColours(model);
  $("title").textContent = model.title;
  document.title = `${model.title} — tradeoffs workshop`;
  $("profile").replaceChildren(...model.profiles.map((p) => el("option", { value: p.id, textContent: p.name })));
  $("method").replaceChildren(...model.methods.map((m) => el("option", { value: m, textContent: m })));
  if (model.default_profile) $("profile").value = model.default_profile;
  weights = profileWeights(model, $("profile").value);
  buildSliders($("weights"), model, weights, colours, (id, v) => { weights[id] = v; update(); }, leaderHint);
  legend($("legend"), model, colours);
  $("profile").addEventListener("change", (e) => setWeights(profileWeights(model, e.target.value)));
  $("method").addEventListener("change", (e) => { method = e.target.value; update(); if (key) refreshRoom(); });
  $("smaa").addEventListener("click", smaa);
  $("smaa").hidden = !key;
  update();
  if (!key) { $("no-key").hidden = false; return; }
  await session();
  $("mean").addEventListener("change", refreshRoom);
  $("anonymous").addEventListener("change", (e) => api("/api/anonymous", { anonymous: e.target.checked }, key).catch(showError));
  $("write-model").addEventListener("click", async () => {
    try {
      const r = await api("/api/write-model", undefined, key, "POST");
      await session();
      $("save-result").textContent = `Wrote ${r.options} and ${r.criteria}; saves go there now.`;
    } catch (e) { showError(e); }
  });
  $("save").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = await api("/api/save", { id: $("save-id").value, name: $("save-name").value || undefined, from: $("save-from").value }, key);
      addProfile(r.profile);
      $("save-result").textContent = `Saved “${r.profile.name}” to ${r.file}; the file before is kept as ${r.backup}.`;
    } catch (err) { showError(err); }
  });
  await refreshRoom();
  listen();
}
main().catch(showError);
