// axe-core on the views added this round, in both languages and both widths: the confirmation
// dialog, the Versioni panel with a preview, an unconfirmed target with its preview and the
// dashboard's mark, the notice of a damaged stored plan, and the offline notice of the service
// worker. Fails on the first violation with the rule, the element and the view.
import { test } from "node:test";
import { assertAccessible, openApp, saved, serveDist, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

for (const lang of ["it", "en"]) {
  for (const width of ["desktop", "phone"]) {
    test(`viste nuove senza violazioni axe · ${lang} · ${width}`, async () => {
      const ctx = await env.browser.newContext({ locale: lang === "en" ? "en-GB" : "it-IT", viewport: WIDTHS[width] });
      const { page } = await openApp(env.browser, env.url, { context: ctx });
      if (lang === "en") await page.selectOption(tid("lang"), "en");
      const where = (view) => `${view} · ${lang} · ${width}`;
      await page.click(tid("load-example"));
      await page.waitForSelector(tid("example-badge"));
      await saved(page);

      // An unconfirmed target: the field's preview, then the dashboard's mark.
      await page.click(tid("tab-indicatore"));
      await page.selectOption(tid("indicator-select"), "9.7");
      await page.fill(tid("target-2021"), ">= 95%");
      await assertAccessible(page, where("target non confermato (anteprima)"));
      await page.fill(tid("target-2021"), ">= 9,,5%");
      await page.click(tid("tab-cruscotto"));
      await page.waitForSelector(tid("row-9.7"));
      await assertAccessible(page, where("cruscotto con una modifica non confermata"));

      // The confirmation dialog before removing an indicator.
      await page.click(tid("tab-indicatore"));
      await page.click(tid("indicator-remove"));
      await page.waitForSelector(`${tid("confirm")}[open]`);
      await assertAccessible(page, where("dialogo di conferma"));
      await page.click(tid("confirm-yes"));
      await saved(page);

      // Versioni, with the preview of an earlier version.
      await page.click(tid("versions-toggle"));
      await page.waitForSelector(tid("version"));
      await page.locator(tid("version-preview")).last().click();
      await page.waitForSelector(tid("version-preview-box"));
      await assertAccessible(page, where("Versioni con anteprima"));

      // A stored plan that is damaged (a new one, as a user's own): the notice with download and delete.
      await page.click(tid("plan-new"));
      await saved(page);
      const id = await page.evaluate(() => localStorage.getItem("cruscotto.attivo"));
      await page.evaluate((id) => localStorage.setItem(`cruscotto.piano.${id}`, '{"format": "cruscotto-plan", "tit'), id);
      await page.reload();
      await page.waitForSelector(tid("damaged"));
      if (lang === "en") await page.selectOption(tid("lang"), "en");
      await assertAccessible(page, where("avviso di piano danneggiato"));
      await ctx.close();
    });
  }
}

test("l'avviso «senza rete» del service worker senza violazioni axe", async () => {
  const { server, url } = await serveDist();
  const ctx = await env.browser.newContext({ locale: "it-IT" });
  const { page } = await openApp(env.browser, url, { context: ctx });
  await page.evaluate(
    () =>
      new Promise((ok) => {
        if (navigator.serviceWorker.controller) ok();
        else navigator.serviceWorker.addEventListener("controllerchange", () => ok());
      }),
  );
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await page.reload();
  await page.waitForSelector(tid("notice-offline"));
  await assertAccessible(page, "avviso senza rete · it · desktop");
  await ctx.close();
});
