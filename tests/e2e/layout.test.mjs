// Layout a user sees: nothing cut off in the editor's year grid, every tab reachable on a phone,
// and a printed page that reads as a report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();


async function withExample(viewport) {
  const ctx = await env.browser.newContext({ locale: "it-IT", viewport });
  const opened = await openApp(env.browser, env.url, { context: ctx });
  await opened.page.click(tid("load-example"));
  await opened.page.waitForSelector(tid("example-badge"));
  return opened;
}

/** True when box `inner` lies within box `outer` (1 px of rounding allowed). */
const inside = (inner, outer) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

test("griglia degli anni a 1280 px: ogni stato si vede intero, anche il più lungo", async () => {
  const { ctx, page, errors } = await withExample({ width: 1280, height: 900 });
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "9.4");
  // The visible area of the grid (it scrolls sideways when a screen is too narrow for it).
  const grid = page.locator(`${tid("year-grid")} .table-wrap`);
  const table = await grid.boundingBox();
  const badges = grid.locator(tid("status"));
  const n = await badges.count();
  assert.ok(n >= 5, `the grid shows a status per active year (${n})`);
  const words = [];
  for (let i = 0; i < n; i++) {
    const badge = badges.nth(i);
    words.push(await badge.innerText());
    assert.ok(inside(await badge.boundingBox(), table), `badge «${await badge.innerText()}» is cut off`);
  }
  assert.ok(
    words.some((w) => w.includes("parzialmente raggiunto")),
    `the longest status word is among them: ${words}`,
  );
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("su un telefono (390 px) ogni scheda si vede intera", async () => {
  const { ctx, page, errors } = await withExample({ width: 390, height: 800 });
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  for (const slug of ["cruscotto", "indicatore", "grafici", "laboratorio", "relazione"]) {
    const box = await page.locator(tid(`tab-${slug}`)).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `tab ${slug} is off-screen: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("in stampa: il rapporto dice che i dati sono di esempio, mostra le note, non i menu", async () => {
  const { ctx, page, errors } = await withExample({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(tid("example-badge")).isVisible(), "the example-data badge prints");
  const firstNote = page.locator(`${tid("plan-notes")} li`).first();
  assert.ok(await firstNote.isVisible(), "the plan's notes print open");
  assert.ok(!(await page.locator(tid("filter-search")).isVisible()), "the search box does not print");
  await page.emulateMedia({ media: "screen" });
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator-select"));
  await page.emulateMedia({ media: "print" });
  assert.ok(!(await page.locator(tid("chart-indicator-select")).isVisible()), "the chart picker does not print");
  assert.deepEqual(errors, []);
  await ctx.close();
});
