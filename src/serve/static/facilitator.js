"use strict";
// The workshop page: sliders per criterion, a live ranking, the next swap
// point, SMAA on demand, the evidence behind every score, and the room.
const params = new URLSearchParams(location.search);
const key = params.get("key");
const token = params.get("token");
const participantMode = location.pathname === "/join";
const groupColours = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000"];
let model = null;
let weights = {};
let method = "wsm";
let moved = null;
let pending = false;
let updates = 0;
window.__latencies = [];
window.__state = () => ({ weights: { ...weights }, method });

const $ = (id) => document.getElementById(id);
function showError(e) { const el = $("error"); el.textContent = String(e.message || e); el.hidden = false; setTimeout(() => { el.hidden = true; }, 5000); }
async function api(path, body) {
  const init = body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {};
  const response = await fetch(path, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "dataset") Object.assign(node.dataset, v); else if (k in node) node[k] = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}
function groupIndex(c) { const i = model.groups.findIndex((g) => g.id === c.group); return i < 0 ? model.groups.length : i; }
function name(id) { return (model.options.find((o) => o.id === id) || { name: id }).name; }

function setProfile(id) {
  const p = model.profiles.find((x) => x.id === id);
  weights = {};
  for (const c of model.criteria) weights[c.id] = p ? p.weights[c.id] * 100 : 100 / model.criteria.length;
  for (const c of model.criteria) {
    const input = document.querySelector(`input[data-criterion="${c.id}"]`);
    if (input) input.value = weights[c.id];
  }
  moved = null;
  $("swap").textContent = "";
  update();
}

function buildSliders() {
  const box = $("weights");
  box.replaceChildren(el("h2", { textContent: "Weights" }));
  const groups = [...model.groups, { id: null, name: "Other criteria" }];
  groups.forEach((g, gi) => {
    const members = model.criteria.filter((c) => (c.group || null) === g.id);
    if (!members.length) return;
    const set = el("fieldset", { style: `--c:${groupColours[gi % groupColours.length]}` }, el("legend", { textContent: g.name }));
    for (const c of members) {
      const out = el("output", { textContent: "" });
      const input = el("input", { type: "range", min: 0, max: 100, step: 0.5, value: weights[c.id], title: c.description, dataset: { criterion: c.id } });
      input.setAttribute("aria-label", c.name);
      input.addEventListener("input", () => { weights[c.id] = Number(input.value); moved = c.id; update(); });
      set.append(el("div", { className: "slider" }, el("span", { textContent: c.name, title: c.description }), out, input));
    }
    box.append(set);
  });
}

function update() {
  if (pending) { pending = "again"; return; }
  pending = true;
  const started = performance.now();
  api("/api/rank", { weights, method })
    .then((report) => {
      render(report);
      updates += 1;
      document.body.dataset.updates = String(updates);
      window.__latencies.push(performance.now() - started);
      if (moved) return swapPoint(report);
    })
    .catch(showError)
    .finally(() => { const again = pending === "again"; pending = false; if (again) update(); });
}

function render(report) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  for (const c of model.criteria) {
    const out = document.querySelector(`input[data-criterion="${c.id}"]`)?.parentElement.querySelector("output");
    if (out) out.textContent = (weights[c.id] / total).toFixed(3);
  }
  const list = $("ranking");
  list.replaceChildren();
  for (const row of report.ranking) {
    const option = model.options.find((o) => o.id === row.id);
    const bar = el("div", { className: "bar" });
    model.criteria.forEach((c, j) => {
      const part = report.weights[c.id] * option.values[j];
      if (part <= 0) return;
      const e = option.evidence[c.id];
      const range = e.low != null && e.high != null ? ` (${e.low}–${e.high})` : "";
      bar.append(el("span", {
        style: `width:${(part * 100).toFixed(2)}%;background:${groupColours[groupIndex(c) % groupColours.length]};opacity:${1 - 0.12 * (j % 4)}`,
        title: `${c.name}: score ${e.value}${range}, adds ${part.toFixed(3)}\n${e.why || ""}\n${e.source || ""}`,
      }));
    });
    const item = el("li", { dataset: { option: row.id, rank: String(row.rank) } },
      el("span", { className: "rank", textContent: row.rank }),
      el("span", { textContent: row.name + (row.dominated_by ? " †" : "") }),
      bar,
      el("span", { className: "score", textContent: row.score.toFixed(3) }));
    item.addEventListener("click", () => details(option));
    list.append(item);
  }
}

