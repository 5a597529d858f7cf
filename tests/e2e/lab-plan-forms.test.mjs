// Issue 16: targets written the way Italian plans write them, in the Laboratorio of the real
// page: they are read right, the field says how it read them, and the examples include them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

test("Laboratorio: un target scritto come nei piani si legge bene e il campo dice come l'ha letto", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("tab-laboratorio"));
  await page.fill(tid("lab-formula"), "fascicoli_creati / fascicoli_ricevuti");
  await page.fill(tid("lab-cell-fascicoli_creati-2021"), "19");
  await page.fill(tid("lab-cell-fascicoli_ricevuti-2021"), "20");

  // 95 % meets «non inferiore al 90%», read as ≥ 90%.
  await page.fill(tid("lab-target"), "non inferiore al 90%");
  await page.waitForFunction(() => document.querySelector('[data-testid="read-as"]')?.textContent.includes("≥ 90%"));
  assert.match(await page.locator(tid("lab-result-2021")).innerText(), /raggiunto/);
  assert.doesNotMatch(await page.locator(tid("lab-result-2021")).innerText(), /non raggiunto|parzialmente/);

  // The dot groups thousands: 2.355 is read as 2355, and 0,95 misses it.
  await page.fill(tid("lab-target"), "almeno 2.355");
  await page.waitForFunction(() => document.querySelector('[data-testid="read-as"]')?.textContent.includes("≥ 2355"));
  assert.match(await page.locator(tid("lab-result-2021")).innerText(), /non raggiunto/);

  // An example of the plans' forms: a range, never a subtraction.
  await page.locator(`${tid("lab-examples")} button`, { hasText: "80-90%" }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="read-as"]')?.textContent.includes("tra 80% e 90%"));
  assert.match(await page.locator(tid("lab-result-2021")).innerText(), /non raggiunto/, "95 % is outside 80–90 %");

  // The language's own notation needs no note.
  await page.fill(tid("lab-target"), ">= 90%");
  await page.waitForFunction(() => !document.querySelector('[data-testid="read-as"]'));
  assert.deepEqual(errors, [], "no console errors");
  await ctx.close();
});

test("un piano scritto all'inglese (defaults.numbers: en): i campi leggono 2.5 come decimale e rifiutano 1.000 ambiguo", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  // The page's own plan, exported, with the English setting: imported over the open plan.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  const { readFile } = await import("node:fs/promises");
  const plan = JSON.parse(await readFile(await download.path(), "utf8"));
  plan.defaults = { ...(plan.defaults ?? {}), numbers: "en" };
  await page.setInputFiles(tid("import-file"), { name: "piano-en.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForSelector(tid("import-ready"));
  await page.click(tid("import-confirm"));
  // Importing over the open plan asks first (safe editing).
  await page.click(tid("confirm-yes"));
  await page.click(tid("tab-indicatore"));
  await page.selectOption(tid("indicator-select"), "9.7");
  const field = page.locator(tid("target-2021"));
  // `1.000` would be one thousand in an Italian plan: here it is ambiguous, and the field says so.
  await field.fill(">= 1.000");
  await page.waitForSelector(`${tid("year-grid")} ${tid("error")}`);
  assert.match(await page.locator(`${tid("year-grid")} ${tid("error")}`).innerText(), /1000/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  // `2.5` is a decimal here: no error.
  await field.fill(">= 2.5");
  await page.waitForFunction(() => !document.querySelector('[data-testid="year-grid"] [data-testid="error"]'));
  assert.notEqual(await field.getAttribute("aria-invalid"), "true");
  assert.deepEqual(errors, [], "no console errors");
  await ctx.close();
});
