// Issue 12: a planning office builds its own 2025–2027 plan in the page, from blank or from a
// template, without writing JSON, and shares it as a file that the CLI checks clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, openWithExample, sharedEnv, tid, saved } from "./harness.mjs";

const env = sharedEnv();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const cellStatus = (page, code, year) =>
  page.locator(`${tid(`row-${code}`)} ${tid(`cell-${year}`)} ${tid("status")}`).getAttribute("data-status");

/** Types into a field that applies on change (leaving the field). */
async function enter(locator, text) {
  await locator.fill(text);
  await locator.press("Tab");
}

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-json"))]);
  return readFile(await download.path(), "utf8");
}

/** `cruscotto check FILE` on the exported text: the CLI of this worktree, built if needed. */
async function cliCheck(text) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cruscotto-own-"));
  const file = path.join(dir, "piano.json");
  await writeFile(file, text);
  try {
    const { stdout } = await promisify(execFile)(
      "cargo",
      ["run", "--quiet", "--bin", "cruscotto", "--", "check", file],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout };
  } catch (e) {
    return { code: e.code, stdout: `${e.stdout}\n${e.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** «Nuovo piano» → blank 2025–2027; resolves on the Piano tab of the new plan. */
async function newBlankPlan(page) {
  await page.click(tid("plan-new"));
  await page.check(tid("new-blank"));
  await page.fill(tid("new-years-from"), "2025");
  await page.fill(tid("new-years-to"), "2027");
  await page.click(tid("new-create"));
  await page.waitForSelector(tid("plan-structure"));
  await saved(page);
}

test("un piano 2025–2027 da zero: struttura, owner, target, consuntivi, stati, ricarica, export e cruscotto check", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await newBlankPlan(page);
  assert.equal(await page.inputValue(tid("plan-years-from")), "2025");
  assert.equal(await page.inputValue(tid("plan-years-to")), "2027");
  await enter(page.locator(tid("plan-body")), "Comune di Prova");

  await page.click(tid("mission-add"));
  await enter(page.locator(tid("mission-name")), "Servizi istituzionali");
  await page.click(tid("objective-add"));
  await enter(page.locator(tid("objective-title")), "Pratiche veloci");
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  await enter(page.locator(`${tid("indicator-row-1.1")} ${tid("indicator-name")}`), "Pratiche evase nei termini");
  await enter(page.locator(`${tid("indicator-row-1.2")} ${tid("indicator-name")}`), "Rapporto evase su ricevute");
  await page.fill(tid("owner-new"), "Ufficio Tributi");
  await page.click(tid("owner-add"));
  await page.waitForSelector(tid("owner-row"));

  // Indicator 1.1: direct values, targets, its office.
  await page.click(`${tid("indicator-row-1.1")} ${tid("indicator-open")}`);
  await page.waitForSelector(tid("indicator-form"));
  await page.getByRole("checkbox", { name: "Ufficio Tributi" }).check();
  for (const [year, target] of [["2025", ">= 80"], ["2026", ">= 85"], ["2027", ">= 90"]]) {
    await page.fill(tid(`target-${year}`), target);
  }
  await page.fill(tid("value-2025"), "82");
  await page.fill(tid("value-2026"), "40");

  // Indicator 1.2: a formula over two measures.
  await page.selectOption(tid("indicator-select"), "1.2");
  await page.waitForSelector(`${tid("indicator-form")} h2:has-text("1.2")`);
  await page.fill(tid("field-formula"), "evase / ricevute");
  await page.fill(tid("target-2025"), ">= 90%");
  await page.waitForSelector(tid("measure-evase-2025"));
  await page.fill(tid("measure-evase-2025"), "95");
  await page.fill(tid("measure-ricevute-2025"), "100");
  await page.waitForSelector(`${tid("computed-2025")} ${tid("status")}[data-status="met"]`);
  await saved(page);

  const statuses = async () => ({
    a2025: await cellStatus(page, "1.1", 2025),
    a2026: await cellStatus(page, "1.1", 2026),
    b2025: await cellStatus(page, "1.2", 2025),
  });
  await page.click(tid("tab-cruscotto"));
  const seen = await statuses();
  assert.equal(seen.a2025, "met", "82 ≥ 80");
  assert.notEqual(seen.a2026, "met", "40 is short of 85");
  assert.equal(seen.b2025, "met", "95/100 ≥ 90%");

  await page.reload();
  await page.waitForSelector(tid("app"));
  await page.click(tid("tab-cruscotto"));
  assert.deepEqual(await statuses(), seen, "the plan and its statuses survive a reload");
  assert.match(await page.locator(tid("plan-title")).innerText(), /2025–2027/);

  const text = await exportJson(page);
  const plan = JSON.parse(text);
  assert.deepEqual(plan.years, { first: 2025, last: 2027 });
  assert.equal(plan.body, "Comune di Prova");
  assert.equal(plan.missions.length, 1);
  assert.equal(plan.missions[0].objectives[0].indicators.length, 2);
  const checked = await cliCheck(text);
  assert.equal(checked.code, 0, checked.stdout);
  assert.match(checked.stdout, /Piano valido\./);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("codici unici con il motivo, riordino da tastiera, anni più corti solo dopo aver visto cosa cade fuori, annulla", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await newBlankPlan(page);
  await page.click(tid("mission-add"));
  await page.click(tid("objective-add"));
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  const codes = () => page.locator(`${tid("plan-structure")} ${tid("indicator-code")}`).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(await codes(), ["1.1", "1.2"]);

  await enter(page.locator(`${tid("indicator-row-1.2")} ${tid("indicator-code")}`), "1.1");
  assert.match(await page.locator(`${tid("plan-structure")} ${tid("refusal")}`).innerText(), /già dell'indicatore/);
  assert.equal(await page.locator(tid("indicator-row-1.2")).count(), 1, "a refused code changes nothing");
  assert.equal(await page.locator(`${tid("indicator-row-1.2")} ${tid("indicator-code")}`).inputValue(), "1.1", "the typed text stays, with the reason");

  await page.locator(`${tid("indicator-row-1.2")} ${tid("indicator-name")}`).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator-code"]')?.value === "1.2");
  assert.deepEqual(await codes(), ["1.2", "1.1"], "Alt+↑ moved the row");
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "ind-1.2-up", "the focus stays with the moved row");

  // A target in 2027, then the plan shortened to 2025–2026.
  await page.click(`${tid("indicator-row-1.1")} ${tid("indicator-open")}`);
  await page.fill(tid("target-2027"), ">= 3");
  await page.click(tid("tab-piano"));
  await enter(page.locator(tid("plan-years-to")), "2026");
  assert.match(await page.locator(tid("years-outside")).innerText(), /indicatore 1\.1, target 2027/);
  await page.click(tid("years-drop"));
  await page.waitForSelector(tid("years-outside"), { state: "detached" });
  assert.equal(await page.inputValue(tid("plan-years-to")), "2026");
  let plan = JSON.parse(await exportJson(page));
  assert.equal(plan.years.last, 2026);
  assert.ok(!plan.missions[0].objectives[0].indicators.some((i) => i.targets?.["2027"]), "the 2027 target went with the year");

  await page.click(tid("undo"));
  assert.equal(await page.inputValue(tid("plan-years-to")), "2027", "undo brings the years back");
  plan = JSON.parse(await exportJson(page));
  assert.equal(plan.missions[0].objectives[0].indicators[1].targets["2027"].text, ">= 3");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("nuovo piano da modello: il cruscotto predefinito spostato al 2025, senza consuntivi", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await page.click(tid("plan-new"));
  await page.check(tid("new-template"));
  await page.selectOption(tid("new-template-source"), "seed");
  await page.fill(tid("new-shift"), "9");
  await page.click(tid("new-create"));
  await page.waitForSelector(tid("plan-structure"));
  await saved(page);
  assert.equal(await page.inputValue(tid("plan-years-from")), "2025");
  assert.equal(await page.inputValue(tid("plan-years-to")), "2030");
  const plan = JSON.parse(await exportJson(page));
  const indicators = plan.missions.flatMap((m) => m.objectives.flatMap((o) => o.indicators));
  assert.ok(indicators.length > 10, "the seed's structure is there");
  assert.ok(indicators.every((i) => !i.values && !i.data), "no actuals");
  assert.ok(indicators.some((i) => i.targets?.["2030"]), "targets of 2021 are now 2030's");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("deliberazioni dell'ufficio: revisioni inserito/eliminato e «piano vigente dopo la deliberazione»", async () => {
  const { ctx, page, errors } = await openApp(env.browser, env.url);
  await newBlankPlan(page);
  await page.click(tid("mission-add"));
  await page.click(tid("objective-add"));
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  await page.click(`${tid("indicator-add")}[data-objective="1"]`);
  // Two acts: the plan adopted in January 2025, the rolling revision of December 2025 (from 2026).
  for (const [i, [number, date, effective]] of [["5", "30/01/2025", "2025"], ["129", "02/12/2025", ""]].entries()) {
    await page.click(tid("act-add"));
    const row = page.locator(tid("act-row")).nth(i);
    await enter(row.locator(tid("act-organ")), "Giunta");
    await enter(row.locator(tid("act-number")), number);
    await enter(row.locator(tid("act-date")), date);
    if (effective) await enter(row.locator(tid("act-effective")), effective);
  }
  await enter(page.locator(tid("act-row")).nth(1).locator(tid("act-date")), "31/02/2025");
  assert.match(await page.locator(`${tid("plan-acts")} ${tid("refusal")}`).innerText(), /non è una data/);

  for (const [code, kind] of [["1.1", "eliminated"], ["1.2", "inserted"]]) {
    await page.click(tid("tab-piano"));
    await page.click(`${tid(`indicator-row-${code}`)} ${tid("indicator-open")}`);
    await page.waitForSelector(`${tid("indicator-form")} h2:has-text("${code}")`);
    for (const year of ["2025", "2026", "2027"]) await page.fill(tid(`target-${year}`), ">= 1");
    await page.selectOption(tid("revision-kind"), kind);
    await page.selectOption(tid("revision-act"), { label: "Giunta n. 129 del 02/12/2025" });
    await page.click(tid("revision-add"));
    await page.waitForSelector(`${tid("revisions")} li`);
  }
  await saved(page);
  await page.click(tid("tab-cruscotto"));
  assert.equal(await cellStatus(page, "1.1", 2026), "inactive", "eliminated from 2026");
  assert.equal(await cellStatus(page, "1.2", 2025), "inactive", "inserted from 2026");
  assert.notEqual(await cellStatus(page, "1.2", 2026), "inactive");
  await page.selectOption(tid("filter-asof"), { label: "Giunta n. 5 del 30/01/2025" });
  await page.waitForSelector(tid("row-1.2"), { state: "detached" });
  assert.equal(await page.locator(tid("row-1.1")).count(), 1, "after the January act only 1.1 is in the plan");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("nella scheda Piano rimuovere una missione chiede nella finestra modale che cosa si perde; Annulla non toglie niente", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  await page.click(tid("tab-piano"));
  const mission = page.locator('[data-testid^="mission-row-"]').first();
  const testid = await mission.getAttribute("data-testid");
  const code = testid.slice("mission-row-".length);
  const objectives = await mission.locator('[data-testid^="objective-row-"]').count();
  assert.ok(objectives > 0, "the first mission of the example has objectives");
  const remove = mission.locator(tid("mission-remove")).first();
  await remove.click();
  const dialog = page.locator(tid("confirm"));
  await dialog.waitFor({ state: "visible" });
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(":modal")), true, "a real modal <dialog>");
  const lost = await page.locator(tid("confirm-lost")).innerText();
  assert.match(lost, new RegExp(`${objectives} obiettiv`), `says how many objectives go: ${lost}`);
  assert.match(lost, /\d+ indicatori/, lost);
  await page.click(tid("confirm-cancel"));
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.locator(tid(testid)).count(), 1, "Annulla removed nothing");
  await remove.click();
  await page.click(tid("confirm-yes"));
  await page.waitForSelector(tid(testid), { state: "detached" });
  assert.equal(await page.locator(tid(`mission-row-${code}`)).count(), 0, "removed after confirming");
  await page.click(tid("undo"));
  await page.waitForSelector(tid(testid));
  assert.deepEqual(errors, []);
  await ctx.close();
});
