// Shared harness of the end-to-end tests: serves the built page (dist/) on loopback under a
// sub-folder (so relative URLs are checked too) and drives the system's headless Chromium.
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.CRUSCOTTO_DIST ?? path.join(here, "..", "..", "dist"));
const DEFAULT_DIST = DIST;
export const PREFIX = "/una/cartella/qualsiasi/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Starts a static server of DIST on 127.0.0.1 (random port); resolves to its base URL.
 *  `options.rewrite(rel, body)`, when given, may change a file as it is served (e.g. a new release
 *  of sw.js); it is read at each request, so a test can set it later. */
export async function serveDist(options = {}) {
  const DIST = options.dist ?? DEFAULT_DIST;
  await stat(path.join(DIST, "index.html")).catch(() => {
    throw new Error(`manca ${DIST}/index.html: costruisci la pagina con bash scripts/build.sh`);
  });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404).end("fuori dalla cartella");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(PREFIX.length)) || "index.html";
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (options.rewrite) body = options.rewrite(rel, body);
      const headers = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" };
      // `options.gzip`: compressed as a real host would (scripts/perf.mjs times downloads).
      if (options.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = gzipSync(body);
        headers["content-encoding"] = "gzip";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end("non trovato");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}${PREFIX}` };
}

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Launches headless Chromium with the flags this closed-network machine needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * Opens the app in a fresh browser context (its own empty localStorage) and collects every console
 * error and uncaught page error, so a test can assert there were none.
 */
export async function openApp(browser, url, { context } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true, locale: "it-IT" }));
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => errors.push(`requestfailed: ${req.url()}`));
  await page.goto(url);
  // The app is mounted when its root element is in the page.
  await page.waitForSelector("[data-testid=app]", { timeout: 30_000 });
  return { ctx, page, errors };
}

/** One server and one browser for a whole test file. */
export async function setup() {
  const { server, url } = await serveDist();
  const browser = await launchBrowser();
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One server and one browser shared by the tests of the calling file (started before them,
 *  closed after them); its `browser` and `url` are there once the tests run. */
export function sharedEnv() {
  const env = {};
  before(async () => Object.assign(env, await setup()));
  after(async () => env.close?.());
  return env;
}

/** The selector of a `data-testid`. */
export const tid = (id) => `[data-testid="${id}"]`;

/** Resolves when the autosave says "saved". */
export async function saved(page) {
  await page.waitForSelector(`${tid("save-state")}[data-state="saved"]`, { timeout: 10_000 });
}

/** Opens the app and loads the example plan (invented actuals). */
export async function openWithExample(env, options) {
  const opened = await openApp(env.browser, env.url, options);
  await opened.page.click(tid("load-example"));
  await opened.page.waitForSelector(tid("example-badge"));
  return opened;
}

// ---- Accessibility: axe-core (the engine of the browsers' audits) run on the real page ----

/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
let axeSource;

/**
 * Runs axe-core on what `page` shows now and throws on the first violation of any impact, naming
 * the rule, the element (selector and HTML) and `where` (the view, language, width, data).
 * Other violations found in the same run are listed after it. `options.exclude`: selectors left out.
 */
export async function assertAccessible(page, where, { exclude = [] } = {}) {
  axeSource ??= await readFile(path.join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const result = await window.axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, exclude },
  );
  if (violations.length === 0) return;
  const [first] = violations;
  const node = first.nodes[0];
  const others = violations
    .slice(1)
    .map((v) => `${v.id} (${v.nodes.length})`)
    .join(", ");
  throw new Error(
    `axe: ${where}: [${first.impact}] ${first.id} — ${first.help}\n` +
      `  elemento: ${node.target}\n  html: ${node.html.slice(0, 300)}\n  ${node.summary ?? ""}\n` +
      `  (${first.nodes.length} elementi con questa regola${others ? `; altre regole: ${others}` : ""})`,
  );
}
