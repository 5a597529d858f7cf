// The page loads from a sub-folder, the app mounts, the plan's title shows, the console stays clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

test("la pagina si apre sul piano predefinito senza errori in console", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  const title = await page.locator("[data-testid=plan-title]").innerText();
  assert.match(title, /cruscotto/i, "the plan title is visible");
  assert.ok(await page.locator("[data-testid=plan-title]").isVisible());
  assert.deepEqual(errors, [], "no console or page errors");
  await ctx.close();
});
