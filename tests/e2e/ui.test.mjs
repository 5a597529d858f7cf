// The app's behaviour in the real browser: edits, autosave and reload, export/import, bad files,
// charts, undo, the Laboratorio's error position, corrupted and full localStorage, two tabs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, sharedEnv, tid, saved, openWithExample } from "./harness.mjs";

const env = sharedEnv();

const cellStatus = (page, code, year) =>
  page.locator(`${tid(`row-${code}`)} ${tid(`cell-${year}`)} ${tid("status")}`).getAttribute("data-status");


const withExample = (options) => openWithExample(env, options);

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  return readFile(await download.path(), "utf8");
}

test("cambiare un target cambia lo stato; dopo il ricaricamento la modifica c'è ancora", async () => {
  const { ctx, page, errors } = await withExample();
  const before = await cellStatus(page, "1.1", 2019);
  assert.equal(before, "partial", "1.1 in 2019 starts partially met (example data)");
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  await page.fill(tid("target-2019"), ">= 50%");
  await page.click(tid("tab-cruscotto"));
  assert.equal(await cellStatus(page, "1.1", 2019), "met", "the badge follows the new target");
  await saved(page);
  await page.reload();
  await page.waitForSelector(tid("app"));
  assert.equal(await cellStatus(page, "1.1", 2019), "met", "the edit survived the reload");
  assert.match(await page.locator(`${tid("row-1.1")} ${tid("cell-2019")} ${tid("target")}`).innerText(), />= 50%/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("annulla ripristina, ripeti rifà (pulsanti e Ctrl+Z)", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.click(tid("tab-indicatore"));
  const name = page.locator(tid("field-name"));
  const original = await name.inputValue();
  await name.fill("Nome cambiato");
  await page.click(tid("undo"));
  assert.equal(await name.inputValue(), original, "undo restores the name");
  await page.click(tid("redo"));
  assert.equal(await name.inputValue(), "Nome cambiato", "redo brings it back");
  await page.click(tid("tab-indicatore")); // focus out of the field
  await page.keyboard.press("Control+z");
  assert.equal(await name.inputValue(), original, "Ctrl+Z undoes too");
  await ctx.close();
});

test("esporta JSON → importa → lo stesso piano", async () => {
  const { ctx, page, errors } = await withExample();
  const first = await exportJson(page);
  const plan = JSON.parse(first);
  assert.equal(plan.format, "cruscotto-plan");
  // Start from another plan, then import the exported file over it.
  await page.click(tid("plan-reset"));
  await page.click(tid("confirm-yes")); // the dialog asks first
  await page.setInputFiles(tid("import-file"), { name: "piano.json", mimeType: "application/json", buffer: Buffer.from(first) });
  await page.waitForSelector(tid("import-ready"));
  await page.click(tid("import-confirm"));
  await page.click(tid("confirm-yes")); // the dialog asks first
  const second = await exportJson(page);
  assert.deepEqual(JSON.parse(second), plan, "export → import → export gives the same plan");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un file non valido dà un errore con i percorsi e il piano resta com'era", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  const before = await exportJson(page);
  const bad = JSON.parse(before);
  bad.missions[0].objectives[0].indicators[0].targets["2019"] = { text: ">= (80%" };
  for (const [name, text] of [
    ["rotto.json", before.slice(0, before.length / 2)],
    ["target.json", JSON.stringify(bad)],
    ["altro.json", '{"hello": "<img src=x onerror=alert(1)>"}'],
  ]) {
    await page.setInputFiles(tid("import-file"), { name, mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForSelector(tid("import-error"));
    const message = await page.locator(tid("import-error")).innerText();
    assert.match(message, new RegExp(name.replace(".", "\\.")));
    if (name === "target.json") assert.match(message, /missions\[0\]\.objectives\[0\]\.indicators\[0\]\.targets/);
    assert.equal(await page.locator("img").count(), 0, "hostile strings stay text");
  }
  assert.equal(await exportJson(page), before, "the current plan is untouched");
  await ctx.close();
});

test("il grafico dell'indicatore ha pixel disegnati", async () => {
  const { ctx, page } = await withExample();
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator"));
  await page.waitForTimeout(300);
  for (const id of ["chart-indicator", "chart-objective"]) {
    const inked = await page.locator(tid(id)).evaluate((canvas) => {
      const ctx2d = canvas.getContext("2d");
      const { data } = ctx2d.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
      return n;
    });
    assert.ok(inked > 500, `${id}: ${inked} dark pixels`);
  }
  await ctx.close();
});

test("il Laboratorio segna la posizione dell'errore di una formula", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.click(tid("tab-laboratorio"));
  await page.fill(tid("lab-formula"), "a + * b");
  const error = page.locator(`${tid("lab")} ${tid("error")}`).first();
  await error.waitFor();
  const formula = "a + * b";
  const column = Number(await error.getAttribute("data-column"));
  assert.ok(column >= 3 && column <= 5, `the error is at the operators (column ${column})`);
  const mark = await error.locator(tid("error-mark")).innerText();
  assert.equal(mark[0], formula[column - 1], `the wrong character is marked (${mark})`);
  assert.equal((await error.locator(tid("caret")).innerText()).indexOf("^"), column - 1, "the caret is under it");
  assert.match(await error.innerText(), /colonna/);
  assert.equal(await page.locator(tid("lab-formula")).getAttribute("aria-invalid"), "true");
  await page.fill(tid("lab-formula"), "a / b");
  assert.equal(await page.locator(`${tid("lab")} ${tid("error")}`).count(), 0);
  await ctx.close();
});

test("un piano corrotto in localStorage viene messo da parte, non sovrascritto", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.evaluate(() => {
    localStorage.setItem("cruscotto.piano.predefinito", '{"format": "cruscotto-plan", "version": 1, "tit');
    localStorage.setItem("cruscotto.attivo", "predefinito");
  });
  await page.reload();
  await page.waitForSelector(tid("damaged"));
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("cruscotto.danneggiato."))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, ['{"format": "cruscotto-plan", "version": 1, "tit'], "the corrupted text is kept aside");
  assert.match(await page.locator(tid("plan-title")).innerText(), /cruscotto/i, "the default plan opens instead");
  await ctx.close();
});

