// Takes screenshots of the built page (dist/) in headless Chromium, through the e2e harness.
//   node scripts/screenshot.mjs [OUT.png] [--width=1280] [--height=900] [--tab=cruscotto] [--example]
//   --print shows the print stylesheet; --full the whole page.
//   --fill=TESTID:TEXT types TEXT in a field first.
// Default: docs/screenshot.png of the dashboard with the example data loaded.
import path from "node:path";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
const { setup, openApp } = await import(path.join(here, "..", "tests", "e2e", "harness.mjs"));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.split("=").slice(1).join("=") : dflt;
};
const out = args.find((a) => !a.startsWith("--")) ?? path.join(here, "..", "docs", "screenshot.png");
const width = Number(opt("width", "1280"));
const height = Number(opt("height", "900"));
const tab = opt("tab", "cruscotto");
const example = !args.includes("--no-example");
const full = args.includes("--full");

const env = await setup();
try {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.setViewportSize({ width, height });
  if (example) await page.click("[data-testid=load-example]");
  if (args.includes("--print")) await page.emulateMedia({ media: "print" });
  if (tab !== "cruscotto") await page.click(`[data-testid=tab-${tab}]`);
  for (const a of args.filter((x) => x.startsWith("--fill="))) {
    const [id, ...rest] = a.slice(7).split(":");
    await page.fill(`[data-testid=${id}]`, rest.join(":"));
  }
  await page.waitForTimeout(400);
  await page.screenshot({ path: out, fullPage: full });
  if (errors.length) console.error("errori nella pagina:\n" + errors.join("\n"));
  console.log(`scritto ${out}`);
  await ctx.close();
} finally {
  await env.close();
}
