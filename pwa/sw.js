// The service worker of Cruscotto: keeps the page's files so that it opens without the network.
// scripts/pwa.mjs fills in VERSION and FILES at build time (FILES: every file of dist/, whose names
// carry their content hash; VERSION: a hash of them all), so each new build is a new worker and a
// new cache. Registered by register.js with the page's own folder as scope: works from any
// sub-folder of any static host.
const VERSION = "__VERSION__";
const FILES = ["__FILES__"];

// Caches are shared by the whole origin: the name carries the scope, so that two copies of the page
// in two folders of one host never touch each other's files.
const PREFIX = `cruscotto ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: the files from the server, not from the HTTP cache (which may hold older ones).
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      // The open page already holds every file it needs (js and wasm are loaded at start), so the
      // new version can take over at once; the page offers a reload (register.js).
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  // Any address of the page (with a query, e.g. a share link) is the same index.html.
  const lookup =
    request.mode === "navigate"
      ? caches.open(CACHE).then((cache) => cache.match("./", { ignoreSearch: true }))
      : caches.open(CACHE).then((cache) => cache.match(request));
  event.respondWith(lookup.then((hit) => hit || fetch(request)));
});
