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
