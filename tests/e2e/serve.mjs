// Runs a whole workshop in Debian's headless Chromium: the facilitator's page
// at projector sizes, three participants on phones (sliders, swing weighting,
// and joining by the typed code), the room's view, a server restart in the
// middle (driven by the caller), and a save. Prints what it saw as JSON and
// saves screenshots of both pages at three sizes.
//   node tests/e2e/serve.mjs FACILITATOR_URL ARTIFACT_DIR
// Protocol with the caller: prints a line `RESTART` and waits for a line on
// stdin once the server has been restarted.
import { chromium } from "playwright-core";
import { createInterface } from "node:readline";
import { join } from "node:path";

const [url, artifacts] = process.argv.slice(2);
const SIZES = [[390, 844], [1024, 768], [1280, 720]];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
const seen = { layout: {}, };
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();

function watch(page, who) {
  page.on("pageerror", (e) => errors.push(`${who}: ${e}`));
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource|EventSource/.test(m.text())) errors.push(`${who}: ${m.text()}`); });
}
const updated = (page, n = 1) => page.waitForFunction((k) => Number(document.body.dataset.updates || 0) >= k, n);
async function layout(page, name) {
  const out = {};
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    out[`${w}x${h}`] = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      const names = [...document.querySelectorAll("#ranking li .name")].filter((n) => {
        const r = n.getBoundingClientRect();
        return r.width > 30 && r.top >= 0 && r.bottom <= vh && r.left >= 0 && r.right <= vw && getComputedStyle(n).visibility !== "hidden";
      });
      const submit = document.getElementById("submit");
      const s = submit && submit.getBoundingClientRect();
      return {
        overflow: document.documentElement.scrollWidth > vw,
        scroll_width: document.documentElement.scrollWidth,
        visible_options: names.length,
        submit_visible: s ? s.top >= 0 && s.bottom <= vh && s.width > 0 : null,
      };
    });
    await page.screenshot({ path: join(artifacts, `${name}-${w}x${h}.png`) });
  }
  seen.layout[name] = out;
}
async function slide(page, criterion, value) {
  const n = await page.evaluate(() => Number(document.body.dataset.updates || 0));
  await page.evaluate(([c, v]) => {
    const input = document.querySelector(`input[data-criterion="${c}"]`);
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, [criterion, value]);
  await page.waitForFunction((m) => Number(document.body.dataset.updates) > m, n);
}

// The facilitator.
const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const facilitator = await facilitatorContext.newPage();
watch(facilitator, "facilitator");
await facilitator.goto(url);
await updated(facilitator);
seen.key_in_address_bar = facilitator.url().includes("key=");
await facilitator.waitForFunction(() => document.getElementById("join").href.includes("token="));
const criteria = await facilitator.$$eval("#weights input[type=range]", (inputs) => inputs.map((i) => i.dataset.criterion));
await slide(facilitator, criteria[0], 90);
await facilitator.waitForFunction(() => /leads/.test(document.getElementById("swap").textContent), null, { timeout: 15000 });
seen.swap = await facilitator.textContent("#swap");
seen.state = await facilitator.evaluate(() => window.__state());
seen.order = await facilitator.$$eval("#ranking li", (items) => items.map((li) => ({ id: li.dataset.option, rank: Number(li.dataset.rank) })));
await facilitator.evaluate(() => { window.__smaaSamples = 300; });
for (let i = 0; i < 2; i++) {
  await facilitator.click("#smaa");
  await facilitator.waitForFunction(() => !document.getElementById("smaa").disabled && document.querySelector("#ranking .acc").textContent.length > 0, null, { timeout: 30000 });
}
seen.smaa_annotations = await facilitator.$$eval("#ranking li .acc", (a) => a.map((x) => x.textContent));
const joinUrl = await facilitator.getAttribute("#join", "href");
const code = await facilitator.textContent("#code");
seen.qr = await facilitator.$eval("#qr", (q) => q.querySelector("svg") !== null);

// Three participants on phones: sliders, swing weighting, and by typed code.
async function phone(name) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  watch(page, name);
  return page;
}
const ana = await phone("ana");
await ana.goto(joinUrl);
await updated(ana);
seen.token_in_address_bar = ana.url().includes("token=");
seen.participant_controls = await ana.evaluate(() => ["save", "profile", "method", "smaa", "people", "mean", "anonymous", "save-from"].filter((id) => document.getElementById(id)));
await ana.fill("#name", "Ana");
await slide(ana, criteria[0], 95);
await slide(ana, criteria[1], 5);
await ana.click("#submit");
await ana.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));
await layout(ana, "participant");

