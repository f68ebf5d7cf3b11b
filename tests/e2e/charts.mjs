// Renders SVG charts to PNG in Debian's headless Chromium, one PNG beside each
// SVG, and fails on any console error or a chart that draws nothing.
//   node tests/e2e/charts.mjs A.svg B.svg ...
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const files = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tradeoffs-charts-")), {
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  viewport: { width: 1000, height: 800 },
  deviceScaleFactor: 1,
});
const errors = [];
const sizes = {};
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
for (const file of files) {
  const svg = readFileSync(file, "utf8");
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  const box = await page.locator("svg").first().boundingBox();
  if (!box || box.width < 100 || box.height < 100) errors.push(`${file}: nothing drawn`);
  await page.locator("svg").first().screenshot({ path: file.replace(/\.svg$/, ".png") });
  sizes[file] = box ? [Math.round(box.width), Math.round(box.height)] : null;
}
await context.close();
console.log(JSON.stringify({ sizes, errors }));
process.exit(errors.length === 0 ? 0 : 1);
