// Issue 14: every view has an address (#/cruscotto?…, #/indicatore/<code>, #/grafici/<code>,
// #/laboratorio?…): a link opens that view, Back and Forward move between views, a reload keeps
// the view, an unknown code says so; the plan's share link keeps working; every Laboratorio
// example gives a result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();
const hash = (page) => page.evaluate(() => location.hash);
const selected = (page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute("data-testid");

/** Whether the element's top is inside the window (scrolled to, not left at the page's bottom). */
const inView = (page, sel) =>
  page.locator(sel).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  });

test("un link a un indicatore apre il suo modulo, in vista e con il fuoco", async () => {
  const { ctx, page, errors } = await openApp(env.browser, `${env.url}#/indicatore/9.7`);
  await page.waitForSelector(tid("indicator-form"));
  assert.equal(await selected(page), "tab-indicatore");
  assert.equal(await page.locator(tid("indicator-select")).inputValue(), "9.7");
  assert.match(await page.locator(`${tid("indicator-form")} h2`).innerText(), /9\.7/);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="indicator-form"]'));
  assert.ok(await inView(page, tid("indicator-form")), "the form is on screen");
  assert.equal(await hash(page), "#/indicatore/9.7", "the address stays the indicator's");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("dal Cruscotto, aprire un indicatore in fondo all'elenco porta al suo modulo, con il fuoco", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.waitForSelector(tid("row-9.7"));
  assert.equal(await hash(page), "#/cruscotto", "the first view has its address");
  const open = page.locator(`${tid("row-9.7")} ${tid("open-indicator")}`);
  await open.scrollIntoViewIfNeeded();
  await open.click();
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="indicator-form"]'));
  assert.equal(await hash(page), "#/indicatore/9.7");
  assert.ok(await inView(page, tid("indicator-form")), "the form is on screen, not the page's bottom");
  // Back returns to the Cruscotto: a new history entry, not a replaced one.
  await page.goBack();
  await page.waitForSelector(tid("dashboard"));
  assert.equal(await hash(page), "#/cruscotto");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un link ai grafici di un indicatore apre quel grafico", async () => {
  const { ctx, page, errors } = await openApp(env.browser, `${env.url}#/grafici/9.7`);
  await page.waitForSelector(tid("charts"));
  assert.equal(await selected(page), "tab-grafici");
  assert.equal(await page.locator(tid("chart-indicator-select")).inputValue(), "9.7");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un link al Laboratorio porta formula, target e dati: il risultato si vede", async () => {
  const q = new URLSearchParams({ formula: "pratiche / giorni", target: ">= 2", "pratiche.2021.it": "30", "giorni.2021.it": "10" });
  const { ctx, page, errors } = await openApp(env.browser, `${env.url}#/laboratorio?${q.toString().replaceAll("+", "%20")}`);
  await page.waitForSelector(tid("lab"));
  assert.equal(await page.locator(tid("lab-formula")).inputValue(), "pratiche / giorni");
  assert.equal(await page.locator(tid("lab-target")).inputValue(), ">= 2");
  assert.equal(await page.locator(tid("lab-cell-pratiche-2021")).inputValue(), "30");
  const row = page.locator(tid("lab-result-2021"));
  assert.match(await row.innerText(), /\b3\b/, "30 / 10 = 3");
  assert.equal(await row.locator(tid("status")).getAttribute("data-status"), "met");

  // Typing changes the address in place: no history entry per keystroke.
  const entries = await page.evaluate(() => history.length);
  await page.fill(tid("lab-cell-giorni-2021"), "20");
  await page.waitForFunction(() => location.hash.includes("giorni.2021.it=20"));
  assert.equal(await page.evaluate(() => history.length), entries);
  assert.equal(await row.locator(tid("status")).getAttribute("data-status"), "not_met", "1,5 < 2");

  // The address, opened elsewhere, shows the same experiment.
  const link = await page.evaluate(() => location.href);
  const other = await openApp(env.browser, link);
  await other.page.waitForSelector(tid("lab-result-2021"));
  assert.equal(await other.page.locator(tid("lab-cell-giorni-2021")).inputValue(), "20");
  assert.equal(await other.page.locator(`${tid("lab-result-2021")} ${tid("status")}`).getAttribute("data-status"), "not_met");
  await other.ctx.close();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("Indietro e Avanti passano tra le viste; un ricaricamento tiene la vista e i filtri", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.waitForSelector(tid("dashboard"));
  await page.selectOption(tid("filter-year"), "2020");
  await page.waitForFunction(() => location.hash === "#/cruscotto?anno=2020");
  await page.click(tid("tab-grafici"));
  await page.waitForFunction(() => location.hash.startsWith("#/grafici/"));
  await page.click(tid("tab-laboratorio"));
  await page.waitForFunction(() => location.hash.startsWith("#/laboratorio?"));

  await page.goBack();
  await page.waitForSelector(tid("charts"));
  assert.equal(await selected(page), "tab-grafici");
  await page.goBack();
  await page.waitForSelector(tid("dashboard"));
  assert.equal(await page.locator(tid("filter-year")).inputValue(), "2020", "the filter comes back with the view");
  await page.goForward();
  await page.waitForSelector(tid("charts"));
  assert.equal(await selected(page), "tab-grafici");

  // Another indicator in the charts, then a reload: the same chart.
  await page.selectOption(tid("chart-indicator-select"), "9.2");
  await page.waitForFunction(() => location.hash === "#/grafici/9.2");
  await page.reload();
  await page.waitForSelector(tid("charts"));
  assert.equal(await page.locator(tid("chart-indicator-select")).inputValue(), "9.2");

  // The Cruscotto's filters survive a reload too (Back: the first chart, then the Cruscotto).
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith("#/grafici/") && location.hash !== "#/grafici/9.2");
  await page.goBack();
  await page.waitForSelector(tid("dashboard"));
  await page.reload();
  await page.waitForSelector(tid("dashboard"));
  assert.equal(await page.locator(tid("filter-year")).inputValue(), "2020");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("un codice o una vista sconosciuti lo dicono, invece di una pagina vuota", async () => {
  const { ctx, page, errors } = await openApp(env.browser, `${env.url}#/indicatore/99.99`);
  const notice = page.locator(tid("notice-route"));
  await notice.waitFor();
  assert.match(await notice.innerText(), /Nessun indicatore con questo codice.*99\.99/s);
  assert.ok(await page.locator(tid("indicator-form")).isVisible(), "an indicator is shown, not an empty page");

  // An address typed in the bar of the open page (no reload).
  await page.goto(`${env.url}#/grafici/ZZ`);
  await page.locator(tid("notice-route")).waitFor();
  assert.match(await page.locator(tid("notice-route")).innerText(), /ZZ/);
  assert.ok(await page.locator(tid("charts")).isVisible());

  await page.goto(`${env.url}#/nessuna-vista`);
  await page.locator(tid("notice-route")).waitFor();
  assert.match(await page.locator(tid("notice-route")).innerText(), /nessuna vista/);
  await page.waitForSelector(tid("dashboard"));

  await page.selectOption(tid("lang"), "en");
  await page.goto(`${env.url}#/indicatore/99.99`);
  await page.locator(tid("notice-route")).waitFor();
  assert.match(await page.locator(tid("notice-route")).innerText(), /No indicator with this code/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("il link di condivisione apre ancora un piano, e il messaggio dice cosa è successo", async () => {
  const ctx = await env.browser.newContext({ locale: "it-IT" });
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { page } = await openApp(env.browser, env.url, { context: ctx });
  await page.click(tid("load-example"));
  await page.waitForSelector(tid("example-badge"));
  await page.click(tid("share-link"));
  const link = await page.locator(tid("share-url")).inputValue();
  assert.match(link, /#piano=/);
  const message = page.locator(".share-out");
  await page.waitForFunction(() => /copiato negli appunti/.test(document.querySelector(".share-out")?.textContent ?? ""));
  assert.match(await message.innerText(), /copiato negli appunti/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, "what it says is what happened");
  assert.ok(!(await page.evaluate(() => location.hash)).startsWith("#piano"), "the address bar did not change");

  const other = await openApp(env.browser, link);
  await other.page.waitForSelector(tid("notice-shared"));
  assert.match(await other.page.locator(tid("plan-title")).innerText(), /esempio/i);
  assert.equal(await hash(other.page), "#/cruscotto", "the plan is imported once; the address is the view's");
  await other.ctx.close();
  await ctx.close();
});

test("ogni esempio del Laboratorio dà un risultato (non n.d.)", async () => {
  const { ctx, page, errors } = await openApp(env.browser, `${env.url}#/laboratorio`);
  // An address without an experiment opens the default one, with its data: a result.
  const first = page.locator(`${tid("lab-result-2021")} ${tid("status")}`);
  await first.waitFor();
  assert.notEqual(await first.getAttribute("data-status"), "no_data", "the default experiment has its data");
  const buttons = page.locator(`${tid("lab-examples")} button`);
  const n = await buttons.count();
  assert.ok(n >= 10 && n <= 25, `one example per notation, not near-duplicates (${n})`);
  const names = await buttons.allInnerTexts();
  assert.equal(new Set(names).size, n, "no example twice");
  for (let i = 0; i < n; i++) {
    await buttons.nth(i).click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="lab-target"]')?.value === t,
      names[i],
    );
    const rows = page.locator('[data-testid^="lab-result-"]');
    assert.ok((await rows.count()) > 0, `${names[i]}: results shown`);
    const last = rows.last();
    const status = await last.locator(tid("status")).getAttribute("data-status");
    assert.notEqual(status, "no_data", `${names[i]}: ${await last.innerText()}`);
    assert.doesNotMatch(await last.locator("td.cell-value").innerText(), /n\.d\./, names[i]);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});
