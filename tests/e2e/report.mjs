// Opens the report in Debian's headless Chromium, fails on any console error
// or page error, and saves a full-page screenshot.
//   node tests/e2e/report.mjs REPORT.html SCREENSHOT.png
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tradeoffs-e2e-")), {
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1100, height: 900 },
});
const errors = [];
const requests = [];
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
await page.goto(pathToFileURL(resolve(report)).href, { waitUntil: "load" });
const charts = await page.locator("svg").count();
const height = await page.evaluate(() => document.documentElement.scrollHeight);
const visible = await page.locator("h1").isVisible();
// The first screen leads with the summary.
const summaryOnTop = await page.locator("#summary").evaluate((e) => e.getBoundingClientRect().top < 400);
// On screen the evidence is folded; printed, it is complete.
const foldedOnScreen = !(await page.locator("details table").first().isVisible());
await page.screenshot({ path: screenshot.replace(/\.png$/, "-first-screen.png") });
await page.screenshot({ path: screenshot, fullPage: true });
await page.emulateMedia({ media: "print" });
const openInPrint = await page.locator("details table").first().isVisible();
await context.close();
console.log(JSON.stringify({ charts, height, visible, summaryOnTop, foldedOnScreen, openInPrint, errors, requests }));
const ok = errors.length === 0 && requests.length === 0 && visible && charts >= 5
  && summaryOnTop && foldedOnScreen && openInPrint;
process.exit(ok ? 0 : 1);
