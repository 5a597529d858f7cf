// What axe cannot see: keyboard order and operation, focus that follows what appears and
// disappears, announcements in live regions, nothing said by colour alone, contrast of every
// status and chart colour, text at 200 % and reduced motion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, openWithExample, saved, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

/** data-testid (or tag#id) of the focused element. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("data-testid") ?? `${el?.tagName.toLowerCase()}#${el?.id ?? ""}`;
  });

/** Presses Tab until `pred(testid)` holds; returns the testids passed (fails after `max`). */
async function tabUntil(page, pred, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const id = await focused(page);
    seen.push(id);
    if (pred(id)) return seen;
  }
  throw new Error(`Tab never reached the element; focus went through: ${seen.join(", ")}`);
}

test("tastiera: il primo Tab è «Vai al contenuto», che porta il focus nel contenuto", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.keyboard.press("Tab");
  const first = page.locator(":focus");
  assert.equal(await first.getAttribute("class"), "skip-link");
  assert.ok(await first.isVisible(), "the skip link shows when focused");
  await page.keyboard.press("Enter");
  assert.equal(await focused(page), "main#main", "focus is in the main content");
  // The next Tab is the first control of the Cruscotto, not the header again.
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "filter-owner");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("tastiera: le schede con le frecce, il pannello cambia e resta etichettato dalla scheda", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  await page.focus(tid("tab-cruscotto"));
  for (const slug of ["indicatore", "grafici", "laboratorio"]) {
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(page), `tab-${slug}`);
    assert.equal(await page.locator("#panel").getAttribute("aria-labelledby"), `tab-${slug}`);
  }
  await page.keyboard.press("Home");
  assert.equal(await focused(page), "tab-cruscotto");
  await page.keyboard.press("End");
  assert.equal(await focused(page), "tab-laboratorio");
  // Only the selected tab is in the Tab order: from it, Tab goes into the panel.
  await page.keyboard.press("Tab");
  assert.doesNotMatch(await focused(page), /^tab-/);
  await ctx.close();
});

test("tastiera: la griglia degli anni si percorre anno per anno e si compila senza mouse", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "1.1");
  const years = await page.locator(`${tid("year-grid")} thead th[scope=col]`).allInnerTexts();
  const targets = await page
    .locator(`${tid("year-grid")} input[data-testid^="target-"]`)
    .evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.ok(targets.length >= 3, `a target field per year: ${targets}`);
  // From the first target, Tab goes to the next year's target, in the order of the columns.
  await page.focus(tid(targets[0]));
  const order = [targets[0]];
  for (let i = 1; i < targets.length; i++) {
    await page.keyboard.press("Tab");
    order.push(await focused(page));
  }
  assert.deepEqual(order, targets, "targets in column order");
  assert.deepEqual(
    targets.map((t) => t.replace("target-", "")),
    years.slice(1),
    "one target per year column after the base year",
  );
  // A value typed by keyboard (no mouse, no change event) lands in the plan: undoable and saved.
  const lastYear = years.at(-1);
  const field = page.locator(tid(`values-${lastYear}`));
  await field.focus();
  const before = await field.inputValue();
  const typed = before === "7" ? "8" : "7";
  await page.keyboard.press("Control+a");
  await page.keyboard.type(typed);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focused(page), `values-${lastYear}`, "Shift+Tab goes back to the same cell");
  // The value is in the plan: the form, built again from the plan, shows it.
  await page.click(tid("tab-cruscotto"));
  await page.click(tid("tab-indicatore"));
  assert.equal(await page.locator(tid(`values-${lastYear}`)).inputValue(), typed);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("importazione: il focus va alla conferma, Esc la chiude e il focus torna al selettore del file; l'esito è annunciato", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  const { readFile } = await import("node:fs/promises");
  const plan = await readFile(await download.path());
  const pick = () => page.setInputFiles(tid("import-file"), { name: "piano.json", mimeType: "application/json", buffer: plan });

  await pick();
  await page.waitForSelector(tid("import-ready"));
  assert.equal(await focused(page), "import-ready", "focus on the confirmation that appeared");
  const dialog = page.getByRole("dialog");
  assert.match(await dialog.getAttribute("aria-labelledby"), /./);
  assert.match(await page.locator(`#${await dialog.getAttribute("aria-describedby")}`).innerText(), /Sostituire/);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(tid("import-ready")).count(), 0, "Escape closes it");
  assert.equal(await focused(page), "import-file", "focus back on the file picker");

  // By keyboard only: Tab from the dialog reaches «Sì, importa», Enter imports.
  await pick();
  await page.waitForSelector(tid("import-ready"));
  await tabUntil(page, (id) => id === "import-confirm", 5);
  await page.keyboard.press("Enter");
  // Importing over the open plan asks first, in the modal dialog: Tab to «Sostituisci», Enter.
  await page.waitForSelector(`${tid("confirm")}[open]`);
  await tabUntil(page, (id) => id === "confirm-yes", 3);
  await page.keyboard.press("Enter");
  await page.waitForSelector(tid("notice-import"));
  const region = page.locator(tid("notices"));
  assert.equal(await region.getAttribute("role"), "status");
  assert.equal(await region.getAttribute("aria-live"), "polite");
  assert.match(await page.locator(tid("notice-import")).innerText(), /Piano importato/);
  assert.equal(await focused(page), "import-file");

  // A broken file: the problems take the focus and are an alert; Close gives the focus back.
  await page.setInputFiles(tid("import-file"), { name: "rotto.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await page.waitForSelector(tid("import-error"));
  assert.equal(await focused(page), "import-error");
  assert.equal(await page.locator(tid("import-error")).getAttribute("role"), "alert");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(tid("import-error")).count(), 0);
  assert.equal(await focused(page), "import-file");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("«Salvato» è annunciato da una regione live educata; gli errori dei campi sono avvisi", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  const state = page.locator(tid("save-state"));
  assert.equal(await state.getAttribute("aria-live"), "polite");
  await page.click(tid("tab-indicatore"));
  await page.fill(tid("field-name"), "Nome nuovo");
  await saved(page);
  assert.equal(await state.innerText(), "Salvato");
  const target = page.locator(`${tid("year-grid")} input[data-testid^="target-"]`).last();
  await target.fill(">= (80%");
  const error = page.locator(`${tid("year-grid")} .field-error`).first();
  await error.waitFor();
  assert.equal(await error.getAttribute("role"), "alert");
  assert.equal(await target.getAttribute("aria-invalid"), "true");
  await ctx.close();
});

test("i valori dei grafici si aprono da tastiera, in una tabella con lo stato in parole", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator"));
  const ids = await tabUntil(page, (id) => id === "summary#" || id === "chart-indicator-values");
  assert.ok(ids.length > 0);
  await page.keyboard.press("Enter");
  const table = page.locator(`${tid("chart-indicator-values")} table`);
  assert.ok(await table.isVisible(), "Enter opens the values");
  const rows = await table.locator("tbody tr").count();
  const points = (await page.locator(tid("chart-indicator")).getAttribute("data-points")).split(";").filter(Boolean);
  assert.equal(rows >= points.length, true, "a row for every year drawn");
  // Every point's colour has its status in words in the table.
  const words = await table.locator("tbody td:nth-child(3)").allInnerTexts();
  assert.ok(words.some((w) => /raggiunto|baseline|n\.d\./i.test(w)), `status words: ${words}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
