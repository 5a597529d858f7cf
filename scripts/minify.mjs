// Minifies the page trunk built, with esbuild (scripts/package.json), after `trunk build`:
// the wasm-bindgen glue and the style sheet (their `integrity` hashes in index.html follow), and
// index.html's inline script and comments. trunk's own minifier cannot read the glue (Trunk.toml);
// together ~3.5 KB less gzipped page (docs/performance.md, «Minimizzazione»).
//   node scripts/minify.mjs DIST            (run by scripts/build.sh)
//   node scripts/minify.mjs --sw DIST       (dist/sw.js, after scripts/pwa.mjs has completed it)
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { transform } from "esbuild";

const args = process.argv.slice(2);
const swOnly = args[0] === "--sw";
const dist = (swOnly ? args[1] : args[0]) ?? "dist";

async function minifyFile(file, loader, format) {
  const text = await readFile(file, "utf8");
  const out = await transform(text, { loader, minify: true, format, charset: "utf8" });
  await writeFile(file, out.code);
  return out.code;
}

if (swOnly) {
  await minifyFile(path.join(dist, "sw.js"), "js", undefined);
  process.exit(0);
}

const htmlPath = path.join(dist, "index.html");
let html = await readFile(htmlPath, "utf8");
for (const name of await readdir(dist)) {
  const file = path.join(dist, name);
  let code;
  if (name.endsWith(".css")) code = await minifyFile(file, "css", undefined);
  else if (name.endsWith(".js") && name !== "sw.js") code = await minifyFile(file, "js", "esm");
  else continue;
  // The browser refuses a file whose hash differs from its `integrity`: recompute it.
  const integrity = "sha384-" + createHash("sha384").update(code).digest("base64");
  const re = new RegExp(`(href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!re.test(html)) {
    console.error(`minify: ${name} non ha un integrity in index.html (trunk è cambiato?)`);
    process.exit(1);
  }
  html = html.replace(re, `$1${integrity}$2`);
}
// Inline classic scripts (pwa/register.js) and HTML comments.
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
for (const m of scripts) {
  const out = await transform(m[1], { loader: "js", minify: true, charset: "utf8" });
  html = html.replace(m[0], () => `<script>${out.code.trim()}</script>`);
}
html = html.replace(/<!--[\s\S]*?-->/g, "").replace(/\n\s*\n+/g, "\n");
await writeFile(htmlPath, html);
console.error("minify: glue, stile e script in linea minimizzati (esbuild)");