test("localStorage pieno: messaggio chiaro, la modifica resta nella pagina", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await page.click(tid("tab-indicatore"));
  await page.fill(tid("field-name"), "Modifica da non perdere");
  await page.waitForSelector(tid("notice-quota"));
  assert.equal(await page.locator(tid("save-state")).getAttribute("data-state"), "failed");
  assert.equal(await page.locator(tid("field-name")).inputValue(), "Modifica da non perdere");
  await ctx.close();
});

test("una seconda scheda che modifica lo stesso piano non viene sovrascritta in silenzio", async () => {
  const { ctx, page: a } = await openApp(env.browser, env.url);
  const b = await ctx.newPage();
  await b.goto(env.url);
  await b.waitForSelector(tid("app"));
  await b.click(tid("tab-indicatore"));
  await b.fill(tid("field-name"), "Scritto nella scheda B");
  await saved(b);
  await a.waitForSelector(tid("conflict"));
  await a.click(tid("conflict-theirs"));
  await a.click(tid("tab-indicatore"));
  assert.equal(await a.locator(tid("field-name")).inputValue(), "Scritto nella scheda B");
  await ctx.close();
});

test("la lingua passa all'inglese e i numeri restano all'italiana in italiano", async () => {
  const { ctx, page } = await withExample();
  assert.match(await page.locator(`${tid("row-1.1")} ${tid("cell-2019")} ${tid("value")}`).innerText(), /^\d+,\d+ %$/);
  await page.selectOption(tid("lang"), "en");
  assert.equal(await page.locator(tid("tab-cruscotto")).innerText(), "Dashboard");
  assert.match(await page.locator(`${tid("row-1.1")} ${tid("cell-2019")} ${tid("value")}`).innerText(), /^\d+\.\d+%?/);
  await ctx.close();
});

test("link di condivisione: il piano viaggia nel frammento dell'indirizzo", async () => {
  const { ctx, page } = await withExample();
  await page.click(tid("share-link"));
  const link = await page.locator(tid("share-url")).inputValue();
  assert.match(link, /#piano=/);
  const other = await env.browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.waitForSelector(tid("notice-shared"));
  assert.match(await p2.locator(tid("plan-title")).innerText(), /esempio/i);
  await other.close();
  await ctx.close();
});

test("trascinare un file sulla pagina lo importa (dopo il controllo)", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  const json = await exportJson(page);
  for (const [name, text, expect] of [
    ["buono.json", json, "import-ready"],
    ["rotto.json", "{ non è json", "import-error"],
  ]) {
    const dataTransfer = await page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: "application/json" }));
        return dt;
      },
      [name, text],
    );
    await page.dispatchEvent(tid("dashboard"), "drop", { dataTransfer });
    await page.waitForSelector(tid(expect));
  }
  await ctx.close();
});

test("una modifica che renderebbe il piano non valido non viene salvata e lo dice", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  await page.fill(tid("field-short-code"), "ITP");
  await page.waitForSelector(tid("notice-invalid"));
  assert.match(await page.locator(tid("notice-invalid")).innerText(), /short_code/);
  assert.equal(await page.locator(tid("save-state")).getAttribute("data-state"), "failed");
  await page.click(tid("undo"));
  await saved(page);
  await ctx.close();
});