const ben = await phone("ben");
await ben.goto(joinUrl);
await updated(ben);
await ben.fill("#name", "Ben");
await ben.click("#tab-swing");
await ben.waitForSelector("#swing li");
// Put the second criterion's swing first, and rate the next one 40.
await ben.click(`#swing li[data-criterion="${criteria[1]}"] button[aria-label^="Move"]`);
await ben.fill(`#swing li[data-criterion="${criteria[0]}"] input`, "40");
await ben.dispatchEvent(`#swing li[data-criterion="${criteria[0]}"] input`, "change");
seen.swing_implied = await ben.$$eval("#swing .implied", (o) => o.map((x) => x.textContent));
seen.swing_order = await ben.$$eval("#swing li", (o) => o.map((x) => x.dataset.criterion));
await ben.screenshot({ path: join(artifacts, "participant-swing-390x844.png"), fullPage: true });
await ben.click("#submit");
await ben.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));

const cai = await phone("cai");
await cai.goto(new URL("/join", url).href);
await cai.waitForSelector("#code-form:not([hidden])");
await cai.fill("#code", code.toLowerCase());
await cai.click("#code-form button");
await updated(cai);
await cai.fill("#name", "Cai");
await slide(cai, criteria[2 % criteria.length], 100);
await cai.click("#submit");
await cai.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));

// The room, pushed to the facilitator's page.
await facilitator.waitForFunction(() => document.getElementById("people").children.length === 3, null, { timeout: 10000 });
seen.people = await facilitator.$$eval("#people .who", (p) => p.map((x) => x.textContent));
seen.kendall = await facilitator.textContent("#kendall");
seen.disagreement_rows = await facilitator.$$eval("#disagreement .spread", (r) => r.length);
seen.group_ranking = await facilitator.$$eval(".group-ranking li", (r) => r.length);
await facilitator.click("#group-card button.secondary");
await updated(facilitator, 3);
await slide(facilitator, criteria[1], 40);
await facilitator.waitForFunction(() => /leads/.test(document.getElementById("swap").textContent), null, { timeout: 15000 });
await layout(facilitator, "facilitator");
await facilitator.setViewportSize({ width: 1024, height: 768 });
await facilitator.$eval("#room", (r) => { r.scrollTop = r.scrollHeight; });
await facilitator.screenshot({ path: join(artifacts, "facilitator-room-1024x768.png") });
await facilitator.$eval("#room", (r) => { r.scrollTop = 0; });
await facilitator.setViewportSize({ width: 1280, height: 720 });

// Restart the server in the middle of the session.
console.log("RESTART");
await lines.next();
await facilitator.reload();
await updated(facilitator);
seen.after_restart_key_in_address_bar = facilitator.url().includes("key=");
await facilitator.waitForFunction(() => document.getElementById("people").children.length === 3, null, { timeout: 10000 });
seen.people_after_restart = await facilitator.$$eval("#people .who", (p) => p.map((x) => x.textContent));
seen.join_after_restart = (await facilitator.getAttribute("#join", "href")) === joinUrl;
// A page opened before the restart still submits.
await slide(ana, criteria[1], 60);
await ana.click("#submit");
await ana.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));
const late = await phone("dee");
await late.goto(joinUrl);
await updated(late);
await late.fill("#name", "Dee");
await late.click("#submit");
await late.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));
await facilitator.waitForFunction(() => document.getElementById("people").children.length === 4, null, { timeout: 10000 });

// Save the group's weights: the profile appears in the picker at once.
await facilitator.fill("#save-id", "room");
await facilitator.fill("#save-name", "The room");
await facilitator.selectOption("#save-from", "group-arithmetic");
await facilitator.click("#save button[type=submit]");
await facilitator.waitForFunction(() => [...document.querySelectorAll("#profile option")].some((o) => o.value === "room" && o.textContent === "The room"), null, { timeout: 10000 });
seen.saved = await facilitator.textContent("#save-result");

await browser.close();
seen.errors = errors;
console.log(JSON.stringify(seen));
process.exit(errors.length ? 1 : 0);
