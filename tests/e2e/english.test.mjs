// English completeness: switched to English, every view and panel of the page (Cruscotto with its
// notes, an indicator with its history, Grafici, the Laboratorio with a result, the import
// confirmation, the Versioni panel, the confirmation dialog, the CSV export) shows no Italian
// interface word. The plan's own data (names, formulas, notes, units, as the plan file writes
// them) stays as the user wrote it and is taken out first. The Italian words are the Italian
// column of src/ui/i18n.rs (words that are not also in its English column) plus those the issue
// names (roll-ups' "n.d.", deliberation labels, syntax-tree labels, month names).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, saved, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();
const here = path.dirname(fileURLToPath(import.meta.url));

/** Words of a text: runs of letters (so `dell'altra` gives `dell`, `altra`; `a_b` gives `a`, `b`). */
const words = (text) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** The Italian interface words: the Italian column of the translation table minus its English column. */
async function italianWords() {
  const src = await readFile(path.join(here, "..", "..", "src", "ui", "i18n.rs"), "utf8");
  const rows = [...src.matchAll(/^\s*\w+ => "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)";/gm)];
  assert.ok(rows.length > 100, `the table of i18n.rs is read (${rows.length} rows)`);
  const english = new Set(rows.flatMap((r) => words(r[2])));
  const italian = new Set(rows.flatMap((r) => words(r[1])).filter((w) => w.length >= 3 && !english.has(w)));
  // Named by the issue (core words, not in the table before): roll-ups, acts, tree labels, dates.
  const named = "organo indicato operazione misura confronto numero aggiornato inserito eliminato del " +
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre";
  for (const w of named.split(" ")) italian.add(w);
  return italian;
}

/** The texts the user wrote in plan files (not their identifiers and enum keys), and the
 *  names of the measures their formulas read (`comunicazioni_non_digitali`), as the page shows them. */
function planTexts(plans, italian) {
  const keys = new Set(["name", "text", "code", "formula_text", "formula", "notes", "note", "title", "unit", "organ", "short_code", "body"]);
  const out = new Set();
  const walk = (x, key) => {
    if (Array.isArray(x)) x.forEach((v) => walk(v, key));
    else if (x && typeof x === "object") Object.entries(x).forEach(([k, v]) => walk(v, k));
    else if (typeof x === "string" && keys.has(key) && x.trim()) {
      out.add(x.trim());
      if (key === "formula" || key === "text") {
        for (const id of x.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []) if (!italian.has(id.toLowerCase())) out.add(id);
      }
    }
  };
  plans.forEach((p) => walk(p));
  return [...out].sort((a, b) => b.length - a.length);
}

/** Every text of the page now: text nodes (also of closed panels) and the attributes read aloud. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const tag = n.parentElement?.tagName;
      // The Laboratorio's examples are targets in the rules language, written as plans write
      // them (`almeno 2.355`): code, like a plan's formulas, not interface words.
      if (n.parentElement?.closest('[data-testid="lab-examples"] button')) continue;
      if (tag !== "SCRIPT" && tag !== "STYLE" && tag !== "NOSCRIPT" && n.textContent.trim()) out.push(n.textContent.trim());
    }
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[alt],[aria-description]")) {
      for (const a of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push(v.trim());
      }
    }
    return out;
  });
}

/** Each Italian word found in `texts` (after the plan's own texts are taken out), with its text. */
function italianIn(texts, plan, italian) {
  const found = new Set();
  for (const text of texts) {
    let rest = ` ${text} `;
    // A long name cut short at the end of a list's entry («[1] 1.1 n° fascicoli d'impresa…»).
    for (const p of plan) {
      const at = p.length > 40 ? rest.indexOf(p.slice(0, 30)) : -1;
      if (at < 0) continue;
      let end = at + 30;
      while (end < rest.length && rest[end] === p[end - at]) end++;
      if (!rest.slice(end).trim()) rest = rest.slice(0, at);
    }
    // A plan's text is taken out where it stands as a whole (a node, or bounded by non-letters).
    for (const p of plan) {
      if (!rest.includes(p)) continue;
      const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      rest = rest.replace(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, "gu"), " ");
    }
    const bad = words(rest).filter((w) => italian.has(w));
    if (/(^|[^\p{L}])n\.d\.(?![\p{L}])/u.test(rest)) bad.push("n.d.");
    if (bad.length) found.add(`${[...new Set(bad)].join(", ")}  ←  «${text.slice(0, 120)}»`);
  }
  return [...found];
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(tid(testid))]);
  return readFile(await file.path(), "utf8");
}

