// What axe cannot see, in colour and layout: contrast of every status and chart colour,
// nothing said by colour alone (on screen and in print), text at 200 %, reduced motion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, openApp, openWithExample, sharedEnv, tid } from "./harness.mjs";

const env = sharedEnv();

/** WCAG 2.1 contrast ratio of two sRGB colours given as [r, g, b] (0–255). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** "rgb(1, 2, 3)" or "#010203" → [1, 2, 3]. */
function rgb(css) {
  const hex = css.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const m = css.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/);
  assert.ok(m, `a colour: ${css}`);
  assert.ok(m[4] === undefined || Number(m[4]) === 1, `an opaque colour: ${css}`);
  return m.slice(1, 4).map(Number);
}
const WHITE = [255, 255, 255];

test("contrasto: ogni distintivo di stato ha testo e icona a ≥ 4,5:1 sul suo sfondo", async () => {
  const { ctx, page } = await openApp(env.browser, env.url);
  const badges = await page.locator(`.legend ${tid("status")}`).evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      return { status: el.dataset.status, color: s.color, background: s.backgroundColor };
    }),
  );
  assert.equal(badges.length, 6, "the legend shows the six statuses");
  for (const b of badges) {
    const ratio = contrast(rgb(b.color), rgb(b.background));
    assert.ok(ratio >= 4.5, `${b.status}: ${b.color} on ${b.background} is ${ratio.toFixed(2)}:1`);
  }
  await ctx.close();
});

