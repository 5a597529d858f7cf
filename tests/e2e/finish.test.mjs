// The smaller points of issue 14: one plan name everywhere after an import (header, plans list,
// exported file), distinct labels for cancel and undo, and a what-if that lists only real
// changes, each shown so that its before and after differ.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, saved, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

async function exported(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(tid(testid))]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** A file name's stem as a person reads it: the letters and digits of `name`, lower case. */
const letters = (name) => name.toLowerCase().match(/[\p{L}\p{N}]+/gu).join(" ");

test("un solo nome del piano: intestazione, elenco dei piani e file esportato concordano dopo un'importazione", async () => {
  const { page, ctx } = await openApp(env.browser, env.url);
  const plan = JSON.parse((await exported(page, "export-json")).text);
  plan.title = `Piano di prova ${Date.now() % 1000}`;
  for (const asNew of [false, true]) {
    await page.setInputFiles(tid("import-file"), { name: "altro-nome.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
    await page.waitForSelector(tid("import-ready"));
    if (asNew) await page.click(tid("import-as-new"));
    else {
      await page.click(tid("import-confirm"));
      await page.click(tid("confirm-yes")); // the dialog asks first
    }
    await page.waitForFunction((t) => document.querySelector('[data-testid="plan-title"]')?.textContent.includes(t), plan.title);
    await saved(page);
    const header = (await page.textContent(tid("plan-title"))).trim();
    const listed = (await page.locator(`${tid("plan-select")} option:checked`).textContent()).trim();
    const json = await exported(page, "export-json");
    const csv = await exported(page, "export-csv");
    const how = asNew ? "as a new plan" : "over the open plan";
    assert.equal(header, plan.title, `${how}: the header names the imported plan`);
    assert.equal(listed, header, `${how}: the plans list names it as the header`);
    assert.equal(letters(json.name.replace(/\.json$/, "")), letters(header), `${how}: the JSON file is named as the plan (${json.name})`);
    assert.equal(letters(csv.name.replace(/\.csv$/, "")), letters(header), `${how}: the CSV file is named as the plan (${csv.name})`);
    // After a reload, the list still says the same name.
    await page.reload();
    await page.waitForSelector(tid("plan-select"));
    assert.equal((await page.locator(`${tid("plan-select")} option:checked`).textContent()).trim(), plan.title, `${how}: after a reload`);
  }
  await ctx.close();
});

for (const lang of ["it", "en"]) {
  test(`annullare una richiesta e annullare una modifica hanno nomi diversi (${lang})`, async () => {
    const ctx = await env.browser.newContext({ locale: lang === "en" ? "en-GB" : "it-IT" });
    const { page } = await openApp(env.browser, env.url, { context: ctx });
    if (lang === "en") await page.selectOption(tid("lang"), "en");
    // An edit, so that undo is on, then a question with its cancel button at the same time.
    await page.click(tid("tab-indicatore"));
    await page.fill(tid("field-name"), "Nome cambiato");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`${tid("undo")}:not([disabled])`);
    await page.click(tid("indicator-remove"));
    await page.waitForSelector(`${tid("confirm")}[open]`);
    const undo = (await page.textContent(tid("undo"))).replace("↶", "").trim();
    const cancel = (await page.textContent(tid("confirm-cancel"))).trim();
    assert.ok(undo && cancel, "both buttons have a label");
    assert.notEqual(undo.toLowerCase(), cancel.toLowerCase(), `undo «${undo}» and cancel «${cancel}» are told apart`);
    await page.click(tid("confirm-cancel"));
    // The import's cancel too.
    const plan = (await exported(page, "export-json")).text;
    await page.setInputFiles(tid("import-file"), { name: "p.json", mimeType: "application/json", buffer: Buffer.from(plan) });
    await page.waitForSelector(tid("import-ready"));
    const importCancel = (await page.textContent(tid("import-cancel"))).trim();
    assert.notEqual(undo.toLowerCase(), importCancel.toLowerCase(), `undo «${undo}» and the import's «${importCancel}»`);
    await ctx.close();
  });
}

test("«Cosa succede se…» elenca solo cambiamenti reali, con prima e dopo diversi", async () => {
  const { page, ctx } = await openApp(env.browser, env.url);
  await page.click(tid("load-example"));
  await page.waitForSelector(tid("example-badge"));
  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("whatif"));
  const codes = await page.locator(`${tid("whatif-indicator")} option`).evaluateAll((os) => os.map((o) => o.value));
  const year = await page.locator(`${tid("whatif-year")} option`).last().getAttribute("value");
  let listed = 0;
  const same = [];
  // Targets that move an indicator's score a little or a lot, on every indicator: the roll-ups
  // of an objective and of a mission then change by small amounts too.
  for (const code of codes) {
    await page.selectOption(tid("whatif-indicator"), code);
    await page.selectOption(tid("whatif-year"), year);
    for (const target of [">= 99% parziale da 1%", ">= 0"]) {
      await page.fill(tid("whatif-target"), target);
      await page.waitForSelector(`${tid("whatif-changes")}, ${tid("whatif-none")}, ${tid("whatif-stale")}`);
      const items = await page.locator(`${tid("whatif-changes")} li`).allTextContents();
      for (const li of items) {
        listed++;
        const [, change] = li.split(/:\s(.*)/s);
        const [before, after] = (change ?? "").split("→").map((s) => s.trim());
        if (before === after) same.push(`${code} ${target}: ${li}`);
      }
    }
  }
  assert.ok(listed > 0, "some target changes something");
  assert.deepEqual(same, [], "no change is listed whose before and after read the same");
  await ctx.close();
});
