// Completes dist/sw.js after trunk has built the page: the list of files to keep for offline use
// (every file of the build; their names carry their content hash, index.html is kept as "./") and
// a version that is a hash of them all, so every new build is a new service worker with its own
// cache. Run by scripts/build.sh:   node scripts/pwa.mjs DIST
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const dist = process.argv[2] ?? "dist";
const sw = path.join(dist, "sw.js");

async function walk(dir, rel = "") {
  const out = [];
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, name)));
    else out.push(name);
  }
  return out;
}

const names = (await walk(dist)).filter((f) => f !== "sw.js").sort();
const hash = createHash("sha256");
for (const name of names) {
  hash.update(name + "\0");
  hash.update(await readFile(path.join(dist, name)));
}
const version = hash.digest("hex").slice(0, 16);
const files = names.map((f) => (f === "index.html" ? "./" : f));

const template = await readFile(sw, "utf8");
if (!template.includes('"__VERSION__"') || !template.includes('["__FILES__"]')) {
  console.error(`${sw}: mancano i segnaposto __VERSION__/__FILES__ (è già stato completato?)`);
  process.exit(1);
}
const filled = template
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace('["__FILES__"]', JSON.stringify(files));
await writeFile(sw, filled);
console.error(`service worker: versione ${version}, ${files.length} file da tenere per l'uso senza rete`);
