// What the page shows and exports: traces in the interface language (English words and numbers),
// the indicator chart's legend outside the plot and its targets drawn (negative ones, the own
// code `ITP`), the "illeggibile" marker of unreadable targets in the CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, sharedEnv, tid, openWithExample } from "./harness.mjs";

const env = sharedEnv();


const withExample = (options) => openWithExample(env, options);

const EN_1_1_2019 = "2019: 147 / 162 = 90.74%, target 100% (higher is better) → partially met, score 90.74%";
const IT_1_1_2019 = "2019: 147 / 162 = 90,74 %, obiettivo 100 % (più alto è meglio) → parzialmente raggiunto, grado 90,74 %";

test("in inglese le tracce del cruscotto e dell'indicatore sono in inglese, con numeri inglesi", async () => {
  const { ctx, page, errors } = await withExample();
  // The trace is in the cell's disclosure (closed: its text is there, shown on opening).
  const cellTrace = (code) => page.locator(`${tid(`row-${code}`)} ${tid("cell-2019")} ${tid("trace")}`).textContent();
  assert.equal(await cellTrace("1.1"), IT_1_1_2019, "Italian first");
  await page.selectOption(tid("lang"), "en");
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent.includes("partially met"),
    `${tid("row-1.1")} ${tid("cell-2019")} ${tid("trace")}`,
  );
  assert.equal(await cellTrace("1.1"), EN_1_1_2019);
  // An unknown target (1.3): the plan module's words are English too.
  assert.match(await cellTrace("1.3"), /^2019: no data \(unknown target: /);

  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  const trace = page.locator(`${tid("computed-2019")} ${tid("trace")}`);
  assert.equal(await trace.innerText(), EN_1_1_2019);
  // The value next to it: English decimal point, and "%" without a space as in the trace.
  assert.match(await page.locator(`${tid("computed-2019")} ${tid("value")}`).innerText(), /^90\.7\d?%$/);
  // Back to Italian: the trace is written again.
  await page.selectOption(tid("lang"), "it");
  await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.includes("obiettivo"), `${tid("computed-2019")} ${tid("trace")}`);
  assert.equal(await trace.innerText(), IT_1_1_2019);
  assert.deepEqual(errors, []);
  await ctx.close();
});

/** The indicator chart's canvas: the recorded points and targets, and the pixel colours there. */
async function chartState(page, code) {
  await page.click(tid("tab-grafici"));
  await page.selectOption(tid("chart-indicator-select"), code);
  const canvas = page.locator(tid("chart-indicator"));
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.getAttribute("data-points") ?? "") !== "",
    tid("chart-indicator"),
  );
  await page.waitForTimeout(200);
  return canvas.evaluate((c) => {
    const parse = (attr) =>
      (c.getAttribute(attr) ?? "")
        .split(";")
        .filter(Boolean)
        .map((p) => {
          const [x, y, color] = p.split(",");
          return { x: Number(x), y: Number(y), color };
        });
    const ctx2d = c.getContext("2d");
    const at = (x, y) => Array.from(ctx2d.getImageData(x, y, 1, 1).data.slice(0, 3));
    const points = parse("data-points").map((p) => ({ ...p, rgb: at(p.x, p.y) }));
    const targets = parse("data-targets").map((t) => ({
      ...t,
      row: [-2, -1, 0, 1, 2].map((dx) => at(t.x + dx, t.y)),
    }));
    return { width: c.width, height: c.height, points, targets };
  });
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const near = (rgb, h, tol = 40) => hex(h).every((v, i) => Math.abs(v - rgb[i]) <= tol);

async function checkChart(page, code, { targets }) {
  const s = await chartState(page, code);
  assert.ok(s.points.length >= 3, `${code}: ${s.points.length} points`);
  // Every point, the last one included, shows its own colour: nothing is drawn over it.
  for (const p of s.points) {
    assert.ok(p.x > 0 && p.x < s.width && p.y > 0 && p.y < s.height, `${code}: point inside the canvas ${JSON.stringify(p)}`);
    assert.ok(near(p.rgb, p.color), `${code}: point at ${p.x},${p.y} is ${p.rgb}, not ${p.color}`);
  }
  assert.equal(s.targets.length, targets.length, `${code}: targets drawn ${JSON.stringify(s.targets)}`);
  for (const t of s.targets) {
    const inked = t.row.filter((rgb) => near(rgb, t.color)).length;
    assert.ok(inked >= 2, `${code}: target bar at ${t.x},${t.y}: ${JSON.stringify(t.row)}`);
  }
  // The legend is HTML under the canvas, with the colours of what is drawn.
  const key = page.locator(tid("chart-indicator-key"));
  const [kb, cb] = [await key.boundingBox(), await page.locator(tid("chart-indicator")).boundingBox()];
  assert.ok(kb && cb && kb.y >= cb.y + cb.height - 1, `${code}: the legend is below the canvas`);
  const kinds = await key.locator("li").evaluateAll((lis) => lis.map((li) => [li.dataset.kind, li.dataset.color, li.innerText.trim()]));
  const target = kinds.find(([k]) => k === "target");
  if (targets.length) assert.deepEqual(target?.slice(0, 2), ["target", "#b3261e"], `${code}: ${JSON.stringify(kinds)}`);
  else assert.equal(target, undefined, `${code}: no target drawn, none in the legend`);
  assert.ok(kinds.some(([k, c]) => k === "actual" && c === "#1d2430"));
  return s;
}

test("grafico: la legenda non copre i dati; i target di 9.10 (ITP < -10, ITP < -15) sono disegnati", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await env.browser.newContext({ locale: "it-IT", viewport });
    const { ctx, page, errors } = await withExample({ context });
    const itp = await checkChart(page, "9.10", { targets: [2020, 2021] });
    const [t2020, t2021] = itp.targets;
    assert.ok(t2020.x < t2021.x, "2020 left of 2021");
    assert.ok(t2020.y < t2021.y, `−10 is drawn above −15 (${t2020.y} < ${t2021.y})`);
    await checkChart(page, "1.1", { targets: [2017, 2018, 2019, 2020, 2021] });
    assert.deepEqual(errors, [], `${viewport.width}px`);
    await ctx.close();
  }
});

test("CSV dell'esempio: i target illeggibili di 1.3 hanno il segno «illeggibile» e la nota", async () => {
  const { ctx, page } = await withExample();
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-csv"))]);
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  const rows = text.split("\r\n").map((r) => r.split(";"));
  const header = rows[0];
  const row = (code) => rows.find((r) => r[2] === code);
  const col = (name) => header.indexOf(name);
  assert.ok(col("Target 2019") > 0, header.join(" | "));
  const cell = row("1.3")[col("Target 2019")];
  assert.match(cell, /^illeggibile: illeggibile nell'OCR/);
  assert.equal(row("1.1")[col("Target 2016")], "", "no target stays empty");
  assert.equal(row("1.1")[col("Target 2019")], "100%");
  await ctx.close();
});
