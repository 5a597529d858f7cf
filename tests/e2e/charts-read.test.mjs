// Charts people can read (issue 14): the axis titled with the indicator's unit, the value of a
// year shown and announced when the chart is read with the keyboard, the pointer or a tap, the
// same numbers as the chart's table of values (one row per year); the Cruscotto's traces open
// with the keyboard. Expected values are read from the page's own table and the exported plan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertAccessible, openWithExample, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

/** Opens the app with the example data, recording every text drawn on a canvas. */
async function open(lang = "it-IT") {
  const context = await env.browser.newContext({ acceptDownloads: true, locale: lang, hasTouch: true });
  await context.addInitScript(() => {
    window.__drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.__drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
  return openWithExample(env, { context });
}

async function exportedPlan(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

function findIndicator(plan, code) {
  for (const m of plan.missions) for (const o of m.objectives) for (const i of o.indicators) if (i.code === code) return i;
  throw new Error(`no indicator ${code}`);
}

/** The chart's table of values: heads and rows (text as in the DOM, the table may be closed). */
async function table(page, id) {
  return page.locator(`${tid(`${id}-values`)} table`).evaluate((t) => ({
    heads: [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  }));
}

const readout = (page, id) => page.locator(tid(`${id}-readout`)).innerText();

test("grafico: titolo dell'asse con l'unità, valore del 2019 da tastiera uguale alla tabella, puntatore e tocco", async () => {
  const { ctx, page, errors } = await open();
  const plan = await exportedPlan(page);
  const years = [];
  for (let y = plan.years.first; y <= plan.years.last; y++) years.push(String(y));
  await page.click(tid("tab-grafici"));
  for (const code of ["9.2", "1.1"]) {
    const unit = findIndicator(plan, code).unit;
    await page.evaluate(() => (window.__drawn = []));
    await page.selectOption(tid("chart-indicator-select"), code);
    await page.waitForFunction(() => window.__drawn.some((t) => /^(Valore|Value)/.test(t)));
    const drawn = await page.evaluate(() => window.__drawn);
    const title = drawn.find((t) => /^(Valore|Value)/.test(t));
    assert.ok(title.includes(`(${unit})`), `${code}: the y axis title "${title}" names the unit ${unit}`);
    assert.ok(drawn.includes("Anno"), `${code}: the x axis is titled: ${drawn}`);
  }

  // The table: one row per year of the plan, the year in the first cell.
  const values = await table(page, "chart-indicator");
  assert.deepEqual(values.rows.map((r) => r[0]), years, "one row per year");
  const row2019 = values.rows.find((r) => r[0] === "2019");
  assert.ok(row2019 && row2019[1] !== "n.d.", `1.1 has a value in 2019: ${row2019}`);

  // Keyboard: Tab reaches the chart (a named slider over the years), arrows move between years.
  const canvas = page.locator(tid("chart-indicator"));
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await canvas.evaluate((c) => document.activeElement === c);
  }
  assert.ok(reached, "Tab reaches the chart");
  assert.match(await canvas.getAttribute("aria-label"), /1\.1/);
  assert.equal(await page.locator(tid("chart-indicator-readout")).getAttribute("aria-live"), "polite");
  await page.keyboard.press("End");
  assert.ok((await readout(page, "chart-indicator")).startsWith(years.at(-1)), "End: the last year");
  await page.keyboard.press("Home");
  assert.ok((await readout(page, "chart-indicator")).startsWith(years[0]), "Home: the first year");
  for (let i = 0; i < 10 && !(await readout(page, "chart-indicator")).startsWith("2019"); i++) {
    await page.keyboard.press("ArrowRight");
  }
  const shown = await readout(page, "chart-indicator");
  assert.equal(await canvas.getAttribute("aria-valuenow"), "2019");
  // Every cell of the table's 2019 row, with its head, is in what is shown.
  values.heads.slice(1).forEach((head, i) => {
    assert.ok(shown.includes(`${head}: ${row2019[i + 1]}`), `"${shown}" shows ${head}: ${row2019[i + 1]}`);
  });
  await page.keyboard.press("ArrowLeft");
  assert.ok((await readout(page, "chart-indicator")).startsWith("2018"), "Left: the year before");
  await assertAccessible(page, "Grafici, un anno letto da tastiera");

  // The pointer over the last drawn point, then a tap on the first: the nearest year is read.
  const points = (await canvas.getAttribute("data-points")).split(";").map((p) => Number(p.split(",")[0]));
  const withValue = values.rows.filter((r) => r[1] !== "n.d.").map((r) => r[0]);
  const box = await canvas.boundingBox();
  const scale = box.width / (await canvas.evaluate((c) => c.width));
  await page.mouse.move(box.x + points.at(-1) * scale, box.y + box.height / 2);
  await page.waitForFunction((y) => document.querySelector('[data-testid="chart-indicator-readout"]').innerText.startsWith(y), withValue.at(-1));
  await page.touchscreen.tap(box.x + points[0] * scale, box.y + box.height / 2);
  await page.waitForFunction((y) => document.querySelector('[data-testid="chart-indicator-readout"]').innerText.startsWith(y), withValue[0]);

  // The objective chart reads the same way, and its table has a row per year.
  const bars = await table(page, "chart-objective");
  assert.deepEqual(bars.rows.map((r) => r[0]), years);
  await page.locator(tid("chart-objective")).focus();
  await page.keyboard.press("End");
  const last = bars.rows.at(-1);
  assert.ok((await readout(page, "chart-objective")).includes(`${bars.heads[1]}: ${last[1]}`));

  // In English: English words, the table's numbers again.
  await page.selectOption(tid("lang"), "en");
  await page.locator(tid("chart-indicator")).focus();
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-indicator-readout"]').innerText.includes("Actual"));
  const en = await table(page, "chart-indicator");
  const enRow = en.rows.find((r) => r[0] === (withValue[0]));
  assert.ok((await readout(page, "chart-indicator")).includes(`Actual: ${enRow[1]}`));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("cruscotto: la traccia di una cella si apre da tastiera (Invio e Spazio)", async () => {
  const { ctx, page, errors } = await open();
  const cell = page.locator(`${tid("row-1.1")} ${tid("cell-2019")}`);
  const summary = cell.locator(`${tid("cell-trace")} summary`);
  const trace = cell.locator(`${tid("cell-trace")} ${tid("trace")}`);
  assert.equal(await cell.getAttribute("title"), null, "no mouse-only tooltip");
  assert.ok(!(await trace.isVisible()), "closed at first");
  await summary.focus();
  await page.keyboard.press("Enter");
  await trace.waitFor({ state: "visible" });
  assert.match(await trace.innerText(), /^2019: /);
  await assertAccessible(page, "Cruscotto con una traccia aperta");
  await page.keyboard.press("Space");
  await trace.waitFor({ state: "hidden" });
  await page.keyboard.press("Space");
  await trace.waitFor({ state: "visible" });
  // A tap opens another one.
  const other = page.locator(`${tid("row-1.1")} ${tid("cell-2018")}`);
  await other.locator(`${tid("cell-trace")} summary`).tap();
  await other.locator(`${tid("cell-trace")} ${tid("trace")}`).waitFor({ state: "visible" });
  assert.deepEqual(errors, []);
  await ctx.close();
});
