// Palabre's service worker (palabre/core/offline.py): keeps the site's static files, the
// offline page and the practices the logged-in person saved (page and PDF), nothing else.
"use strict";
var SHELL = {{ shell_cache }};
var KEPT = {{ kept_cache }};
var OFFLINE = {{ offline_url }};
var INDEX = {{ index_url }};
var STATIC = {{ static_url }};
var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
var queue = Promise.resolve();

function later(job) {  // one change of the kept list at a time
  queue = queue.then(job, job);
  return queue;
}

function ok(response) {
  return response && response.ok && !response.redirected && response.type === "basic";
}

function readIndex(cache) {
  return cache.match(INDEX).then(function (found) {
    return found ? found.json() : { person: null, items: [] };
  });
}

function writeIndex(cache, index) {
  return cache.put(INDEX, new Response(JSON.stringify(index), {
    headers: { "Content-Type": "application/json" }
  }));
}

// The static files a kept page needs, so that it reads offline with its styles.
function keepAssets(html) {
  var found = html.match(/(?:href|src)="([^"]+)"/g) || [];
  var urls = found.map(function (attr) { return attr.slice(attr.indexOf('"') + 1, -1); })
    .filter(function (url) { return url.indexOf(STATIC) === 0; });
  return caches.open(SHELL).then(function (shell) {
    return Promise.all(urls.map(function (url) {
      return shell.match(url).then(function (has) {
        return has || fetch(url).then(function (r) { return ok(r) && shell.put(url, r); });
      }).catch(function () {});
    }));
  });
}

// Fetch one address and keep it; a page also brings its static files.
function store(cache, url) {
  // The header lets the server tell a copy being kept from a person reading (statistics).
  var asked = { credentials: "same-origin", cache: "no-store", headers: { "X-Palabre-Offline": "keep" } };
  return fetch(url, asked).then(function (r) {
    if (!ok(r)) { throw new Error(url + " " + r.status); }
    var html = (r.headers.get("Content-Type") || "").indexOf("text/html") === 0;
    var copy = r.clone();
    return cache.put(url, r).then(function () {
      return html ? copy.text().then(keepAssets) : null;
    });
  });
}

function forget() {
  return caches.delete(KEPT);
}

// Who is logged in: another person (or nobody) than the one whose practices are kept,
// and everything kept is forgotten before anything else happens.
function hello(person) {
  return caches.open(KEPT).then(function (cache) {
    return readIndex(cache).then(function (index) {
      if (index.person === person) {
        return cache.match(OFFLINE).then(function (has) { return has || store(cache, OFFLINE); });
      }
      return forget().then(function () { return caches.open(KEPT); }).then(function (fresh) {
        return writeIndex(fresh, { person: person, items: [] }).then(function () {
          return store(fresh, OFFLINE);
        });
      });
    });
  });
}

function keep(item) {
  return caches.open(KEPT).then(function (cache) {
    return readIndex(cache).then(function (index) {
      if (index.person !== item.person) { throw new Error("not the kept person"); }
      return Promise.all([cache.match(item.url), cache.match(item.pdf)]).then(function (has) {
        return Promise.all([has[0] || store(cache, item.url), has[1] || store(cache, item.pdf)]);
      }).then(function () {
        index.items = index.items.filter(function (i) { return i.url !== item.url; });
        index.items.unshift({ url: item.url, pdf: item.pdf, title: item.title });
        return writeIndex(cache, index);
      });
    });
  });
}

function drop(item) {
  return caches.open(KEPT).then(function (cache) {
    return readIndex(cache).then(function (index) {
      index.items = index.items.filter(function (i) { return i.url !== item.url; });
      return Promise.all([cache.delete(item.url), cache.delete(item.pdf), writeIndex(cache, index)]);
    });
  });
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("palabre-shell") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.registration.navigationPreload && self.registration.navigationPreload.enable();
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var job = {
    hello: function () { return hello(data.person); },
    keep: function () { return keep(data); },
    drop: function () { return drop(data); },
    forget: forget
  }[data.type];
  if (!job) { return; }
  var reply = function (done) {
    if (event.source) { event.source.postMessage({ type: data.type, url: data.url, done: done }); }
  };
  event.waitUntil(later(job).then(function () { reply(true); }, function () { reply(false); }));
});

function fromNetwork(event) {
  return Promise.resolve(event.preloadResponse).then(function (early) {
    return early || fetch(event.request);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf(STATIC) === 0) {
    // Static files are the same for everyone; hashed names never change.
    event.respondWith(caches.open(SHELL).then(function (shell) {
      var fetched = function () {
        return fetch(request).then(function (r) {
          if (ok(r)) { shell.put(request, r.clone()); }
          return r;
        });
      };
      return shell.match(request).then(function (has) {
        if (has && HASHED.test(url.pathname)) { return has; }
        return fetched().catch(function () { return has || Response.error(); });
      });
    }));
    return;
  }
  var kept = caches.open(KEPT);
  var page = request.mode === "navigate";
  // Pages and PDFs: the network first; a kept copy is refreshed, and read without a connection.
  event.respondWith(kept.then(function (cache) {
    return cache.match(url.href, { ignoreVary: true }).then(function (has) {
      if (!has && !page) { return fetch(request); }
      return fromNetwork(event).then(function (r) {
        if (has && ok(r)) { event.waitUntil(cache.put(url.href, r.clone())); }
        return r;
      }, function () {
        return has || cache.match(OFFLINE, { ignoreVary: true }).then(function (away) {
          return away || Response.error();
        });
      });
    });
  }));
});
