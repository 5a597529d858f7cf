// Registers the service worker (sw.js, beside index.html) and tells the app what it learns:
// `data-offline` on <html> when the network is gone and the page runs from the kept copy, and
// `data-update="ready"` when a newer version has been kept for the next visit. The app shows both as
// notices (src/ui/offline.rs), in the user's language; it listens for the `cruscotto-sw` event.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var root = document.documentElement;
  function tell(name, value) {
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
    window.dispatchEvent(new Event("cruscotto-sw"));
  }
  var hadController = !!navigator.serviceWorker.controller;
  // A new worker took over while this page was open: its files are the next visit's.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) tell("data-update", "ready");
    hadController = true;
  });
  function online() {
    tell("data-offline", null);
  }
  function offline() {
    if (navigator.serviceWorker.controller) tell("data-offline", "");
  }
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register("./sw.js")
      .then(function (reg) {
        // On a repeat visit, looks for a new version now: not reaching the server means that the
        // page runs from the kept copy.
        if (!navigator.serviceWorker.controller) return;
        return reg.update().then(online, function (err) {
          if (err && err.name === "TypeError") offline();
        });
      })
      .catch(function () {
        /* no service worker (e.g. a private window): the page works as before, online only */
      });
  });
})();
