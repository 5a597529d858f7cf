// Measures the built page in headless Chromium: download size (dist/, the page users get), first
// render, evaluation time of the default plan, and a generated 10 000-indicator plan (load,
// evaluate, open, stay responsive), these on dist-perf/: the same page with the measuring hooks
// of src/ui/bench.rs. Prints a Markdown table; figures go to docs/performance.md. Never used by
// tests.
//   bash scripts/build.sh && bash scripts/build.sh --perf && node scripts/perf.mjs [--runs=5] [--large=10000]
//   bash scripts/build.sh && node scripts/perf.mjs --visits     (only first and repeat visit, on dist/)
import path from "node:path";
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = path.join(here, "..", "dist");
process.env.CRUSCOTTO_DIST ??= path.join(here, "..", "dist-perf");
// --visits: only the first and repeat visit on a throttled network (dist/ alone, no dist-perf/).
const visitsOnly = process.argv.includes("--visits");
for (const dir of visitsOnly ? [PAGE] : [PAGE, process.env.CRUSCOTTO_DIST]) {
  const built = await readdir(dir).catch(() => []);
  if (!built.includes("index.html")) {
    console.error(`manca ${dir}/index.html: bash scripts/build.sh && bash scripts/build.sh --perf`);
    process.exit(1);
  }
}
const { setup, openApp, serveDist, launchBrowser } = await import(path.join(here, "..", "tests", "e2e", "harness.mjs"));

const arg = (name, dflt) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split("=")[1]) : dflt;
};
const runs = arg("runs", 5);
const large = arg("large", 10000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const rows = [];
const row = (what, value, goal) => rows.push(`| ${what} | ${value} | ${goal} |`);

// 1. What the browser downloads (gzip -9, like scripts/size.sh).
let gz = 0;
for (const f of await readdir(PAGE)) {
  if (/\.(wasm|js|css|html)$/.test(f)) gz += gzipSync(await readFile(path.join(PAGE, f)), { level: 9 }).length;
}
row("Pagina scaricata (html+js+wasm+css, gzip)", `${(gz / 1024).toFixed(1)} KB`, "≤ 420 KB");

// 1b. First and repeat visit of the page users get (dist/, served gzipped) on a throttled connection
//     (Chromium's emulation: 9 Mbit/s down, 170 ms round trip, CPU 4× slower): navigation start →
//     dashboard drawn (the app's "mounted" mark, then the next frame). The repeat visit is served by
//     the service worker. Each run in a fresh browser profile.
{
  const served = await serveDist({ dist: PAGE, gzip: true });
  const browser = await launchBrowser();
  const throttle = async (ctx, page) => {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 170,
      downloadThroughput: (9 * 1024 * 1024) / 8,
      uploadThroughput: (9 * 1024 * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  };
  const drawn = async (page) => {
    await page.waitForSelector('[data-testid="row-1.1"]', { timeout: 60_000 });
    return page.evaluate(
      () =>
        new Promise((ok) =>
          requestAnimationFrame(() => {
            const [m] = performance.getEntriesByName("cruscotto-mounted");
            ok({ mounted: m.startTime, frame: performance.now() });
          }),
        ),
    );
  };
  const first = [];
  const repeat = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ locale: "it-IT" });
      const page = await ctx.newPage();
      await throttle(ctx, page);
      await page.goto(served.url);
      first.push((await drawn(page)).mounted);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
      const again = await ctx.newPage();
      await page.close();
      await throttle(ctx, again);
      await again.goto(served.url);
      repeat.push((await drawn(again)).mounted);
      await ctx.close();
    }
  } finally {
    await browser.close();
    served.server.close();
  }
  row("Prima visita, rete lenta (9 Mbit/s, 170 ms di latenza, CPU 4× più lenta): dalla navigazione al cruscotto disegnato", ms(median(first)), "< 1500 ms");
  row("Visita successiva, stessa rete (dal service worker)", ms(median(repeat)), "< 300 ms");
}

