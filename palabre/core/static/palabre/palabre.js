// Progressive enhancement only: every page works without this file. No library: htmx may
// or may not be on the page (its events are only listened to).
(function () {
  "use strict";
  var doc = document;
  var each = function (selector, fn, root) {
    Array.prototype.forEach.call((root || doc).querySelectorAll(selector), fn);
  };
  // Words come from the server, translated (data-keep-* on the form or the body).
  var WORDS = {waiting: "", sent: "", see: ""};
  var words = function (form, name) {
    var attr = "data-keep-" + name;
    var holder = form && form.hasAttribute(attr) ? form : doc.querySelector("[" + attr + "]");
    return holder ? holder.getAttribute(attr) : WORDS[name];
  };

  doc.addEventListener("htmx:configRequest", function (event) {
    var token = doc.querySelector("meta[name=csrf-token]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.content; }
  });

  // Parts of pages are asked as htmx would ask them (HX-Request: the view answers the part
  // alone) and read as a document: ask(url, options) gives {response, page}.
  var parse = function (html) { return new DOMParser().parseFromString(html, "text/html"); };
  var ask = function (url, options) {
    options = options || {};
    options.credentials = "same-origin";
    options.headers = {"HX-Request": "true"};
    return fetch(url, options).then(function (response) {
      return response.text().then(function (html) {
        return {response: response, page: parse(html)};
      });
    });
  };

  // A part of the page loaded once it is scrolled to ([data-load] holds its address), so
  // that a page needs no htmx for it; without JavaScript its link stays.
  var lazy = doc.querySelectorAll("[data-load]");
  if (lazy.length && "IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        var box = entry.target;
        seen.unobserve(box);
        ask(box.getAttribute("data-load")).then(function (answer) {
          var part = answer.response.ok && answer.page.body.firstElementChild;
          if (part) { box.replaceWith(doc.importNode(part, true)); }
        }).catch(function () {});
      });
    });
    Array.prototype.forEach.call(lazy, function (box) { seen.observe(box); });
  }

  // A form that refreshes only its own part of the page ([data-swap]: "closest .thanks",
  // or "#save-form"), so that a page needs no htmx for it. Without JavaScript, or when
  // the connection fails before an answer, the form is sent as usual.
  doc.addEventListener("submit", function (event) {
    var form = event.target;
    var where = form.getAttribute("data-swap");
    if (!where || event.defaultPrevented) { return; }
    var part = /^closest /.test(where) ? form.closest(where.slice(8)) : doc.querySelector(where);
    if (!part) { return; }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    ask(form.action, {method: "POST", body: data}).then(function (answer) {
      // Sent once: a whole page in answer (a redirect) is shown, never sent again.
      if (answer.response.redirected) { location.assign(answer.response.url); return; }
      var body = answer.page.body;
      if (body.children.length !== 1) {
        doc.documentElement.replaceWith(doc.importNode(answer.page.documentElement, true));
        return;
      }
      part.replaceWith(doc.importNode(body.firstElementChild, true));
      doc.dispatchEvent(new CustomEvent("palabre:swapped"));
    }).catch(function () { form.submit(); });
  });

  // Results while one types ([data-live] names the part of the page they fill), asked as
  // the words settle; the address follows, so that it can be shared or bookmarked.
  each("form[data-live]", function (form) {
    var name = form.getAttribute("data-live");
    var busy = form.querySelector("[data-busy]");
    var query = function () { return new URLSearchParams(new FormData(form)).toString(); };
    var last = query(), timer = null, asked = null;
    var run = function () {
      var now = query();
      if (now === last) { return; }
      last = now;
      if (asked) { asked.abort(); }
      asked = window.AbortController ? new AbortController() : null;
      if (busy) { busy.hidden = false; }
      ask(form.action + "?" + now + "&live=1", {signal: asked && asked.signal}).then(function (answer) {
        var fresh = answer.response.ok && answer.page.querySelector(name);
        var shown = doc.querySelector(name);
        if (fresh && shown) {
          shown.replaceWith(doc.importNode(fresh, true));
          history.replaceState(null, "", form.action + "?" + now);
        }
        if (busy) { busy.hidden = true; }
      }).catch(function () {});
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 350); });
    form.addEventListener("change", run);
  });

  // Who is logged in (base.html marks the body; nothing is kept for nobody).
  var person = doc.body.getAttribute("data-person") || null;
  var PREFIX = "palabre:" + (person || "") + ":";
  var store = (function () { try { return window.localStorage; } catch (e) { return null; } })();

  // Reading offline: the service worker keeps what the save button asks for ------------
  var KEPT = "palabre-kept";
  var sw = window.caches && navigator.serviceWorker;
  var tell = function (message) {
    if (sw) { sw.ready.then(function (reg) { if (reg.active) { reg.active.postMessage(message); } }); }
  };
  var keepSaved = function () {
    each("[data-offline]", function (form) {
      tell({
        type: form.getAttribute("data-offline"), person: person,
        url: form.getAttribute("data-offline-url"), pdf: form.getAttribute("data-offline-pdf"),
        title: form.getAttribute("data-offline-title")
      });
    });
  };
  if (sw) {
    sw.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type !== "keep" || !data.done) { return; }
      each("[data-offline-url]", function (form) {
        if (form.getAttribute("data-offline-url") !== data.url) { return; }
        each("[data-offline-state]", function (note) { note.hidden = false; }, form);
      });
    });
    sw.startMessages();
    // Once the page has loaded, so as not to compete with it on a slow connection.
    var register = function () { sw.register("/sw.js", { scope: "/" }); };
    if (person && doc.readyState === "complete") { register(); }
    else if (person) { window.addEventListener("load", register); }
    if (person || sw.controller) {
      tell({ type: "hello", person: person });
      keepSaved();
    }
    doc.addEventListener("htmx:afterSettle", keepSaved);
    doc.addEventListener("palabre:swapped", keepSaved);
  }

  // The offline page lists what the phone keeps, read from the phone itself.
  each("[data-offline-list]", function (list) {
    var here = list.getAttribute("data-offline-here");
    each("[data-offline-away]", function (note) { note.hidden = location.pathname === here; });
    if (!window.caches) { return; }
    caches.open(KEPT).then(function (cache) {
      return cache.match(list.getAttribute("data-offline-index"));
    }).then(function (found) { return found ? found.json() : { items: [] }; }).then(function (index) {
      var items = index.person === person ? index.items : [];
      items.forEach(function (item) {
        var li = doc.createElement("li");
        var link = doc.createElement("a");
        link.href = item.url;
        link.textContent = item.title;
        var pdf = doc.createElement("a");
        pdf.href = item.pdf;
        pdf.textContent = list.getAttribute("data-pdf-label");
        li.append(link, " · ", pdf);
        list.append(li);
      });
      list.hidden = !items.length;
      each("[data-offline-empty]", function (note) { note.hidden = !!items.length; });
    });
  });

  // Logging out forgets what this phone kept for the person (the server also says so).
  doc.addEventListener("submit", function (event) {
    if (!/\/logout\/$/.test(event.target.getAttribute("action") || "")) { return; }
    if (store) {
      Object.keys(store).forEach(function (key) { if (!key.indexOf("palabre:")) { store.removeItem(key); } });
    }
    tell({ type: "forget" });
    if (window.caches) { caches.delete(KEPT); }
  }, true);

  // Typed text is never lost: kept on the phone, sent when the connection returns ------
  var FORMS = "form[data-keep], form[hx-post*='autosave=1']";
  var keyOf = function (form) {
    return PREFIX + (form.getAttribute("data-keep") || location.pathname);
  };
  var fields = function (form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var type = el.type;
      if (!el.name || el.name === "csrfmiddlewaretoken" || /file|submit|button|password/.test(type)) { return; }
      if (type === "checkbox" || type === "radio") { out[el.name + "=" + el.value] = el.checked; }
      else if (type !== "select-multiple") { out[el.name] = el.value; }
    });
    return out;
  };
  var fill = function (form, values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var box = el.type === "checkbox" || el.type === "radio";
      var key = box ? el.name + "=" + el.value : el.name;
      if (!el.name || !(key in values) || el.name === "csrfmiddlewaretoken") { return; }
      if (box) { el.checked = values[key]; } else { el.value = values[key]; }
    });
  };
  // What the person wrote, whatever the form's version number and spaces at the ends.
  var same = function (a, b) {
    return Object.keys(a).concat(Object.keys(b)).every(function (key) {
      var x = a[key], y = b[key];
      return key === "version" || x === y || String(x).trim() === String(y).trim();
    });
  };
  var read = function (form) {
    try { return JSON.parse(store.getItem(keyOf(form))); } catch (e) { return null; }
  };
  var write = function (form, draft) {
    try { store.setItem(keyOf(form), JSON.stringify(draft)); } catch (e) { /* full: keep going */ }
  };
  var statusOf = function (form) {
    return form.querySelector("[data-keep-status], #save-status");
  };
  var say = function (form, text, link) {
    var status = statusOf(form);
    if (!status) { return; }
    status.hidden = false;
    status.textContent = text;
    if (link) {
      var a = doc.createElement("a");
      a.href = link;
      a.textContent = words(form, "see");
      status.append(" ", a);
    }
  };
  var waiting = function (form) {
    form.waiting = true;
    say(form, words(form, "waiting"));
  };
  var freshKey = function () {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  };

  var send = function (form) {
    var draft = read(form);
    if (!draft || form.sending || !navigator.onLine) { return; }
    var autosave = form.getAttribute("hx-post");
    if (autosave && window.htmx) {  // one autosave with the one htmx may have waiting
      window.htmx.trigger(form, "change");
      return;
    }
    form.sending = true;
    var sent = fields(form);
    fetch(autosave || form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (html) {
        var page = parse(html);
        var done;
        if (autosave) {
          var version = page.querySelector("[name=version]");
          var mine = form.querySelector("[name=version]");
          if (version && mine) { mine.value = version.value; }
          var note = page.querySelector("[role=status], [role=alert]");
          done = response.ok;
          form.waiting = !done;
          say(form, (done ? words(form, "sent") + " " : "") + (note ? note.textContent.trim() : ""));
        } else {
          var key = draft.fields.submission_key;
          var posted = key && page.querySelector("[data-key='" + key + "']");
          done = response.ok && posted;
          if (done) {
            var fresh = form.getAttribute("data-keep-refresh");
            var shown = fresh && doc.querySelector(fresh);
            if (shown && page.querySelector(fresh)) { shown.replaceWith(page.querySelector(fresh)); }
            form.reset();
            each("textarea", function (box) { box.value = ""; }, form);
            form.elements.submission_key.value = freshKey();
            say(form, words(form, "sent"), response.url.split("#")[0] + "#" + posted.id);
          }
        }
        if (done && (!autosave || same(sent, fields(form)))) { store.removeItem(keyOf(form)); }
        if (!done) {
          if (!autosave) { waiting(form); }
          draft.queued = false;
          write(form, draft);
        }
      });
    }).catch(function () { waiting(form); }).then(function () { form.sending = false; });
  };

  if (store && person) {
    var restore = function (form) {
      var draft = read(form);
      if (!draft) { return; }
      var key = draft.fields.submission_key;
      if (key && doc.querySelector("[data-key='" + key + "']")) {  // it was posted
        store.removeItem(keyOf(form));
      } else if (!same(draft.fields, fields(form))) {
        fill(form, draft.fields);
        waiting(form);
        if (draft.queued || form.hasAttribute("hx-post")) { send(form); }
      } else if (form.hasAttribute("hx-post")) {  // the server has it
        store.removeItem(keyOf(form));
      }
    };
    // After htmx has set the page up (on DOMContentLoaded, which follows deferred scripts).
    if (doc.readyState === "complete") { each(FORMS, restore); } else {
      doc.addEventListener("DOMContentLoaded", function () { each(FORMS, restore); });
    }
    var timer;
    var remember = function (event) {
      var form = event.target.form;
      if (!form || !form.matches(FORMS)) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        var draft = read(form) || {};
        draft.fields = fields(form);
        write(form, draft);
        if (!navigator.onLine) { waiting(form); }
      }, 300);
    };
    doc.addEventListener("input", remember);
    doc.addEventListener("change", remember);
    doc.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches(FORMS)) { return; }
      write(form, { fields: fields(form), queued: !navigator.onLine });
      if (!navigator.onLine) {
        event.preventDefault();
        waiting(form);
      }
    });
    doc.addEventListener("htmx:beforeRequest", function (event) {
      var form = event.detail.elt;
      if (form.matches && form.matches(FORMS)) { form.sent = fields(form); }
    });
    doc.addEventListener("htmx:sendError", function (event) {
      var form = event.detail.elt;
      if (form.matches && form.matches(FORMS)) { waiting(form); }
    });
    doc.addEventListener("htmx:afterRequest", function (event) {
      var form = event.detail.elt;
      var xhr = event.detail.xhr;
      if (!form.matches || !form.matches(FORMS) || !xhr || xhr.status !== 200) { return; }
      if (form.waiting && statusOf(form)) { statusOf(form).prepend(words(form, "sent") + " "); }
      form.waiting = false;
      if (form.sent && same(form.sent, fields(form))) { store.removeItem(keyOf(form)); }
      else if (read(form)) { write(form, { fields: fields(form) }); }  // with the new version
    });
    window.addEventListener("online", function () { each(FORMS, send); });
  }

  // Share a page (contracts.md 1) and images loaded only when tapped (contracts.md 2) ----
  var shareable = function () { each("[data-share-url]", function (button) { button.hidden = false; }); };
  shareable();
  doc.addEventListener("htmx:afterSettle", shareable);
  doc.addEventListener("palabre:swapped", shareable);
  var copy = function (text) {
    if (navigator.clipboard) { return navigator.clipboard.writeText(text); }
    var area = doc.createElement("textarea");
    area.value = text;
    doc.body.append(area);
    area.select();
    var copied = doc.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject();
  };
  var share = function (button) {
    var data = { title: button.getAttribute("data-share-title") || doc.title, url: button.getAttribute("data-share-url") };
    if (navigator.share) { navigator.share(data).catch(function () {}); return; }
    var status = button.nextElementSibling;
    if (!status || !status.hasAttribute("data-share-status")) {
      status = doc.createElement("span");
      status.setAttribute("role", "status");
      status.setAttribute("data-share-status", "");
      status.className = "small";
      button.after(status);
    }
    copy(data.url).then(function () {
      status.textContent = " " + (button.getAttribute("data-share-copied") || "");
    }, function () { status.textContent = " " + data.url; });
  };
  var showImage = function (link) {
    var img = doc.createElement("img");
    img.src = link.getAttribute("data-saver-src");
    img.alt = link.getAttribute("data-alt") || "";
    ["width", "height"].forEach(function (side) {
      var value = link.getAttribute("data-" + side);
      if (value) { img.setAttribute(side, value); }
    });
    img.loading = "lazy";
    link.replaceWith(img);
  };
  doc.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var button = target && target.closest("[data-share-url]");
    var image = target && target.closest("a.image-saver[data-saver-src]");
    if (button) { event.preventDefault(); share(button); }
    else if (image) { event.preventDefault(); showImage(image); }
  });
})();
