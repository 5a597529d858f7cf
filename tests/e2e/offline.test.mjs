// The hosted page works offline after one visit and picks up a new release: the real service
// worker (dist/sw.js, completed by scripts/pwa.mjs) in headless Chromium, the network really gone
// (the server is stopped, not emulated).
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, tid, saved } from "./harness.mjs";

/** Resolves once a service worker controls the page (its files are then all kept). */
async function controlled(page) {
  await page.evaluate(
    () =>
      new Promise((ok) => {
        if (navigator.serviceWorker.controller) ok();
        else navigator.serviceWorker.addEventListener("controllerchange", () => ok());
      }),
  );
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test("after one visit the page opens without the network, with the user's plan", async () => {
  const { server, url } = await serveDist();
  const browser = await launchBrowser();
  try {
    const { ctx, page } = await openApp(browser, url);
    await page.click(tid("load-example"));
    await page.waitForSelector(tid("example-badge"));
    await saved(page);
    await controlled(page);
    const kept = await cacheNames(page);
    assert.equal(kept.length, 1, `one cache for this page, got ${JSON.stringify(kept)}`);
    assert.ok(kept[0].includes(url), `the cache name carries the page's folder: ${kept[0]}`);

    // The network goes: the server stops and drops its open connections.
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    await assert.rejects(fetch(url), "the server must really be gone");

    await page.reload();
    await page.waitForSelector(tid("app"), { timeout: 30_000 });
    await page.waitForSelector(tid("example-badge"));
    await page.waitForSelector(tid("row-1.1"));
    const notice = await page.waitForSelector(tid("notice-offline"));
    assert.match(await notice.innerText(), /Senza rete/);
    // The dashboard is drawn from the kept copy, with statuses computed from the user's data.
    assert.ok((await page.locator(".badge").count()) > 0, "statuses are shown");
    await ctx.close();
  } finally {
    await browser.close();
    server.close();
  }
});

test("a new release is kept for the next visit, and the page says so", async () => {
  const options = {};
  const { server, url } = await serveDist(options);
  const browser = await launchBrowser();
  try {
    const { ctx, page, errors } = await openApp(browser, url);
    await controlled(page);
    const [first] = await cacheNames(page);

    // A new release: the server now serves a service worker with another version.
    options.rewrite = (rel, body) =>
      rel === "sw.js" ? Buffer.from(body.toString().replace(/VERSION ?= ?"([0-9a-f]+)"/, 'VERSION="$1-new"')) : body;
    await page.reload();
    await page.waitForSelector(tid("app"));
    const notice = await page.waitForSelector(tid("notice-update"), { timeout: 30_000 });
    assert.match(await notice.innerText(), /nuova versione/);
    // The new worker takes over (the notice) before its activation has removed the old copy.
    let after = await cacheNames(page);
    for (let i = 0; i < 100 && after.length !== 1; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      after = await cacheNames(page);
    }
    assert.equal(after.length, 1, `the old copy is removed: ${JSON.stringify(after)}`);
    assert.notEqual(after[0], first);
    assert.ok(after[0].endsWith("-new"), after[0]);
    assert.deepEqual(errors, []);
    await ctx.close();
  } finally {
    await browser.close();
    server.close();
  }
});
