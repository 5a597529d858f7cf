// QA round 2: the Laboratorio's data keep their meaning across a language switch and say why a
// year is n.d.; the Cruscotto's filters survive a trip to another tab.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, sharedEnv, tid, openWithExample } from "./harness.mjs";

const env = sharedEnv();

const squash = (s) => s.replace(/\s+/g, " ").trim();
const resultText = async (page, year) => squash(await page.locator(tid(`lab-result-${year}`)).innerText());

/** Waits until the element's text matches `re` (the page redraws after an event). */
async function waitText(page, id, re) {
  await page.waitForFunction(
    ([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ""),
    [tid(id), re.source],
    { timeout: 5_000 },
  );
}

async function setLang(page, code) {
  await page.selectOption(tid("lang"), code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

test("Laboratorio: cambiare lingua non cambia il valore dei dati (1.234 resta milleduecentotrentaquattro)", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("tab-laboratorio"));
  const cell = page.locator(tid("lab-cell-fascicoli_creati-2019"));
  await cell.fill("1.234");
  assert.equal(await page.locator(tid("lab-cell-fascicoli_creati-2019-read")).innerText(), "letto come 1.234");
  await waitText(page, "lab-result-2019", /6\.170 %/);
  assert.match(await resultText(page, 2019), /6\.170 % .*raggiunto/);

  await setLang(page, "en");
  await waitText(page, "lab-result-2019", /6,170%/);
  assert.equal(await cell.inputValue(), "1,234", "the cell is redrawn the English way, same number");
  const en = await resultText(page, 2019);
  assert.match(en, /6,170%/);
  assert.match(en, /✓ met/);
  assert.doesNotMatch(en, /not met|6\.2 ?%/);

  await setLang(page, "it");
  await waitText(page, "lab-result-2019", /6\.170 %/);
  assert.equal(await cell.inputValue(), "1.234");
  assert.match(await resultText(page, 2019), /6\.170 % .*raggiunto/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Laboratorio: un numero scritto in inglese resta lo stesso passando all'italiano", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await setLang(page, "en");
  await page.click(tid("tab-laboratorio"));
  const cell = page.locator(tid("lab-cell-fascicoli_creati-2019"));
  await cell.fill("1.5");
  // 1.5 / 20 = 7.5 %
  await waitText(page, "lab-result-2019", /7\.5%/);
  await setLang(page, "it");
  await waitText(page, "lab-result-2019", /7,5 %/);
  assert.equal(await cell.inputValue(), "1,5");
  assert.doesNotMatch(await resultText(page, 2019), /1\.500|7\.500/);
  // A text that does not read stays as typed, and still does not read.
  await cell.fill("tre");
  await setLang(page, "en");
  assert.equal(await cell.inputValue(), "tre");
  assert.equal(await cell.getAttribute("aria-invalid"), "true");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Laboratorio: una cella vuota dà n.d. per il dato mancante, non «anno fuori periodo»", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("tab-laboratorio"));
  await page.fill(tid("lab-cell-fascicoli_creati-2019"), "");
  await waitText(page, "lab-result-2019", /n\.d\./);
  const it = await resultText(page, 2019);
  assert.match(it, /manca il dato «fascicoli_creati» per il 2019/);
  assert.doesNotMatch(it, /fuori dal periodo/);
  // The other years keep their data.
  assert.match(await resultText(page, 2020), /raggiunto/);
  // A year before the table's columns is out of range: X-1 in the first column.
  await page.fill(tid("lab-formula"), "fascicoli_ricevuti / fascicoli_ricevuti[x-1]");
  await waitText(page, "lab-result-2019", /fuori dal periodo/);
  assert.match(await resultText(page, 2019), /l'anno 2018 è fuori dal periodo dei dati/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const rows = (page) => page.locator("tr[data-code]").evaluateAll((rs) => rs.map((r) => r.dataset.code));

async function filtersOf(page) {
  const out = {};
  for (const f of ["owner", "status", "year", "search", "asof"]) {
    out[f] = await page.locator(tid(`filter-${f}`)).inputValue();
  }
  return out;
}

test("Cruscotto: stato, anno e ricerca restano dopo un giro su un'altra scheda", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  const all = (await rows(page)).length;
  await page.selectOption(tid("filter-status"), "met");
  await page.selectOption(tid("filter-year"), "2018");
  await page.fill(tid("filter-search"), "tempo");
  await page.waitForFunction((n) => document.querySelectorAll("tr[data-code]").length < n, all);
  const chosen = await filtersOf(page);
  const shown = await rows(page);
  assert.ok(shown.length > 0 && shown.length < all, `some rows, not all: ${shown}`);

  await page.click(tid("tab-indicatore"));
  await page.waitForSelector(tid("indicator-select"));
  await page.click(tid("tab-cruscotto"));
  await page.waitForSelector(tid("dashboard"));
  assert.deepEqual(await filtersOf(page), chosen);
  assert.deepEqual(await rows(page), shown);
  // Still live: clearing the search widens the rows again.
  await page.fill(tid("filter-search"), "");
  await page.waitForFunction((n) => document.querySelectorAll("tr[data-code]").length > n, shown.length);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Cruscotto: owner e piano vigente dopo la deliberazione restano dopo un giro su un'altra scheda", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  const owner = await page.locator(`${tid("filter-owner")} option`).nth(1).getAttribute("value");
  const asof = await page.locator(`${tid("filter-asof")} option`).last().getAttribute("value");
  await page.selectOption(tid("filter-owner"), owner);
  await page.selectOption(tid("filter-asof"), asof);
  const chosen = await filtersOf(page);
  assert.equal(chosen.owner, owner);
  assert.equal(chosen.asof, asof);
  const shown = await rows(page);
  const rollup = await page.locator("[data-testid^=objective-rollup-]").first().innerText();

  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("lab"));
  await page.click(tid("tab-grafici"));
  await page.click(tid("tab-cruscotto"));
  await page.waitForSelector(tid("dashboard"));
  assert.deepEqual(await filtersOf(page), chosen);
  assert.deepEqual(await rows(page), shown);
  assert.equal(await page.locator("[data-testid^=objective-rollup-]").first().innerText(), rollup);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("importare un piano senza l'owner filtrato toglie il filtro: le righe tornano", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  const someone = await page.locator(`${tid("filter-owner")} option`).nth(1).getAttribute("value");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  const plan = JSON.parse(await readFile(await download.path(), "utf8"));
  // The same plan without that owner: in the registry and in every indicator.
  plan.owners = plan.owners.filter((o) => o.id !== someone);
  for (const m of plan.missions)
    for (const o of m.objectives) for (const i of o.indicators) i.owners = (i.owners ?? []).filter((x) => x !== someone);
  await page.selectOption(tid("filter-owner"), someone);
  await page.setInputFiles(tid("import-file"), { name: "p.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForSelector(tid("import-ready"));
  await page.click(tid("import-confirm"));
  await page.click(tid("confirm-yes")); // the dialog asks first
  await page.waitForSelector(`${tid("row-1.1")}`, { timeout: 5_000 });
  assert.equal(await page.locator(tid("filter-owner")).inputValue(), "");
  assert.deepEqual(errors, []);
  await ctx.close();
});