if (visitsOnly) {
  console.log("| Misura | Valore | Obiettivo |\n|---|---|---|\n" + rows.join("\n"));
  process.exit(0);
}
const env = await setup();
try {
  // 2. First render of the default plan: navigation start → app mounted (wasm download, compile,
  //    default plan parsed and evaluated, dashboard in the DOM); and the mount alone.
  const toMounted = [];
  const mountOnly = [];
  for (let i = 0; i < runs; i++) {
    const { ctx, page } = await openApp(env.browser, env.url);
    await page.waitForSelector('[data-testid="row-1.1"]');
    const m = await page.evaluate(() => {
      const [a] = performance.getEntriesByName("cruscotto-mount-start");
      const [b] = performance.getEntriesByName("cruscotto-mounted");
      return { at: b.startTime, mount: b.startTime - a.startTime };
    });
    toMounted.push(m.at);
    mountOnly.push(m.mount);
    await ctx.close();
  }
  row("Primo rendering del piano predefinito (solo montaggio dell'app)", ms(median(mountOnly)), "< 300 ms");
  row("Dalla navigazione al cruscotto disegnato (rete locale, include scaricamento e compilazione del wasm)", ms(median(toMounted)), "—");

  const { ctx, page } = await openApp(env.browser, env.url);
  // 3. Evaluating the default plan (and the example plan, which has data), in the page.
  const ev = JSON.parse(await page.evaluate(() => window.wasmBindings.cruscotto_bench_evaluate(200)));
  row("Rivalutazione del piano predefinito nell'app (tutti gli indicatori, testi già analizzati, senza tracce; media di 200)", ms(ev.default), "< 1 ms");
  row("Piano predefinito — Plan::evaluate_with (testi già analizzati, senza tracce)", ms(ev.default_plan), "—");
  row("Piano predefinito a freddo (analisi di ogni testo) — Plan::evaluate con tutte le tracce / senza tracce", `${ms(ev.default_cold)} / ${ms(ev.default_cold_untraced)}`, "—");
  row("Piano predefinito — prima pagina del cruscotto (righe e tracce di 53 indicatori)", ms(ev.default_page), "—");
  row("Rivalutazione del piano con dati di esempio nell'app (come sopra)", ms(ev.example), "—");
  row("Piano con dati di esempio — Plan::evaluate_with / a freddo / prima pagina", `${ms(ev.example_plan)} / ${ms(ev.example_cold)} / ${ms(ev.example_page)}`, "—");
  row("Rivalutazione dopo una modifica (un target cambiato, memo per indicatore; piano con dati di esempio)", ms(ev.after_edit), "< 1 ms");

  // 4. A generated plan of `large` indicators: JSON round trip, evaluation, open it in the app.
  const res = await page.evaluate(async (n) => {
    const t0 = performance.now();
    const r = JSON.parse(window.wasmBindings.cruscotto_bench_large(n, true));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    r.open_and_paint_ms = performance.now() - t0 - r.generate_ms - r.to_json_ms - r.load_ms - r.evaluate_ms;
    return r;
  }, large);
  await page.waitForSelector('[data-testid="page-info"]');
  row(`Piano generato: ${res.indicators} indicatori, JSON ${(res.json_bytes / 1e6).toFixed(1)} MB — plan::load`, ms(res.load_ms), "—");
  row(`Piano generato — prima valutazione completa di ${res.indicators} indicatori (senza tracce)`, ms(res.evaluate_ms), "< 100 ms");
  row("Piano generato — rivalutazione dopo una modifica (memo per indicatore)", ms(res.after_edit_ms), "< 100 ms");
  row("Piano generato — aperto nell'app e disegnato (pagina di 100 indicatori)", ms(res.open_and_paint_ms), "—");
  // Responsiveness: a keystroke in the search box (the field answers at once; on large plans the
  // filter runs when typing pauses, 250 ms), then the time until the filtered rows are drawn.
  const search = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="filter-search"]');
    const count = () => document.querySelectorAll("tr[data-code]").length + "/" + (document.querySelector('[data-testid="page-info"]')?.textContent ?? "");
    const before = count();
    const t0 = performance.now();
    input.value = "fascicoli";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    const keystroke = performance.now() - t0;
    while (count() === before && performance.now() - t0 < 5000) await new Promise((ok) => setTimeout(ok, 5));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    return { keystroke, results: performance.now() - t0 };
  });
  row("Piano generato — ricerca: un tasto → campo aggiornato (la pagina risponde)", ms(search.keystroke), "—");
  row("Piano generato — ricerca: risultati disegnati (compresa la pausa di 250 ms)", ms(search.results), "—");
  const nextPage = await page.evaluate(async () => {
    const button = [...document.querySelectorAll(".pager button")].at(-1);
    const t0 = performance.now();
    button.click();
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    return performance.now() - t0;
  });
  row("Piano generato — pagina successiva", ms(nextPage), "—");
  const saveState = await page.locator('[data-testid="save-state"]').getAttribute("data-state");
  row("Piano generato — salvataggio in localStorage", saveState === "failed" ? "rifiutato (quota): messaggio mostrato, piano resta nella pagina" : saveState, "—");
  await ctx.close();
} finally {
  await env.close();
}
console.log("| Misura | Valore | Obiettivo |\n|---|---|---|\n" + rows.join("\n"));
