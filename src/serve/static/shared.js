"use strict";
// Parts both pages use: the API client, DOM helpers, the criterion colours,
// grouped sliders, and the ranking with its stacked bars and legend.

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies;
// one per group of the value tree, criteria within a group in lighter shades.
const GROUP_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#666666"];

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "style") node.setAttribute("style", v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

// Calls the API with an optional credential; throws the server's own message.
async function api(path, body, credential, method) {
  const headers = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (credential) headers.authorization = `Bearer ${credential}`;
  const init = { method: method || (body !== undefined ? "POST" : "GET"), headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.error || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return json;
}

// A message that stays until it is replaced or dismissed.
function showError(e) {
  const box = $("error");
  if (!box) return;
  box.replaceChildren(el("span", { textContent: String(e.message || e) }),
    el("button", { type: "button", className: "link", textContent: "Dismiss", onclick: () => { box.hidden = true; } }));
  box.hidden = false;
}

function groupIndex(model, c) {
  const i = model.groups.findIndex((g) => g.id === c.group);
  return i < 0 ? model.groups.length : i;
}

// Each criterion's colour: its group's hue, lighter for later members.
function criterionColours(model) {
  const seen = {};
  const colours = {};
  for (const c of model.criteria) {
    const g = groupIndex(model, c);
    const k = (seen[g] = (seen[g] || 0) + 1) - 1;
    colours[c.id] = mix(GROUP_COLOURS[g % GROUP_COLOURS.length], 0.22 * (k % 4));
  }
  return colours;
}

function mix(hex, towardWhite) {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => Math.round(x + (255 - x) * towardWhite));
  return `rgb(${ch.join(",")})`;
}

function optionName(model, id) { return (model.options.find((o) => o.id === id) || { name: id }).name; }

function profileWeights(model, id) {
  const p = model.profiles.find((x) => x.id === id);
  const w = {};
  for (const c of model.criteria) w[c.id] = p ? p.weights[c.id] * 100 : 100 / model.criteria.length;
  return w;
}

function normalize(weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  const out = {};
  for (const [k, v] of Object.entries(weights)) out[k] = v / total;
  return out;
}

function pct(x, digits = 0) { return `${(100 * x).toFixed(digits)}%`; }

// Sliders grouped by the value tree; `onInput(id, value)` on every move,
// `onChange(id)` when a move ends.
function buildSliders(box, model, weights, colours, onInput, onChange) {
  box.replaceChildren();
  const groups = [...model.groups, { id: null, name: "Other criteria" }];
  groups.forEach((g, gi) => {
    const members = model.criteria.filter((c) => (c.group || null) === g.id);
    if (!members.length) return;
    const set = el("fieldset", { style: `--c:${GROUP_COLOURS[gi % GROUP_COLOURS.length]}` }, el("legend", { textContent: g.name }));
    for (const c of members) {
      const input = el("input", { type: "range", min: 0, max: 100, step: 1, value: weights[c.id], dataset: { criterion: c.id } });
      input.setAttribute("aria-label", c.name);
      input.addEventListener("input", () => onInput(c.id, Number(input.value)));
      input.addEventListener("change", () => onChange && onChange(c.id));
      set.append(el("div", { className: "slider", title: c.description },
        el("span", { className: "swatch", style: `background:${colours[c.id]}` }),
        el("label", { textContent: c.name, htmlFor: `w-${c.id}` }),
        el("output", { dataset: { criterion: c.id } }),
        input));
      input.id = `w-${c.id}`;
    }
    box.append(set);
  });
}

function setSliders(box, weights) {
  for (const input of box.querySelectorAll("input[type=range]")) input.value = weights[input.dataset.criterion];
}

function showWeights(box, weights) {
  const w = normalize(weights);
  for (const out of box.querySelectorAll("output[data-criterion]")) out.textContent = pct(w[out.dataset.criterion]);
}

// The legend: one swatch per group, the group's criteria in its shades.
function legend(box, model, colours) {
  const groups = [...model.groups, { id: null, name: "Other" }];
  box.replaceChildren(...groups.map((g) => {
    const members = model.criteria.filter((c) => (c.group || null) === g.id);
    if (!members.length) return null;
    return el("span", { className: "legend-group" },
      ...members.map((c) => el("span", { className: "swatch", style: `background:${colours[c.id]}`, title: c.name })),
      el("span", { textContent: g.name }));
  }).filter(Boolean));
}

// The ranking: rank, name, a bar of each criterion's contribution, score.
function renderRanking(list, model, report, colours, options = {}) {
  const rows = options.limit ? report.ranking.slice(0, options.limit) : report.ranking;
  const additive = report.method === "wsm";
  list.replaceChildren(...rows.map((row) => {
    const option = model.options.find((o) => o.id === row.id);
    const bar = el("span", { className: "bar" });
    if (option && additive) {
      model.criteria.forEach((c, j) => {
        const part = report.weights[c.id] * option.values[j];
        if (part <= 0) return;
        bar.append(el("span", { style: `width:${(part * 100).toFixed(2)}%;background:${colours[c.id]}`, title: `${c.name}: adds ${part.toFixed(3)}` }));
      });
    } else {
      bar.append(el("span", { className: "plain", style: `width:${Math.max(0, Math.min(100, 100 * row.score)).toFixed(1)}%` }));
    }
    const item = el("li", { dataset: { option: row.id, rank: String(row.rank) } },
      el("span", { className: "rank", textContent: row.rank }),
      el("span", { className: "name", textContent: row.name + (row.dominated_by ? " †" : ""), title: row.name }),
      bar,
      el("span", { className: "score", textContent: row.score.toFixed(3) }),
      el("span", { className: "acc" }));
    if (options.onClick) item.addEventListener("click", () => options.onClick(option));
    return item;
  }));
}

// A random id for this browser, kept across visits: the server tells
// participants apart by it, not by the name they type. getRandomValues works
// on plain http, where randomUUID does not.
function deviceId() {
  let id = localStorage.getItem("tradeoffs-device");
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("tradeoffs-device", id);
  }
  return id;
}

// Numbers as percentages with the fewest decimals (the same for all) that keep
// different numbers different, so a hint never says "now 56% … above 56%".
function pctDistinct(values) {
  const distinct = new Set(values).size;
  for (let d = 0; d <= 4; d++) {
    const shown = values.map((v) => pct(v, d));
    if (new Set(shown).size === distinct) return shown;
  }
  return values.map((v) => pct(v, 4));
}