test("contrasto: ogni colore dei grafici (punti, target, linee, legenda) è ≥ 4,5:1 sul bianco", async () => {
  const { ctx, page, errors } = await openWithExample(env);
  await page.click(tid("tab-grafici"));
  await page.waitForSelector(tid("chart-indicator"));
  const codes = await page.locator(`${tid("chart-indicator-select")} option`).evaluateAll((os) => os.map((o) => o.value));
  const colours = new Map(); // colour → where it was seen
  const statuses = new Set();
  for (const code of codes) {
    await page.selectOption(tid("chart-indicator-select"), code);
    const seen = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="chart-indicator"]');
      const drawn = ["data-points", "data-targets"].flatMap((a) =>
        (canvas.getAttribute(a) ?? "").split(";").filter(Boolean).map((p) => p.split(",")[2]),
      );
      const key = [...document.querySelectorAll('[data-testid="chart-indicator-key"] li')].map((li) => li.dataset.color);
      const words = [...document.querySelectorAll('[data-testid="chart-indicator-values"] tbody td:nth-child(3)')].map(
        (td) => td.textContent,
      );
      return { drawn, key, words };
    });
    for (const c of [...seen.drawn, ...seen.key]) if (!colours.has(c)) colours.set(c, code);
    seen.words.forEach((w) => statuses.add(w));
  }
  assert.ok(colours.size >= 5, `the sample draws the status colours and the target: ${[...colours.keys()]}`);
  for (const [c, code] of colours) {
    const ratio = contrast(rgb(c), WHITE);
    assert.ok(ratio >= 4.5, `${c} (indicator ${code}) is ${ratio.toFixed(2)}:1 on white`);
  }
  // The canvas background is white: checked on a corner pixel.
  const corner = await page.locator(tid("chart-indicator")).evaluate((c) => [...c.getContext("2d").getImageData(1, 1, 1, 1).data]);
  assert.deepEqual(corner.slice(0, 3), WHITE);
  assert.ok(statuses.size >= 3, `the status of each point is in words in the values: ${[...statuses]}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("niente solo col colore: ogni stato ha un'icona e una parola sue, anche in stampa", async () => {
  const { ctx, page } = await openWithExample(env);
  const legend = page.locator(`.legend ${tid("status")}`);
  const read = () =>
    legend.evaluateAll((els) =>
      els.map((el) => ({
        icon: el.querySelector(".icon").textContent.trim(),
        word: el.querySelector(".word").textContent.trim(),
        color: getComputedStyle(el).color,
        visible: el.querySelector(".word").getBoundingClientRect().width > 0,
      })),
    );
  const screen = await read();
  assert.equal(new Set(screen.map((b) => b.icon)).size, 6, `six distinct icons: ${screen.map((b) => b.icon)}`);
  assert.equal(new Set(screen.map((b) => b.word)).size, 6, `six distinct words: ${screen.map((b) => b.word)}`);
  // Every badge of the grid carries its word.
  const words = await page.locator(`${tid("dashboard")} table ${tid("status")} .word`).allInnerTexts();
  assert.ok(words.length > 20 && words.every((w) => w.trim().length > 0), "every cell's status is written");
  // In print the badges are black on white, and the icon and word still tell them apart.
  await page.emulateMedia({ media: "print" });
  const printed = await page.locator(`${tid("dashboard")} table ${tid("status")}`).evaluateAll((els) =>
    els.slice(0, 40).map((el) => ({
      color: getComputedStyle(el).color,
      icon: el.querySelector(".icon").textContent.trim(),
      word: el.querySelector(".word").textContent.trim(),
      visible: el.querySelector(".word").getBoundingClientRect().width > 0,
    })),
  );
  assert.ok(printed.every((b) => b.color === "rgb(0, 0, 0)"), "badges print black");
  assert.ok(printed.every((b) => b.visible && b.word && b.icon), "and keep icon and word");
  assert.ok(new Set(printed.map((b) => b.word)).size >= 3, "several statuses, told apart by word");
  // Roll-up bars: the number is written next to each bar.
  await page.emulateMedia({ media: "screen" });
  const bars = await page.locator(`${tid("dashboard")} .bar`).evaluateAll((els) =>
    els.map((el) => el.querySelector("strong").textContent.trim()),
  );
  assert.ok(bars.length > 0 && bars.every((t) => /\d|n\.d\./.test(t)), `each bar has its number: ${bars.slice(0, 5)}`);
  await ctx.close();
});

test("testo al 200 %: nessuna scheda esce dallo schermo, nessuno scorrimento orizzontale della pagina, axe pulito", async () => {
  const { ctx, page, errors } = await openWithExample(env, {
    context: await env.browser.newContext({ locale: "it-IT", viewport: { width: 1280, height: 900 } }),
  });
  // Text zoom only (the browser's text-size setting): the root font size doubled.
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  for (const slug of ["cruscotto", "indicatore", "grafici", "laboratorio"]) {
    await page.click(tid(`tab-${slug}`));
    await page.waitForTimeout(100);
    const fontSize = await page.locator(tid(`tab-${slug}`)).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 30, `the text really is twice as big (${fontSize}px)`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width + 1, `${slug}: the page scrolls sideways at 200 % (${scroll} > ${width})`);
    for (const s of ["cruscotto", "indicatore", "grafici", "laboratorio"]) {
      const box = await page.locator(tid(`tab-${s}`)).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `tab ${s} off-screen at 200 % on ${slug}`);
    }
    await assertAccessible(page, `${slug} · testo al 200 %`);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("movimento ridotto: con prefers-reduced-motion nulla si anima né scorre con transizioni", async () => {
  const ctx = await env.browser.newContext({ locale: "it-IT", reducedMotion: "reduce" });
  const { page } = await openApp(env.browser, env.url, { context: ctx });
  assert.ok(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches));
  for (const slug of ["indicatore", "grafici", "laboratorio", "cruscotto"]) {
    await page.click(tid(`tab-${slug}`));
    await page.hover(tid("undo"));
    const moving = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("*")) {
        const s = getComputedStyle(el);
        const durations = [s.transitionDuration, s.animationDuration].join(",").split(",");
        if (durations.some((d) => parseFloat(d) > 0) || s.animationName !== "none" || s.scrollBehavior === "smooth")
          out.push(el.tagName + "." + el.className);
      }
      return { out, running: document.getAnimations().length };
    });
    assert.deepEqual(moving.out, [], `${slug}: elements that move`);
    assert.equal(moving.running, 0, `${slug}: running animations`);
  }
  await ctx.close();
});