test("in inglese nessuna parola italiana dell'interfaccia, in ogni vista", async () => {
  const italian = await italianWords();
  const ctx = await env.browser.newContext({ locale: "en-GB", acceptDownloads: true });
  const { page, errors } = await openApp(env.browser, env.url, { context: ctx });
  await page.selectOption(tid("lang"), "en");
  const json = await download(page, "export-json");
  let plan = planTexts([JSON.parse(json)], italian);
  // Every view is visited before failing, so that one run names every Italian word left.
  const problems = [];
  const note = (where, found) => found.length && problems.push(`${where}:\n  ${found.join("\n  ")}`);
  const check = async (where) => note(where, italianIn(await pageTexts(page), plan, italian));

  // Cruscotto with the default plan (roll-ups without data), its notes open.
  await page.waitForSelector(tid("dashboard"));
  const notes = page.locator(`${tid("plan-notes")} summary`);
  if (await notes.count()) await notes.click();
  await check("Cruscotto, default plan");

  // The same with the example actuals, and the CSV export's headers.
  await page.click(tid("load-example"));
  await page.waitForSelector(tid("example-badge"));
  await saved(page);
  // The example plan is a plan of its own, with its own title and notes.
  plan = planTexts([JSON.parse(json), JSON.parse(await download(page, "export-json"))], italian);
  await check("Cruscotto, example data");
  const csv = await download(page, "export-csv");
  note("CSV header", italianIn([csv.split(/\r?\n/)[0]], plan, italian));

  // Import: the confirmation of a valid file, then the problems of a broken one; the share link.
  await page.setInputFiles(tid("import-file"), { name: "plan.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await page.waitForSelector(tid("import-ready"));
  await check("import confirmation");
  await page.click(tid("import-cancel"));
  await page.setInputFiles(tid("import-file"), { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "cruscotto-plan"}') });
  await page.waitForSelector(tid("import-error"));
  await check("import errors");
  await page.click(`${tid("import-error")} button`);
  await page.click(tid("share-link"));
  await page.waitForSelector(tid("share-url"));
  await check("share link");

  // Indicatore: every indicator of the plan, each with its year grid and revision history.
  await page.click(tid("tab-indicatore"));
  await page.waitForSelector(tid("year-grid"));
  const codes = await page.locator(`${tid("indicator-select")} option`).evaluateAll((os) => os.map((o) => o.value));
  assert.ok(codes.length > 10, "the indicator list is there");
  for (const code of codes) {
    await page.selectOption(tid("indicator-select"), code);
    await check(`Indicator ${code}`);
  }
  // The confirmation dialog of a removal (cancelled), and a target that does not read.
  await page.click(tid("indicator-remove"));
  await page.waitForSelector(`${tid("confirm")}[open]`);
  await check("confirmation dialog");
  await page.click(tid("confirm-cancel"));
  await page.locator(`${tid("year-grid")} input[data-testid^="target-"]`).last().fill(">= (80%");
  await page.waitForSelector(`${tid("year-grid")} .field-error`);
  await check("Indicator with an error");
  await page.keyboard.press("Escape");

  // Grafici.
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator-select"));
  await check("Charts");

  // Laboratorio: its result (tree, trace), the what-if with a changed target, a bad cell.
  await page.click(tid("tab-laboratorio"));
  await page.waitForSelector(tid("lab-tree"));
  await page.waitForSelector(tid("lab-results"));
  await check("Lab");
  await page.locator(`${tid("lab-data")} input`).first().fill("1,2,3");
  await page.waitForSelector(`${tid("lab-data")} .field-error`);
  await check("Lab with an unreadable cell");

  // Versioni, with the preview of a version.
  await page.click(tid("versions-toggle"));
  await page.waitForSelector(tid("version"));
  await page.locator(tid("version-preview")).last().click();
  await page.waitForSelector(tid("version-preview-box"));
  await check("Versions with a preview");

  assert.deepEqual(problems, [], `Italian interface words in English:\n${problems.join("\n")}`);
  assert.deepEqual(errors, [], "no console or page errors");
  await ctx.close();
});
