// Accessibility audit with axe-core (WCAG 2.1 A/AA + best practices) on every view and panel of
// the real page: Italian and English, desktop and phone width, default plan and sample actuals.
// A test fails on the first violation, naming the rule, the element and the view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, openApp, saved, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** Opens the app in `lang` at `viewport`, with the sample actuals when `example`. */
async function open(lang, viewport, example) {
  const ctx = await env.browser.newContext({ locale: lang === "en" ? "en-GB" : "it-IT", viewport });
  const opened = await openApp(env.browser, env.url, { context: ctx });
  if (lang === "en") await opened.page.selectOption(tid("lang"), "en");
  if (example) {
    await opened.page.click(tid("load-example"));
    await opened.page.waitForSelector(tid("example-badge"));
  }
  return opened;
}

/** The current plan as exported (a valid file to import). */
async function exportedPlan(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  const { readFile } = await import("node:fs/promises");
  return readFile(await download.path(), "utf8");
}

async function auditAllViews(lang, width, example) {
  const { ctx, page, errors } = await open(lang, WIDTHS[width], example);
  const where = (view) => `${view} · ${lang} · ${width} · ${example ? "dati di esempio" : "piano predefinito"}`;

  // Cruscotto, with the plan's notes open when it has any.
  await page.waitForSelector(tid("dashboard"));
  const notes = page.locator(`${tid("plan-notes")} summary`);
  if (await notes.count()) await notes.click();
  await assertAccessible(page, where("Cruscotto"));

  // Import: the confirmation of a valid file, then the problems of a broken one; the share link.
  const plan = await exportedPlan(page);
  await page.setInputFiles(tid("import-file"), { name: "piano.json", mimeType: "application/json", buffer: Buffer.from(plan) });
  await page.waitForSelector(tid("import-ready"));
  await assertAccessible(page, where("conferma d'importazione"));
  await page.click(tid("import-cancel"));
  await page.setInputFiles(tid("import-file"), { name: "rotto.json", mimeType: "application/json", buffer: Buffer.from("{ non è json") });
  await page.waitForSelector(tid("import-error"));
  await assertAccessible(page, where("errori d'importazione"));
  await page.click(`${tid("import-error")} button`);
  await page.click(tid("share-link"));
  await page.waitForSelector(tid("share-url"));
  await assertAccessible(page, where("link di condivisione"));

  // Indicatore: the form and its year grid, then a target that does not read (error with caret).
  await page.click(tid("tab-indicatore"));
  await page.waitForSelector(tid("year-grid"));
  await assertAccessible(page, where("Indicatore"));
  const target = page.locator(`${tid("year-grid")} input[data-testid^="target-"]`).last();
  await target.fill(">= (80%");
  await page.waitForSelector(`${tid("year-grid")} .field-error`);
  await assertAccessible(page, where("Indicatore con un errore nel valore atteso"));

  // Grafici.
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator"));
  await assertAccessible(page, where("Grafici"));

  // Laboratorio, then with a cell that does not read as a number.
  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("lab"));
  await assertAccessible(page, where("Laboratorio"));
  await page.locator(`${tid("lab-data")} input`).first().fill("1,2,3");
  await page.waitForSelector(`${tid("lab-data")} .field-error`);
  await assertAccessible(page, where("Laboratorio con un dato illeggibile"));

  assert.deepEqual(errors, [], "no console or page errors");
  await ctx.close();
}

for (const lang of ["it", "en"]) {
  for (const width of Object.keys(WIDTHS)) {
    for (const example of [false, true]) {
      test(`axe: nessuna violazione in ogni vista (${lang}, ${width}, ${example ? "dati di esempio" : "piano predefinito"})`, () =>
        auditAllViews(lang, width, example));
    }
  }
}

test("axe: il salvataggio fallito e il conflitto con un'altra scheda, in italiano e in inglese", async () => {
  for (const lang of ["it", "en"]) {
    const { ctx, page: a } = await open(lang, WIDTHS.desktop, false);
    const b = await ctx.newPage();
    await b.goto(env.url);
    await b.waitForSelector(tid("app"));
    await b.click(tid("tab-indicatore"));
    await b.fill(tid("field-name"), "Scritto nella scheda B");
    await saved(b);
    await a.waitForSelector(tid("conflict"));
    await assertAccessible(a, `conflitto tra schede · ${lang}`);
    await ctx.close();

    const { ctx: ctx2, page } = await open(lang, WIDTHS.desktop, false);
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("quota", "QuotaExceededError");
      };
    });
    await page.click(tid("tab-indicatore"));
    await page.fill(tid("field-name"), "Modifica da non perdere");
    await page.waitForSelector(tid("retry-save"));
    await assertAccessible(page, `salvataggio non riuscito · ${lang}`);
    await ctx2.close();
  }
});

test("axe: un piano di più pagine (la navigazione tra le pagine) e il «cosa succede se» con modifiche", async () => {
  const { ctx, page, errors } = await open("it", WIDTHS.desktop, true);
  // The sample plan with every indicator copied until there are more than a page of them.
  const plan = JSON.parse(await exportedPlan(page));
  const objective = plan.missions[0].objectives[0];
  const model = objective.indicators[0];
  for (let k = 1; k <= 120; k++) {
    const copy = structuredClone(model);
    copy.code = `${model.code}.${k}`;
    delete copy.short_code;
    objective.indicators.push(copy);
  }
  await page.setInputFiles(tid("import-file"), {
    name: "grande.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await page.waitForSelector(tid("import-ready"));
  await page.click(tid("import-confirm"));
  await page.click(tid("confirm-yes"));
  await page.waitForSelector(tid("page-info"));
  await assertAccessible(page, "Cruscotto di più pagine");

  // Laboratorio, «cosa succede se»: a stricter target lists the changes with their badges.
  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("whatif"));
  await page.fill(tid("whatif-target"), ">= 1000");
  await page.waitForSelector(tid("whatif-changes"));
  await assertAccessible(page, "Laboratorio con le modifiche del «cosa succede se»");
  assert.deepEqual(errors, []);
  await ctx.close();
});