function details(option) {
  const box = $("details");
  const table = el("table", {}, el("tr", {}, el("th", { textContent: "Criterion" }), el("th", { textContent: "Score" }), el("th", { textContent: "Why" }), el("th", { textContent: "Source" })));
  for (const c of model.criteria) {
    const e = option.evidence[c.id];
    const range = e.low != null && e.high != null ? ` (${e.low}–${e.high})` : "";
    table.append(el("tr", {}, el("td", { textContent: c.name }), el("td", { textContent: `${e.value}${range}` }), el("td", { textContent: e.why || "" }), el("td", { textContent: e.source || "" })));
  }
  box.replaceChildren(el("h3", { textContent: option.name }), el("p", { textContent: option.description }), table);
  box.hidden = false;
}

async function swapPoint(report) {
  const criterion = moved;
  const sweep = await api("/api/sensitivity", { weights, method, criterion });
  const s = sweep.criteria[0];
  const now = report.weights[criterion];
  const up = s.thresholds.filter((t) => t.weight > now).sort((a, b) => a.weight - b.weight)[0];
  const down = s.thresholds.filter((t) => t.weight < now).sort((a, b) => b.weight - a.weight)[0];
  const c = model.criteria.find((x) => x.id === criterion);
  const parts = [];
  if (up) parts.push(`raising it to ${up.weight.toFixed(2)}, ${name(up.pair[1])} overtakes ${name(up.pair[0])}`);
  if (down) parts.push(`lowering it to ${down.weight.toFixed(2)}, ${name(down.pair[0])} overtakes ${name(down.pair[1])}`);
  $("swap").textContent = parts.length ? `${c.name} (now ${now.toFixed(2)}), next swap: ${parts.join("; ")}.` : `${c.name}: no swap anywhere on this weight.`;
}

async function smaa() {
  const report = await api("/api/smaa", { weights, method, spread: 0.25, samples: 20000 });
  for (const o of report.options) {
    const item = document.querySelector(`li[data-option="${o.id}"] span:nth-child(2)`);
    if (item) item.append(el("span", { className: "acc", textContent: ` · first in ${(100 * o.acceptability[0]).toFixed(0)}% of nearby weightings` }));
  }
}

async function room() {
  try {
    const data = await api(`/api/participants?key=${encodeURIComponent(key)}&mean=${$("mean").value}`);
    $("people").replaceChildren(...data.participants.map((p) => el("li", { textContent: `${p.name}: ${p.top.map(name).join(", ")}` })));
    $("group").textContent = data.group ? `Group (${data.group.mean} mean of ${data.participants.length}): ${data.group.top.map(name).join(", ")}` : "No one has submitted yet.";
    const from = $("save-from");
    const current = from.value;
    from.replaceChildren(el("option", { value: "group-arithmetic", textContent: "group, arithmetic mean" }), el("option", { value: "group-geometric", textContent: "group, geometric mean" }), ...data.participants.map((p) => el("option", { value: p.name, textContent: p.name })));
    if (current) from.value = current;
  } catch (e) { showError(e); }
}

async function main() {
  model = await api("/api/model");
  $("title").textContent = model.title;
  document.title = `${model.title} — tradeoffs`;
  $("profile").replaceChildren(...model.profiles.map((p) => el("option", { value: p.id, textContent: p.name })));
  $("method").replaceChildren(...model.methods.map((m) => el("option", { value: m, textContent: m })));
  if (model.default_profile) $("profile").value = model.default_profile;
  const first = model.profiles.find((p) => p.id === $("profile").value);
  for (const c of model.criteria) weights[c.id] = first ? first.weights[c.id] * 100 : 100 / model.criteria.length;
  buildSliders();
  $("profile").addEventListener("change", (e) => setProfile(e.target.value));
  $("method").addEventListener("change", (e) => { method = e.target.value; update(); });
  $("smaa").addEventListener("click", () => smaa().catch(showError));
  if (participantMode) {
    $("participant").hidden = false;
    $("participant").addEventListener("submit", (e) => {
      e.preventDefault();
      api("/api/participants", { token, name: $("name").value, weights })
        .then(() => { $("submitted").textContent = "Submitted: thank you."; })
        .catch(showError);
    });
  } else if (key) {
    $("facilitator").hidden = false;
    const session = await api(`/api/session?key=${encodeURIComponent(key)}`);
    const link = location.origin + session.join;
    $("join").href = link;
    $("join").textContent = link;
    $("mean").addEventListener("change", room);
    $("save").addEventListener("submit", (e) => {
      e.preventDefault();
      api("/api/save", { key, id: $("save-id").value, from: $("save-from").value })
        .then((r) => { $("save-result").textContent = `Saved profile ${r.profile} to ${r.file} (backup ${r.backup}).`; })
        .catch(showError);
    });
    room();
    setInterval(room, 2000);
  }
  update();
}
main().catch(showError);
