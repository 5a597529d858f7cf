// Numbers and fields typed by a person in the real browser: the field never rewrites what is being
// typed (Italian `1.234,5`, thousands `1.234`), weights are checked with a message and saved as
// they are typed, and editing a field then choosing another indicator at once never kills the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, sharedEnv, tid, saved } from "./harness.mjs";

const env = sharedEnv();



/** Opens the app with the example plan (invented actuals) on the Indicatore tab, at `code`. */
async function editor(code, options) {
  const opened = await openApp(env.browser, env.url, options);
  await opened.page.click(tid("load-example"));
  await opened.page.waitForSelector(tid("example-badge"));
  await opened.page.click(tid("tab-indicatore"));
  await opened.page.selectOption(tid("indicator-select"), code);
  await opened.page.waitForSelector(tid("indicator-form"));
  return opened;
}

async function exportPlan(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

function indicator(plan, code) {
  for (const m of plan.missions) for (const o of m.objectives) for (const i of o.indicators) if (i.code === code) return i;
  throw new Error(`no indicator ${code}`);
}

const weightOf = (plan, code) => indicator(plan, code).weight ?? 1;

test("1.234,5 digitato tasto per tasto resta com'è e vale 1234,5", async () => {
  const { ctx, page, errors } = await editor("9.4");
  const field = page.locator(tid("measure-tempo_medio_sospensione-2019"));
  await field.fill("");
  await field.pressSequentially("1.234,5", { delay: 40 });
  await page.waitForTimeout(200);
  assert.equal(await field.inputValue(), "1.234,5", "the text typed is not rewritten while typing");
  assert.equal(await field.getAttribute("aria-invalid"), "false");
  await field.press("Tab");
  assert.equal(await field.inputValue(), "1.234,5", "nor on leaving the field");
  assert.match(await page.locator(`${tid("computed-2019")} ${tid("value")}`).innerText(), /^1\.234,5\b/);
  const plan = await exportPlan(page);
  assert.equal(indicator(plan, "9.4").data.tempo_medio_sospensione["2019"], 1234.5);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("1.234 è mille duecento trentaquattro, e la pagina dice come l'ha letto", async () => {
  const { ctx, page, errors } = await editor("9.4");
  const id = "measure-tempo_medio_sospensione-2019";
  const cases = [
    ["1.234", 1234, "1.234"],
    ["1,234.5", 1234.5, "1.234,5"],
    ["3.5", 3.5, "3,5"],
    ["12.345.678", 12345678, null],
    ["85%", 0.85, "0,85"],
  ];
  for (const [text, value, note] of cases) {
    await page.fill(tid(id), text);
    await page.waitForTimeout(100);
    assert.equal(await page.locator(tid(id)).inputValue(), text, `${text}: the text stays`);
    const plan = await exportPlan(page);
    assert.equal(indicator(plan, "9.4").data.tempo_medio_sospensione["2019"], value, text);
    const read = page.locator(tid(`${id}-read`));
    if (note) assert.equal(await read.innerText(), `letto come ${note}`, text);
    else assert.equal(await read.count(), 0, `${text}: nothing to say`);
  }
  // Not a number: the message, and the plan keeps the last number.
  await page.fill(tid(id), "1.23.4");
  assert.equal(await page.locator(tid(id)).getAttribute("aria-invalid"), "true");
  await page.locator(tid(`${id}-error`)).waitFor();
  assert.equal(indicator(await exportPlan(page), "9.4").data.tempo_medio_sospensione["2019"], 0.85);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("peso «abc», negativo, vuoto o enorme: messaggio sul campo e il piano tiene il peso di prima", async () => {
  const { ctx, page, errors } = await editor("1.1");
  const weight = page.locator(tid("field-weight"));
  const old = weightOf(await exportPlan(page), "1.1");
  for (const text of ["abc", "-1", "-0,5", "", "1e308", "2.000.000"]) {
    await weight.fill(text);
    await page.waitForTimeout(100);
    assert.equal(await weight.getAttribute("aria-invalid"), "true", `${JSON.stringify(text)} is refused`);
    const message = await page.locator(tid("field-weight-error")).innerText();
    assert.match(message, text === "abc" ? /Non è un numero/ : /tra 0 e 1\.000\.000/, `${JSON.stringify(text)}: ${message}`);
    assert.equal(await weight.inputValue(), text, "the text stays in the field");
    assert.equal(weightOf(await exportPlan(page), "1.1"), old, `${JSON.stringify(text)}: the plan keeps the old weight`);
  }
  // In English, the message is English.
  await page.selectOption(tid("lang"), "en");
  await weight.fill("abc");
  assert.match(await page.locator(tid("field-weight-error")).innerText(), /Not a number/);
  await weight.fill("-1");
  assert.match(await page.locator(tid("field-weight-error")).innerText(), /between 0 and 1,000,000/);
  await weight.fill("2");
  assert.equal(await weight.getAttribute("aria-invalid"), "false");
  assert.equal(await page.locator(tid("field-weight-error")).count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("il peso è salvato mentre si scrive e resta dopo il ricaricamento", async () => {
  const { ctx, page, errors } = await editor("1.1");
  // Typed with the keyboard and never leaving the field (no blur, no change event) before the
  // reload: only an edit saved on input survives.
  await page.click(tid("objective-weight"));
  await page.keyboard.press("Control+a");
  await page.keyboard.type("3");
  await page.click(tid("field-weight"));
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2,5");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "field-weight");
  await saved(page);
  await page.reload();
  await page.waitForSelector(tid("app"));
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  assert.equal(await page.locator(tid("field-weight")).inputValue(), "2,5", "the weight survived the reload");
  assert.equal(await page.locator(tid("objective-weight")).inputValue(), "3");
  const plan = await exportPlan(page);
  assert.equal(weightOf(plan, "1.1"), 2.5);
  assert.equal(plan.missions.flatMap((m) => m.objectives).find((o) => o.number === 1).weight, 3);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("modificare un campo e cambiare subito indicatore non blocca la pagina", async () => {
  const { ctx, page, errors } = await editor("1.1");
  const fields = [
    ["field-weight", "2"],
    ["objective-weight", "2"],
    ["field-code", "1.77"],
    ["field-name", "Nome"],
    ["field-unit", "giorni"],
    ["value-2019", "0,5"],
    ["benchmark-2019", "0,5"],
    ["target-2019", ">= 50%"],
  ];
  for (const [field, text] of fields) {
    await page.selectOption(tid("indicator-select"), "1.1");
    await page.waitForTimeout(150);
    await page.fill(tid(field), text);
    await page.selectOption(tid("indicator-select"), "1.2");
    await page.waitForTimeout(150);
    assert.deepEqual(errors, [], `after ${field}`);
    if (field === "field-code") {
      // The rename is in the plan; give the indicator its code back for the next rounds.
      await page.selectOption(tid("indicator-select"), "1.77");
      await page.fill(tid("field-code"), "1.1");
      await page.waitForTimeout(100);
    }
  }
  // The page is alive: an edit still reaches the plan.
  await page.selectOption(tid("indicator-select"), "1.1");
  await page.fill(tid("field-weight"), "4");
  assert.equal(weightOf(await exportPlan(page), "1.1"), 4);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("il codice è salvato mentre si scrive, senza perdere il fuoco; un codice già usato dà l'errore", async () => {
  const { ctx, page, errors } = await editor("1.1");
  const code = page.locator(tid("field-code"));
  await code.click();
  await code.press("End");
  await code.pressSequentially("5", { delay: 40 });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "field-code", "focus kept");
  assert.equal(await code.inputValue(), "1.15");
  await code.pressSequentially("0", { delay: 40 });
  assert.equal(await code.inputValue(), "1.150");
  let plan = await exportPlan(page);
  assert.ok(indicator(plan, "1.150"), "renamed in the plan while typing");
  // A code another indicator has: the Italian message, the text stays, the plan keeps 1.150.
  await code.fill("1.2");
  assert.match(await page.locator(tid("field-code-error")).innerText(), /^il codice «1\.2» è già dell'indicatore «.+» \(obiettivo 1\)$/);
  assert.equal(await code.getAttribute("aria-invalid"), "true");
  assert.equal(await code.inputValue(), "1.2");
  plan = await exportPlan(page);
  assert.ok(indicator(plan, "1.150"));
  assert.equal(plan.missions.flatMap((m) => m.objectives).flatMap((o) => o.indicators).filter((i) => i.code === "1.2").length, 1);
  await code.fill("");
  assert.equal(await page.locator(tid("field-code-error")).innerText(), "il codice dell'indicatore non può essere vuoto");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un piano con peso 1e308 non si importa (percorso e messaggio) e nessun NaN nella pagina", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("load-example"));
  await page.waitForSelector(tid("example-badge"));
  const plan = await exportPlan(page);
  plan.missions[0].objectives[0].indicators[0].weight = 1e308;
  await page.setInputFiles(tid("import-file"), { name: "pesi.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForSelector(tid("import-error"));
  const message = await page.locator(tid("import-error")).innerText();
  assert.match(message, /missions\[0\]\.objectives\[0\]\.indicators\[0\]\.weight/);
  assert.match(message, /peso 1e308 non valido/);
  assert.doesNotMatch(await page.content(), /NaN/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Laboratorio: le celle dei dati non si riscrivono e dicono come sono state lette", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("tab-laboratorio"));
  const cell = page.locator("[data-testid^=lab-cell-fascicoli_creati-]").first();
  const id = await cell.getAttribute("data-testid");
  await cell.fill("");
  await cell.pressSequentially("1.234", { delay: 30 });
  assert.equal(await cell.inputValue(), "1.234");
  assert.equal(await page.locator(tid(`${id}-read`)).innerText(), "letto come 1.234");
  await cell.fill("tre");
  assert.equal(await cell.getAttribute("aria-invalid"), "true");
  await page.locator(tid(`${id}-error`)).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("annullare un cambio di codice riporta l'editor sull'indicatore con il codice di prima", async () => {
  const { ctx, page, errors } = await editor("1.2");
  const name = await page.locator(tid("field-name")).inputValue();
  await page.fill(tid("field-code"), "1.2bis");
  await saved(page);
  await page.click(tid("undo"));
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.value === "1.2",
    `${tid("field-code")}`,
    { timeout: 5_000 },
  );
  assert.equal(await page.locator(tid("field-name")).inputValue(), name, "the same indicator, not another");
  await page.click(tid("redo"));
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.value === "1.2bis",
    `${tid("field-code")}`,
    { timeout: 5_000 },
  );
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Ctrl+Z con il fuoco su una casella di spunta annulla la spunta", async () => {
  const { ctx, page, errors } = await editor("1.1");
  const box = page.locator(`${tid("indicator-form")} input[type=checkbox]`).nth(1);
  const before = await box.isChecked();
  await box.focus();
  await page.keyboard.press("Space");
  assert.equal(await box.isChecked(), !before, "the space bar ticks it");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(
    ([sel, want]) => document.querySelectorAll(sel)[1]?.checked === want,
    [`${tid("indicator-form")} input[type=checkbox]`, before],
    { timeout: 5_000 },
  );
  assert.deepEqual(errors, []);
  await ctx.close();
});
