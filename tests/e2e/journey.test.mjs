// The new user's whole journey (issue 5, "Done when"), in one real browser and then another:
// open the seed's cruscotto, change a target in the Laboratorio and on an indicator, enter
// actuals, watch statuses, roll-ups and the chart change, reload without loss, export a JSON
// file and import it in a second browser into the same plan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, launchBrowser, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

const cell = (code, year) => `${tid(`row-${code}`)} ${tid(`cell-${year}`)}`;
const status = (page, code, year) => page.locator(`${cell(code, year)} ${tid("status")}`).getAttribute("data-status");
const rollup = (page, id, year) =>
  page.locator(`${tid(id)} .bar[data-year="${year}"] .bar-track`).getAttribute("aria-valuenow");

async function chartPixels(page) {
  await page.click(tid("tab-grafici"));
  await page.selectOption(tid("chart-indicator-select"), "1.1");
  await page.waitForTimeout(300);
  return page.locator(tid("chart-indicator")).evaluate((canvas) => canvas.toDataURL());
}

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  return readFile(await download.path(), "utf8");
}

test("percorso del nuovo utente: cruscotto, Laboratorio, indicatore, consuntivi, grafico, ricarica, esporta e importa altrove", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);

  // The seed's cruscotto, with no actuals: 1.1 has a target of 100% and no data.
  assert.match(await page.locator(tid("plan-title")).innerText(), /Cruscotto strategico/);
  assert.match(await page.locator(`${cell("1.1", 2019)} ${tid("target")}`).innerText(), /100\s*%/);
  assert.equal(await status(page, "1.1", 2019), "no_data");
  assert.equal(await rollup(page, "objective-rollup-1", 2019), null, "no score without actuals");
  const chartBefore = await chartPixels(page);

  // Laboratorio: try a formula and a target on a small table, then apply it to 1.1 for 2021.
  await page.click(tid("tab-laboratorio"));
  await page.fill(tid("lab-formula"), "fascicoli_creati / fascicoli_ricevuti");
  await page.fill(tid("lab-target"), ">= 90%");
  await page.fill(tid("lab-cell-fascicoli_creati-2021"), "19");
  await page.fill(tid("lab-cell-fascicoli_ricevuti-2021"), "20");
  await page.waitForFunction(() => document.querySelector('[data-testid="lab-result-2021"]')?.textContent.includes("95"));
  assert.match(await page.locator(tid("lab-result-2021")).innerText(), /raggiunto/);
  await page.selectOption(tid("lab-apply-indicator"), "1.1");
  await page.click(tid("lab-apply"));

  // Indicatore: change the 2019 target and enter the actuals of 2019 and 2021.
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  assert.equal(await page.locator(tid("target-2021")).inputValue(), ">= 90%", "the Laboratorio's target was applied");
  await page.fill(tid("target-2019"), ">= 80%");
  await page.fill(tid("measure-fascicoli_creati-2019"), "17");
  await page.fill(tid("measure-fascicoli_ricevuti-2019"), "20");
  await page.fill(tid("measure-fascicoli_creati-2021"), "17");
  await page.fill(tid("measure-fascicoli_ricevuti-2021"), "20");
  assert.match(await page.locator(`${tid("computed-2019")} ${tid("trace")}`).innerText(), /17 \/ 20 = 85 %/);

  // The dashboard follows: 85 % meets ≥ 80 % in 2019, misses ≥ 90 % in 2021; roll-ups move.
  await page.click(tid("tab-cruscotto"));
  assert.equal(await status(page, "1.1", 2019), "met");
  assert.equal(await status(page, "1.1", 2021), "not_met");
  assert.equal(await rollup(page, "objective-rollup-1", 2019), "100", "objective 1 rolls up its only scored indicator");
  assert.equal(await rollup(page, "mission-rollup-011", 2019), "100");
  const chartAfter = await chartPixels(page);
  assert.notEqual(chartAfter, chartBefore, "the chart redraws with the new actuals");

  // Reload: nothing lost.
  await page.click(tid("tab-cruscotto"));
  await page.waitForSelector(`${tid("save-state")}[data-state="saved"]`, { timeout: 10_000 });
  await page.reload();
  await page.waitForSelector(tid("app"));
  assert.equal(await status(page, "1.1", 2019), "met");
  assert.equal(await status(page, "1.1", 2021), "not_met");
  assert.match(await page.locator(`${cell("1.1", 2021)} ${tid("target")}`).innerText(), />= 90%/);
  const exported = await exportJson(page);
  assert.deepEqual(errors, [], "no console errors in the first browser");
  await ctx.close();

  // Another browser (its own process and storage) imports the file into the same plan.
  const other = await launchBrowser();
  try {
    const second = await openApp(other, env.url);
    assert.equal(await status(second.page, "1.1", 2019), "no_data", "the other browser starts from the seed");
    await second.page.setInputFiles(tid("import-file"), {
      name: "piano.json",
      mimeType: "application/json",
      buffer: Buffer.from(exported),
    });
    await second.page.waitForSelector(tid("import-ready"));
    await second.page.click(tid("import-confirm"));
    await second.page.click(tid("confirm-yes")); // the dialog asks first
    assert.equal(await status(second.page, "1.1", 2019), "met");
    assert.equal(await status(second.page, "1.1", 2021), "not_met");
    assert.equal(await rollup(second.page, "objective-rollup-1", 2019), "100");
    assert.deepEqual(JSON.parse(await exportJson(second.page)), JSON.parse(exported), "the same plan");
    assert.deepEqual(second.errors, [], "no console errors in the second browser");
  } finally {
    await other.close();
  }
});
