// Minifies the page trunk built, with esbuild (scripts/package.json), after `trunk build`:
// the wasm-bindgen glue and the style sheet (their `integrity` hashes in index.html follow), and
// index.html's inline script and comments. trunk's own minifier cannot read the glue (Trunk.toml);
// together ~3.5 KB less gzipped page (docs/performance.md, «Minimizzazione»).
//   node scripts/minify.mjs DIST            (run by scripts/build.sh)
//   node scripts/minify.mjs --sw DIST       (dist/sw.js, after scripts/pwa.mjs has completed it)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

// Leptos depends on server_fn's browser part, which makes wasm-bindgen export wasm-streams'
// stream adapters (IntoUnderlyingSource, …Sink, …ByteSource): this page never uses them. Their
// JS classes and wasm exports go, then wasm-opt drops the code only they reached.
await dropStreamAdapters();

async function dropStreamAdapters() {
  const names = await readdir(dist);
  const glueName = names.find((n) => n.endsWith(".js") && n !== "sw.js");
  const wasmName = names.find((n) => n.endsWith(".wasm"));
  if (!glueName || !wasmName) return;
  const gluePath = path.join(dist, glueName);
  const glue = await readFile(gluePath, "utf8");
  const lean = glue
    .replace(/export class (IntoUnderlying\w+) \{[\s\S]*?\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/g, "")
    .replace(/const IntoUnderlying\w+Finalization = [\s\S]*?;\n/g, "");
  if (lean === glue) return; // none (wasm-bindgen or Leptos changed): nothing to drop
  if (/intounderlying/i.test(lean)) {
    console.error("minify: gli adattatori di wasm-streams sono cambiati: lasciati come sono");
    return;
  }
  const wasmPath = path.join(dist, wasmName);
  const wasm = await readFile(wasmPath);
  const kept = withoutExports(wasm, (name) => /^(__wbg_)?intounderlying/.test(name));
  const tmp = wasmPath + ".tmp";
  await writeFile(tmp, kept);
  // The same features as trunk's wasm-opt run (index.html's data-wasm-opt-params).
  const source = await readFile(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "index.html"), "utf8");
  const features = (source.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter((f) => f.startsWith("--enable-"));
  execFileSync("wasm-opt", [...features, "--remove-unused-module-elements", tmp, "-o", wasmPath]);
  await unlink(tmp);
  await writeFile(gluePath, lean);
  html = withIntegrity(html, wasmName, await readFile(wasmPath));
}

/// The wasm module `bytes` without the exports whose name `drop` accepts (section 7 rebuilt).
function withoutExports(bytes, drop) {
  let at = 8;
  const leb = () => {
    let value = 0, shift = 0, b;
    do {
      b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return value;
  };
  const encode = (n) => {
    const out = [];
    do {
      let b = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return Buffer.from(out);
  };
  const parts = [bytes.subarray(0, 8)];
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id !== 7) {
      parts.push(bytes.subarray(start, end));
      at = end;
      continue;
    }
    const count = leb();
    const entries = [];
    for (let k = 0; k < count; k++) {
      const from = at;
      const len = leb();
      const name = bytes.subarray(at, at + len).toString("utf8");
      at += len + 1; // kind
      leb(); // index
      if (!drop(name)) entries.push(bytes.subarray(from, at));
    }
    const body = Buffer.concat([encode(entries.length), ...entries]);
    parts.push(Buffer.from([7]), encode(body.length), body);
    at = end;
  }
  return Buffer.concat(parts);
}

function withIntegrity(page, name, content) {
  // The browser refuses a file whose hash differs from its `integrity`: recompute it.
  const integrity = "sha384-" + createHash("sha384").update(content).digest("base64");
  const re = new RegExp(`(href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!re.test(page)) {
    console.error(`minify: ${name} non ha un integrity in index.html (trunk è cambiato?)`);
    process.exit(1);
  }
  return page.replace(re, `$1${integrity}$2`);
}
for (const name of await readdir(dist)) {
  const file = path.join(dist, name);
  let code;
  if (name.endsWith(".css")) code = await minifyFile(file, "css", undefined);
  else if (name.endsWith(".js") && name !== "sw.js") code = await minifyFile(file, "js", "esm");
  else continue;
  html = withIntegrity(html, name, code);
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
