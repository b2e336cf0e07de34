/* dinnet report: node details, why/how chains, search, filters, packed DINs.
   Data comes from the JSON block; every text is set with textContent, never as markup.
   The one exception: a packed DIN, SVG that Python wrote and sanitised, is unpacked
   into a <template> (whose content never runs) and moved into its box. */
(function () {
  "use strict";

  /* gzip + base64 text (a packed DIN or the packed data) back to a string */
  function inflate(base64) {
    var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  var plain = document.getElementById("report-data");
  var loaded = plain ? Promise.resolve(plain.textContent)
    : inflate(document.getElementById("report-data-packed").textContent);
  loaded.then(function (text) { start(JSON.parse(text)); });

  function start(data) {
    var W = data.words;
    var nodes = data.nodes;

    /* every element that stands for a node: DIN nodes, stubs, portfolio boxes */
    var elementsOf = {};
    function collect(root) {
      root.querySelectorAll("[data-node]").forEach(function (el) {
        var id = el.getAttribute("data-node");
        (elementsOf[id] = elementsOf[id] || []).push(el);
      });
    }
    collect(document);

    /* ---- chains: the links up, inverted for the links down (as dinnet.queries.why/how) -- */

    var upKinds = {};
    data.upKinds.forEach(function (k) { upKinds[k] = true; });
    var up = {};
    var down = {};
    function addLinks(id, links) {
      links.forEach(function (l) {
        if (!upKinds[l[0]]) { return; }
        (up[id] = up[id] || []).push(l[1]);
        (down[l[1]] = down[l[1]] || []).push(id);
      });
    }
    Object.keys(nodes).forEach(function (id) { addLinks(id, nodes[id].links || []); });
    Object.keys(data.via).forEach(function (id) { addLinks(id, data.via[id]); });

    var ORDER = { programme: 0, vision: 1, goal: 2, indicator: 3, track: 4, effort: 5, result: 6,
                  project: 7, stakeholder: 8 };
    var LEVEL = { main: 0, strategic: 1, operational: 2 };

    function reach(id, step) {
      var seen = {};
      seen[id] = true;
      var todo = [id];
      var out = [];
      while (todo.length) {
        (step[todo.pop()] || []).forEach(function (o) {
          if (!seen[o]) { seen[o] = true; out.push(o); todo.push(o); }
        });
      }
      return out;
    }

    function column(id) {
      var n = nodes[id];
      return [ORDER[n.kind], LEVEL[n.level] || 0, id];
    }

    function byColumn(a, b) {
      var x = column(a), y = column(b);
      for (var i = 0; i < 3; i += 1) {
        if (x[i] < y[i]) { return -1; }
        if (x[i] > y[i]) { return 1; }
      }
      return 0;
    }

    function keep(kinds) {
      return function (id) { return nodes[id] && kinds.indexOf(nodes[id].kind) >= 0; };
    }

    function why(id) {
      return reach(id, up).filter(keep(["goal", "vision", "result", "effort"])).sort(byColumn).reverse();
    }

    function how(id) {
      return reach(id, down).filter(keep(["goal", "effort", "result", "project"])).sort(byColumn);
    }
    window.dinnetChains = { why: why, how: how };

    function el(tag, text, cls) {
      var e = document.createElement(tag);
      if (text !== undefined && text !== null) { e.textContent = String(text); }
      if (cls) { e.className = cls; }
      return e;
    }

    function number(v) {
      if (typeof v !== "number") { return v === null || v === undefined ? "" : String(v); }
      return v.toLocaleString(data.lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 2 });
    }

    function programmeOf(id) {
      var i = id.indexOf(":");
      return i < 0 ? id : id.slice(0, i);
    }

    function local(id) {
      var i = id.indexOf(":");
      return i < 0 ? id : id.slice(i + 1);
    }

    /* ---- selection: details panel and chains ------------------------------------------- */

    var panel = document.getElementById("panel");
    var body = document.getElementById("panel-body");
    var closeButton = document.getElementById("panel-close");
    var marked = [];
    var current = null;

    function mark(element, cls) {
      element.classList.add(cls);
      marked.push([element, cls]);
    }

    function clearSelection() {
      marked.forEach(function (m) { m[0].classList.remove(m[1]); });
      marked = [];
      document.querySelectorAll(".din.chain").forEach(function (d) { d.classList.remove("chain"); });
      current = null;
    }

    function nodeButton(id) {
      var info = nodes[id];
      var b = el("button", null, "node-ref");
      b.type = "button";
      b.setAttribute("data-select", id);
      var strong = el("b", programmeOf(id) !== (current && programmeOf(current)) ? id : local(id));
      b.appendChild(strong);
      b.appendChild(document.createTextNode(" " + (info ? info.label : "")));
      return b;
    }

    function section(title, content, swatch) {
      var h = el("h3", null);
      if (swatch) { h.appendChild(el("span", null, "swatch " + swatch)); }
      h.appendChild(document.createTextNode(title));
      body.appendChild(h);
      body.appendChild(content);
    }

    function list(items, render, tag, cls) {
      var ul = el(tag || "ul", null, cls);
      items.forEach(function (item) {
        var li = el("li");
        var r = render(item);
        if (typeof r === "string") { li.textContent = r; } else { li.appendChild(r); }
        ul.appendChild(li);
      });
      return ul;
    }

    function showDetails(id) {
      var n = nodes[id];
      body.textContent = "";
      body.appendChild(el("p", n.kindLabel + " · " + id, "kind"));
      body.appendChild(el("p", n.label, "label"));
      if (n.text && n.text !== n.label) { body.appendChild(el("p", n.text)); }
      var facts = [];
      if (n.track) { facts.push([W.track, n.track]); }
      if (n.role) { facts.push([W.role, n.role + (n.lijnproject ? " · lijnproject" : "")]); }
      else if (n.lijnproject) { facts.push([W.role, "lijnproject"]); }
      if (n.planning) { facts.push([W.planning, n.planning]); }
      if (n.note) { facts.push([W.note, n.note]); }
      facts.push([W.source, n.source]);
      facts.forEach(function (f) {
        var p = el("p");
        p.appendChild(el("b", f[0] + ": "));
        p.appendChild(document.createTextNode(f[1]));
        body.appendChild(p);
      });
      if (n.findings) {
        section(W.findings, list(n.findings, function (f) {
          var span = el("span");
          span.appendChild(el("span", W[f[0]] || f[0], "sev sev-" + f[0]));
          span.appendChild(document.createTextNode(" " + f[1] + " " + f[2] + ": " + f[3]));
          return span;
        }));
      }
      if (n.indicators) {
        section(W.indicators, list(n.indicators, function (i) {
          var span = el("span");
          span.appendChild(el("b", i.label));
          var bits = [];
          if (i.baseline !== null) {
            bits.push(W.baseline + " " + (i.baselineApprox ? i.baselineApprox + " " : "") +
                      number(i.baseline) + (i.baselineYear ? " (" + i.baselineYear + ")" : ""));
          }
          var marked = function (t) { return t[0] + ": " + (t[2] ? t[2] + " " : "") + number(t[1]); };
          if (i.realised.length) { bits.push(W.realised + " " + i.realised.map(marked).join(", ")); }
          if (i.expected.length) { bits.push(W.expected + " " + i.expected.map(marked).join(", ")); }
          if (i.targets.length) { bits.push(W.targets + " " + i.targets.map(marked).join(", ")); }
          if (i.unit) { bits.push(W.unit + " " + i.unit); }
          if (i.dataSource) { bits.push(W.data_source + " " + i.dataSource); }
          bits.push(W.source + " " + i.source);
          span.appendChild(document.createTextNode(" — " + bits.join(" · ")));
          return span;
        }));
      }
      if (n.stakeholders) {
        section(W.stakeholders, list(n.stakeholders, function (s) { return s; }));
      }
      if (n.budget || n.budgetText) {
        var b = list(n.budget || [], function (p) {
          return p[0] + ": " + (p[2] ? p[2] + " " : "") + "€ " + number(p[1]);
        });
        if (n.budgetText) { b.appendChild(el("li", n.budgetText)); }
        section(W.budget, b);
      }
      var chainUp = why(id);
      var chainDown = how(id);
      if (chainUp.length) { section(W.why, list(chainUp, nodeButton, "ol", "chain why"), "why"); }
      if (chainDown.length) { section(W.how, list(chainDown, nodeButton, "ol", "chain how"), "how"); }
      var links = (n.links || []).map(function (l) { return ["→ ", l[0], l[1], l[2], l[3]]; });
      (down[id] || []).forEach(function (other) {
        ((nodes[other] && nodes[other].links) || []).forEach(function (l) {
          if (l[1] === id) { links.push(["← ", l[0], other, l[2], l[3]]); }
        });
      });
      if (links.length) {
        section(W.links, list(links, function (l) {
          var other = nodes[l[2]];
          return l[0] + l[1].replace("_", " ") + (l[4] ? " (" + l[4] + ")" : "") + " " +
            local(l[2]) + (other ? " " + other.label : "") + " · " + (l[3] || "");
        }));
      }
      closeButton.hidden = false;
      panel.classList.add("open");
    }

    function select(id, options) {
      options = options || {};
      if (!nodes[id]) {
        if (data.programmes[id]) {
          var sec = document.getElementById("programme-" + id);
          if (sec) { sec.scrollIntoView({ block: "start" }); }
        }
        return;
      }
      clearSelection();
      current = id;
      var chainUp = why(id);
      var chainDown = how(id);
      var chain = {};
      chain[id] = true;
      chainUp.forEach(function (x) { chain[x] = true; });
      chainDown.forEach(function (x) { chain[x] = true; });
      (elementsOf[id] || []).forEach(function (e) { mark(e, "selected"); });
      chainUp.forEach(function (x) { (elementsOf[x] || []).forEach(function (e) { mark(e, "why"); }); });
      chainDown.forEach(function (x) { (elementsOf[x] || []).forEach(function (e) { mark(e, "how"); }); });
      document.querySelectorAll("g.edge[data-from]").forEach(function (e) {
        if (chain[e.getAttribute("data-from")] && chain[e.getAttribute("data-to")]) { mark(e, "on-chain"); }
      });
      document.querySelectorAll(".din").forEach(function (d) {
        if (d.querySelector(".selected, .why, .how")) { d.classList.add("chain"); }
      });
      showDetails(id);
      var own = (elementsOf[id] || []).filter(function (e) { return e.closest(".din"); })[0];
      if (own && options.reveal) {
        own.closest(".din").scrollIntoView({ block: "nearest" });
        own.focus({ preventScroll: true });
      }
      if (own) { showInBox(own); }
    }

    /* scroll a DIN's own box (not the page) so that a node is in view */
    function showInBox(node) {
      var box = node.closest(".din");
      var b = box.getBoundingClientRect();
      var r = node.getBoundingClientRect();
      if (r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right) { return; }
      box.scrollTop += (r.top + r.height / 2) - (b.top + b.height / 2);
      box.scrollLeft += (r.left + r.width / 2) - (b.left + b.width / 2);
    }

    closeButton.addEventListener("click", function () {
      clearSelection();
      panel.classList.remove("open");
      body.textContent = "";
      body.appendChild(el("p", W.details_empty, "empty"));
      closeButton.hidden = true;
    });

    document.addEventListener("click", function (event) {
      var ref = event.target.closest("[data-select]");
      if (ref) { select(ref.getAttribute("data-select"), { reveal: true }); return; }
      var node = event.target.closest("[data-node]");
      if (node) { select(node.getAttribute("data-node")); }
    });

    document.addEventListener("keydown", function (event) {
      var node = event.target.closest && event.target.closest("[data-node]");
      if (node && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(node.getAttribute("data-node"));
      } else if (event.key === "Escape" && current) {
        closeButton.click();
      }
    });

    /* ---- zoom -------------------------------------------------------------------------- */

    /* actual size: one SVG unit (a Graphviz point) per CSS pixel */
    function naturalWidth(root) {
      root.querySelectorAll(".din svg.figure").forEach(function (svg) {
        var box = svg.viewBox && svg.viewBox.baseVal;
        if (box && box.width) { svg.style.setProperty("--natural-width", box.width + "px"); }
      });
    }
    naturalWidth(document);

    /* (one listener for the page: sections unpacked later have their buttons too) */
    document.addEventListener("click", function (event) {
      var b = event.target.closest("button.zoom");
      if (!b) { return; }
      var box = document.getElementById(b.getAttribute("data-target"));
      var actual = box.classList.toggle("actual");
      box.classList.toggle("fit", !actual);
      b.setAttribute("aria-pressed", actual ? "true" : "false");
      var selected = box.querySelector(".din-node.selected");
      if (selected) { showInBox(selected); }
    });

    /* ---- search (case- and accent-insensitive) ----------------------------------------- */

    function fold(text) {
      return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    var haystack = Object.keys(nodes).map(function (id) {
      var n = nodes[id];
      return [id, fold([n.label, n.text || "", id].join(" "))];
    });
    var input = document.getElementById("search");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var matched = [];

    function search() {
      matched.forEach(function (e) { e.classList.remove("match"); });
      matched = [];
      results.textContent = "";
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      if (!words.length) { results.hidden = true; status.textContent = ""; return; }
      var hits = haystack.filter(function (h) {
        return words.every(function (w) { return h[1].indexOf(w) >= 0; });
      }).map(function (h) { return h[0]; });
      hits.forEach(function (id) {
        (elementsOf[id] || []).forEach(function (e) { e.classList.add("match"); matched.push(e); });
      });
      status.textContent = hits.length ? hits.length + " · " + W.shown : W.search_none;
      hits.slice(0, 50).forEach(function (id) {
        var li = el("li");
        var b = nodeButton(id);
        b.insertBefore(el("span", nodes[id].kindLabel + " · " + (data.programmes[programmeOf(id)] || "") + " ", "kind"), b.firstChild);
        li.appendChild(b);
        results.appendChild(li);
      });
      results.hidden = hits.length === 0;
    }

    input.addEventListener("input", search);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = results.querySelector("button");
        if (first) { event.preventDefault(); first.click(); }
      } else if (event.key === "Escape") {
        input.value = "";
        search();
      }
    });
    results.addEventListener("click", function () { results.hidden = true; });

    /* ---- filters: findings (severity, programme, rule), goals without effort, budgets ---- */

    function filterRows(form) {
      var kind = form.getAttribute("data-filter");
      var wanted = null;
      var boxes = form.querySelectorAll("input[name=severity]");
      if (boxes.length) {
        wanted = {};
        boxes.forEach(function (c) { wanted[c.value] = c.checked; });
      }
      var programme = (form.querySelector("select[name=programme]") || {}).value || "";
      var rule = (form.querySelector("select[name=rule]") || {}).value || "";
      var rows;
      if (kind === "findings") { rows = document.querySelectorAll("#findings-all tbody tr"); }
      else if (kind === "budget") { rows = document.querySelectorAll("#budget-all tbody tr"); }
      else { rows = document.querySelectorAll("[data-rows=gaps] .gap-group"); }
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = (!wanted || wanted[tr.getAttribute("data-severity")]) &&
          (!programme || tr.getAttribute("data-programme") === programme);
        if (ok && rule) {
          var rules = (tr.getAttribute("data-rules") || tr.getAttribute("data-rule") || "").split(" ");
          ok = rule === "-" ? rules.join("") === "" : rules.indexOf(rule) >= 0;
        }
        tr.classList.toggle("filtered", !ok);
        if (ok) { shown += 1; }
      });
      var out = form.querySelector("output");
      if (out) { out.textContent = shown + " / " + rows.length + " " + W.shown; }
    }

    document.querySelectorAll("form[data-filter]").forEach(function (form) {
      form.addEventListener("change", function () { filterRows(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      filterRows(form);
    });

    /* ---- packed sections: unpacked one after the other, then the page is ready -------- */

    function unpack(box) {
      var source = document.getElementById(box.getAttribute("data-packed"));
      return inflate(source.textContent).then(function (text) {
        var template = document.createElement("template");
        template.innerHTML = text;
        box.replaceWith(template.content);
        var section = document.getElementById(box.id);
        collect(section);
        naturalWidth(section);
      });
    }

    function ready() {
      var hash = decodeURIComponent(location.hash || "");
      if (hash.indexOf("#node=") === 0) {
        select(hash.slice(6), { reveal: true });
      } else if (hash.length > 1 && document.getElementById(hash.slice(1))) {
        document.getElementById(hash.slice(1)).scrollIntoView();  /* it was packed on arrival */
      }
      panel.setAttribute("data-ready", "true");
    }

    var boxes = Array.prototype.slice.call(document.querySelectorAll("section[data-packed]"));
    boxes.reduce(function (done, box) {
      return done.then(function () { return unpack(box); });
    }, Promise.resolve()).then(ready, function (error) {
      panel.setAttribute("data-ready", "error");
      throw error;
    });
  }
}());
