// A 390-px phone (390×844), Italian and English: no view is wider than the screen (no sideways
// scroll of the page), every tab is on screen, the dashboard's indicator name stays beside its
// years when the table scrolls sideways, and the indicator's year grid and the Laboratorio have
// controls a thumb can hit (at least 44 px high).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();
const PHONE = { width: 390, height: 844 };

/** The page's width against the screen's, and the elements that stick out past its right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > w + 0.5 && !el.closest(".table-wrap, .tabs, pre, .caret-line");
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scroll: document.documentElement.scrollWidth, inner: w, out };
  });
}

/** Visible controls of `scope` lower than 44 px: what a thumb misses. */
async function smallTargets(page, scope) {
  return page.locator(`${scope} :is(button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), summary)`).evaluateAll((els) =>
    els
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 - 0.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} «${(el.textContent || el.getAttribute("aria-label") || el.dataset.testid || "").trim().slice(0, 30)}» ${Math.round(r.height)} px`),
  );
}

for (const lang of ["it", "en"]) {
  test(`390 px (${lang}): nessuna vista più larga dello schermo, tab tutte visibili`, async () => {
    const ctx = await env.browser.newContext({ viewport: PHONE, locale: lang === "en" ? "en-GB" : "it-IT" });
    const { page, errors } = await openApp(env.browser, env.url, { context: ctx });
    if (lang === "en") await page.selectOption(tid("lang"), "en");
    await page.click(tid("load-example"));
    await page.waitForSelector(tid("example-badge"));
    for (const [tab, ready] of [
      ["cruscotto", "dashboard"],
      ["indicatore", "year-grid"],
      ["grafici", "charts"],
      ["laboratorio", "lab-results"],
    ]) {
      await page.click(tid(`tab-${tab}`));
      await page.waitForSelector(tid(ready));
      const o = await overflow(page);
      assert.ok(o.scroll <= o.inner, `${tab}: page ${o.scroll} px wide on a ${o.inner} px screen; past the edge: ${o.out.join(", ")}`);
      // The tabs fit: all on screen, on one line (none wrapped alone below the others).
      const tabs = await page.locator(".tabs [role=tab]").evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ right: r.right, top: r.top })));
      assert.ok(tabs.every((r) => r.right <= PHONE.width), `${tab}: every tab on screen (${tabs.map((r) => Math.round(r.right))})`);
      assert.equal(new Set(tabs.map((r) => Math.round(r.top))).size, 1, `${tab}: the tabs on one line (${tabs.map((r) => Math.round(r.top))})`);
    }
    assert.deepEqual(errors, [], "no console or page errors");
    await ctx.close();
  });
}

test("390 px: il nome dell'indicatore resta accanto ai suoi anni quando la tabella scorre", async () => {
  const ctx = await env.browser.newContext({ viewport: PHONE, locale: "it-IT" });
  const { page } = await openApp(env.browser, env.url, { context: ctx });
  await page.waitForSelector(tid("row-9.7"));
  const wrap = page.locator(".table-wrap").filter({ has: page.locator(tid("row-9.7")) });
  await wrap.scrollIntoViewIfNeeded();
  // The years scroll: to the last year.
  const scrolled = await wrap.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return { left: el.scrollLeft, room: el.scrollWidth - el.clientWidth };
  });
  assert.ok(scrolled.room > 0 && scrolled.left > 0, `the table's years scroll sideways (${JSON.stringify(scrolled)})`);
  await page.waitForTimeout(100);
  const box = await page.locator(`${tid("row-9.7")} .ind-name`).boundingBox();
  const last = await page.locator(`${tid("row-9.7")} td.year-cell`).last().boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the name cell is on screen (${JSON.stringify(box)})`);
  assert.ok(last.x >= box.x + box.width - 1 && last.x + last.width <= PHONE.width + 1, `the last year is beside it (${JSON.stringify(last)})`);
  // And its name is readable there: the cell's own text is not covered by the years.
  const covered = await page.locator(`${tid("row-9.7")} .ind-name`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + 5, r.top + 5);
    return !el.contains(hit);
  });
  assert.equal(covered, false, "the name cell is on top of the scrolled years");
  await ctx.close();
});

test("390 px: la griglia dell'indicatore e il Laboratorio si usano col pollice (controlli ≥ 44 px)", async () => {
  const ctx = await env.browser.newContext({ viewport: PHONE, locale: "it-IT" });
  const { page } = await openApp(env.browser, env.url, { context: ctx });
  await page.click(tid("tab-indicatore"));
  await page.waitForSelector(tid("year-grid"));
  assert.deepEqual(await smallTargets(page, tid("year-grid")), [], "year grid");
  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("lab-results"));
  assert.deepEqual(await smallTargets(page, tid("lab")), [], "Laboratorio");
  assert.deepEqual(await smallTargets(page, ".tabs"), [], "tabs");
  await ctx.close();
});
