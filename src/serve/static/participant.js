"use strict";
// The participant's page, for a phone: a name, weights by sliders or by
// swing weighting, the ranking those weights give, and a submit button.

// The token arrives in the join link; it is kept in this browser (a restarted
// server keeps the same token) and taken out of the address bar.
let token = (() => {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get("token");
  if (fromUrl) {
    localStorage.setItem("tradeoffs-token", fromUrl);
    history.replaceState(null, "", "/join");
  }
  return fromUrl || localStorage.getItem("tradeoffs-token");
})();

let model = null;
let colours = {};
let weights = {};
let via = "sliders";
let order = [];    // swing weighting: criterion ids, most wanted swing first
let ratings = {};  // swing weighting: 0–100, the first fixed at 100
let pending = false;
let updates = 0;
window.__state = () => ({ weights: { ...weights }, via });

function update() {
  if (pending) { pending = "again"; return; }
  pending = true;
  api("/api/rank", { weights })
    .then((report) => {
      showWeights($("weights"), weights);
      renderRanking($("ranking"), model, report, colours, { limit: 5 });
      updates += 1;
      document.body.dataset.updates = String(updates);
    })
    .catch(showError)
    .finally(() => { const again = pending === "again"; pending = false; if (again) update(); });
}

// Swing weighting (von Winterfeldt & Edwards, Decision Analysis and Behavioral
// Research, 1986, ch. 8; Belton & Stewart 2002, §5.4): the criteria's swings
// from worst to best are put in order, the first rated 100 and each other r_i
// against it (never above the one before), and the weights are
//   w_i = r_i / Σ_j r_j.
function swingWeights() {
  const w = {};
  for (const c of model.criteria) w[c.id] = ratings[c.id] || 0;
  return w;
}

function swingText(c) {
  const worst = c.direction === "cost" ? c.scale.max : c.scale.min;
  const best = c.direction === "cost" ? c.scale.min : c.scale.max;
  return `worst ${worst} → best ${best}`;
}

function renderSwing() {
  const implied = normalize(swingWeights());
  $("swing").replaceChildren(...order.map((id, i) => {
    const c = model.criteria.find((x) => x.id === id);
    const input = el("input", { type: "number", min: 0, max: 100, step: 5, value: ratings[id], disabled: i === 0, dataset: { criterion: id } });
    input.setAttribute("aria-label", `${c.name}: rating against the first`);
    input.addEventListener("change", () => {
      const above = i === 0 ? 100 : ratings[order[i - 1]];
      ratings[id] = Math.max(0, Math.min(above, Number(input.value) || 0));
      for (let k = i + 1; k < order.length; k++) ratings[order[k]] = Math.min(ratings[order[k]], ratings[order[k - 1]]);
      swingChanged();
    });
    const move = (d) => () => {
      const j = i + d;
      if (j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j], order[i]];
      ratings[order[0]] = 100;
      for (let k = 1; k < order.length; k++) ratings[order[k]] = Math.min(ratings[order[k]], ratings[order[k - 1]]);
      swingChanged();
    };
    return el("li", { dataset: { criterion: id } },
      el("span", { className: "swing-name" }, el("span", { className: "swatch", style: `background:${colours[id]}` }), el("strong", { textContent: c.name }), el("span", { className: "small", textContent: swingText(c) })),
      el("span", { className: "swing-controls" },
        el("button", { type: "button", className: "secondary", textContent: "↑", disabled: i === 0, onclick: move(-1), "aria-label": `Move ${c.name} up` }),
        el("button", { type: "button", className: "secondary", textContent: "↓", disabled: i === order.length - 1, onclick: move(1), "aria-label": `Move ${c.name} down` }),
        input,
        el("output", { className: "implied", dataset: { criterion: id }, textContent: pct(implied[id]) })));
  }));
}

function swingChanged() {
  weights = swingWeights();
  renderSwing();
  update();
}

function showTab(name) {
  via = name;
  $("tab-sliders").setAttribute("aria-selected", String(name === "sliders"));
  $("tab-swing").setAttribute("aria-selected", String(name === "swing"));
  $("sliders-panel").hidden = name !== "sliders";
  $("swing-panel").hidden = name !== "swing";
  if (name === "swing") {
    weights = swingWeights();
    renderSwing();
  } else {
    for (const c of model.criteria) if (weights[c.id] === undefined) weights[c.id] = 50;
    weights = Object.fromEntries(model.criteria.map((c) => [c.id, Number($("weights").querySelector(`input[data-criterion="${c.id}"]`).value)]));
  }
  update();
}

async function submit(e) {
  e.preventDefault();
  const body = { device: deviceId(), name: $("name").value, weights, via };
  if (via === "swing") body.swing = swingWeights();
  localStorage.setItem("tradeoffs-name", $("name").value);
  try {
    await api("/api/participants", body, token);
    $("submitted").textContent = "Submitted: thank you. You can change your weights and submit again.";
  } catch (err) {
    if (err.status === 403) { localStorage.removeItem("tradeoffs-token"); err.message += " (scan the code again)"; }
    showError(err);
  }
}

async function joinByCode(e) {
  e.preventDefault();
  try {
    const r = await api("/api/join", { code: $("code").value });
    token = r.token;
    localStorage.setItem("tradeoffs-token", token);
    $("code-form").hidden = true;
    start();
  } catch (err) { showError(err); }
}

function start() {
  $("participant").hidden = false;
  update();
}

async function main() {
  model = await api("/api/model");
  colours = criterionColours(model);
  $("title").textContent = model.title;
  document.title = `${model.title}: your weights`;
  for (const c of model.criteria) weights[c.id] = 50;
  order = model.criteria.map((c) => c.id);
  model.criteria.forEach((c, i) => { ratings[c.id] = i === 0 ? 100 : 50; });
  buildSliders($("weights"), model, weights, colours, (id, v) => { weights[id] = v; update(); });
  $("name").value = localStorage.getItem("tradeoffs-name") || "";
  $("tab-sliders").addEventListener("click", () => showTab("sliders"));
  $("tab-swing").addEventListener("click", () => showTab("swing"));
  $("participant").addEventListener("submit", submit);
  $("code-form").addEventListener("submit", joinByCode);
  if (token) start(); else $("code-form").hidden = false;
}
main().catch(showError);
