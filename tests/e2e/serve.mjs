// Drives the workshop page in Debian's headless Chromium: moves a slider and
// reads the ranking shown, joins as a participant and submits, waits for the
// group profile, and saves a screenshot. Prints what it saw as JSON.
//   node tests/e2e/serve.mjs FACILITATOR_URL SCREENSHOT.png
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, screenshot] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tradeoffs-serve-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1400, height: 900 },
});
const errors = [];
const facilitator = await context.newPage();
facilitator.on("pageerror", (e) => errors.push(String(e)));
facilitator.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
await facilitator.goto(url);
await facilitator.waitForFunction(() => Number(document.body.dataset.updates || 0) >= 1);

// Move the violence slider and wait for the ranking it produces.
const before = await facilitator.evaluate(() => Number(document.body.dataset.updates));
await facilitator.evaluate(() => {
  const input = document.querySelector('input[data-criterion="violence"]');
  input.value = "90";
  input.dispatchEvent(new Event("input", { bubbles: true }));
});
await facilitator.waitForFunction((n) => Number(document.body.dataset.updates) > n, before);
await facilitator.waitForFunction(() => document.getElementById("swap").textContent.length > 0);
const state = await facilitator.evaluate(() => window.__state());
const order = await facilitator.$$eval("#ranking li", (items) => items.map((li) => ({ id: li.dataset.option, rank: Number(li.dataset.rank) })));
const swap = await facilitator.textContent("#swap");

// Join as a participant and submit.
await facilitator.waitForFunction(() => document.getElementById("join").href.includes("token="));
const joinUrl = await facilitator.getAttribute("#join", "href");
const participant = await context.newPage();
participant.on("pageerror", (e) => errors.push(String(e)));
await participant.goto(joinUrl);
await participant.waitForFunction(() => Number(document.body.dataset.updates || 0) >= 1);
await participant.fill("#name", "Ana");
await participant.click("#participant button");
await participant.waitForFunction(() => document.getElementById("submitted").textContent.startsWith("Submitted"));
await facilitator.waitForFunction(() => document.getElementById("group").textContent.includes("mean of 1"), null, { timeout: 10000 });
const group = await facilitator.textContent("#group");

// Latency: from a slider move to the redrawn ranking, over a burst of moves.
for (let v = 10; v <= 80; v += 10) {
  const n = await facilitator.evaluate(() => Number(document.body.dataset.updates));
  await facilitator.evaluate((x) => {
    const input = document.querySelector('input[data-criterion="durability"]');
    input.value = String(x);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, v);
  await facilitator.waitForFunction((m) => Number(document.body.dataset.updates) > m, n);
}
const latencies = await facilitator.evaluate(() => window.__latencies.slice(-8));
latencies.sort((a, b) => a - b);
await facilitator.screenshot({ path: screenshot, fullPage: true });
await context.close();
console.log(JSON.stringify({ state, order, swap, group, median_latency_ms: latencies[Math.floor(latencies.length / 2)], errors }));
process.exit(errors.length ? 1 : 0);