test("a 390 px di larghezza nessuna scheda esce dalla pagina", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { ctx, page } = await openApp(env.browser, env.url, { context });
  await page.click(tid("load-example"));
  for (const t of ["cruscotto", "indicatore", "grafici", "laboratorio"]) {
    await page.click(tid(`tab-${t}`));
    await page.waitForTimeout(200);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 391, `${t}: the page is ${width} px wide`);
  }
  await ctx.close();
});

test("filtri del cruscotto, piano vigente dopo una deliberazione, indicatori eliminati in grigio", async () => {
  const { ctx, page } = await withExample();
  const rows = () => page.locator("tr[data-code]").count();
  const all = await rows();
  assert.ok(all >= 40, `${all} indicators`);
  await page.fill(tid("filter-search"), "fascicoli");
  const found = await rows();
  assert.ok(found >= 1 && found < all, `search: ${found}`);
  await page.fill(tid("filter-search"), "");
  await page.selectOption(tid("filter-status"), "met");
  const met = await rows();
  assert.ok(met >= 1 && met < all, `status met: ${met}`);
  for (const s of await page.locator(`tr[data-code] ${tid("status")}`).evaluateAll((els) => els.map((e) => e.dataset.status))) {
    assert.ok(typeof s === "string");
  }
  await page.selectOption(tid("filter-status"), "");
  await page.selectOption(tid("filter-year"), "2019");
  assert.equal(await page.locator(`tr[data-code="1.1"] td.year-cell`).count(), 1, "one year column");
  await page.selectOption(tid("filter-year"), "");
  const eliminated = page.locator(tid("eliminated-by"));
  assert.ok((await eliminated.count()) >= 1, "eliminated indicators are marked");
  assert.match(await eliminated.first().innerText(), /Eliminato/);
  const acts = await page.locator(`${tid("filter-asof")} option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(acts.length >= 1, "acts to choose from");
  await page.selectOption(tid("filter-asof"), acts[0]);
  assert.ok((await rows()) <= all);
  await ctx.close();
});

test("più piani: nuovo, obiettivo e indicatore aggiunti, rinomina, duplica, elimina", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  page.on("dialog", (d) => (d.type() === "prompt" ? d.accept("Piano di prova") : d.accept()));
  const options = () => page.locator(`${tid("plan-select")} option`).count();
  const before = await options();
  await page.click(tid("plan-new"));
  await page.fill(tid("new-years-from"), "2025");
  await page.fill(tid("new-years-to"), "2027");
  await page.click(tid("new-create"));
  await saved(page);
  assert.equal(await options(), before + 1);
  await page.click(tid("tab-indicatore"));
  await page.click(tid("objective-add"));
  await page.waitForSelector(tid("indicator-form"));
  await page.fill(tid("field-name"), "Indicatore nuovo");
  await page.fill(tid("target-2027"), ">= 3,5");
  await saved(page);
  await page.click(tid("plan-rename"));
  assert.equal(await page.locator(tid("plan-title")).innerText(), "Piano di prova");
  await page.click(tid("plan-duplicate"));
  assert.equal(await options(), before + 2);
  assert.equal(await page.locator(tid("plan-title")).innerText(), "Copia di Piano di prova", "the copy says so in its header");
  await page.click(tid("plan-reset"));
  await page.click(tid("confirm-yes")); // the dialog asks first
  assert.match(await page.locator(tid("plan-title")).innerText(), /Cruscotto strategico/, "a reset plan takes the default title (issue 11)");
  await page.click(tid("plan-delete"));
  await page.click(tid("confirm-yes")); // the dialog asks first
  assert.equal(await options(), before + 1);
  await page.reload();
  await page.waitForSelector(tid("app"));
  assert.equal(await options(), before + 1, "the list of plans survives a reload");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un target sbagliato resta nel campo anche dopo il ricaricamento (nulla di scritto va perso)", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  await page.fill(tid("target-2019"), ">= 8O%");
  await page.waitForSelector(`${tid("year-grid")} ${tid("error")}`);
  await page.reload();
  await page.waitForSelector(tid("app"));
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  assert.equal(await page.locator(tid("target-2019")).inputValue(), ">= 8O%", "the draft is back");
  assert.equal(await page.locator(tid("target-2019")).getAttribute("aria-invalid"), "true");
  await page.fill(tid("target-2019"), ">= 80%");
  assert.equal(await page.locator(tid("target-2019")).getAttribute("aria-invalid"), "false");
  await ctx.close();
});
