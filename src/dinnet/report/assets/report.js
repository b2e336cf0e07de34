/* dinnet report: node details, why/how chains, search, finding filters.
   Data comes from the JSON block; every text is set with textContent, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("report-data").textContent);
  var W = data.words;
  var nodes = data.nodes;

  /* every element that stands for a node: DIN nodes, stubs, portfolio boxes */
  var elementsOf = {};
  document.querySelectorAll("[data-node]").forEach(function (el) {
    var id = el.getAttribute("data-node");
    (elementsOf[id] = elementsOf[id] || []).push(el);
  });

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
    var strong = el("b", info && info.programme !== (current && nodes[current].programme) ? id : local(id));
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
    body.appendChild(el("p", n.kindLabel + " · " + n.id, "kind"));
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
    if (n.findings.length) {
      section(W.findings, list(n.findings, function (f) {
        var span = el("span");
        span.appendChild(el("span", W[f.severity] || f.severity, "sev sev-" + f.severity));
        span.appendChild(document.createTextNode(" " + f.rule + ": " + f.message));
        return span;
      }));
    }
    if (n.indicators.length) {
      section(W.indicators, list(n.indicators, function (i) {
        var span = el("span");
        span.appendChild(el("b", i.label));
        var bits = [];
        if (i.baseline !== null) {
          bits.push(W.baseline + " " + (i.baselineApprox ? i.baselineApprox + " " : "") + number(i.baseline) + (i.baselineYear ? " (" + i.baselineYear + ")" : ""));
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
    if (n.stakeholders.length) {
      section(W.stakeholders, list(n.stakeholders, function (s) { return s.label; }));
    }
    if (n.budget.length || n.budgetText) {
      var b = list(n.budget, function (p) { return p[0] + ": " + (p[2] ? p[2] + " " : "") + "€ " + number(p[1]); });
      if (n.budgetText) { b.appendChild(el("li", n.budgetText)); }
      section(W.budget, b);
    }
    var why = n.why.filter(function (x) { return nodes[x]; });
    var how = n.how.filter(function (x) { return nodes[x]; });
    if (why.length) { section(W.why, list(why, nodeButton, "ol", "chain why"), "why"); }
    if (how.length) { section(W.how, list(how, nodeButton, "ol", "chain how"), "how"); }
    if (n.links.length) {
      section(W.links, list(n.links, function (l) {
        var other = nodes[l.other];
        var arrow = l.dir === "out" ? "→ " : "← ";
        return arrow + l.kind.replace("_", " ") + (l.strength ? " (" + l.strength + ")" : "") + " " +
          local(l.other) + (other ? " " + other.label : "") + " · " + (l.source || "");
      }));
    }
    closeButton.hidden = false;
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
    var n = nodes[id];
    var chain = {};
    chain[id] = true;
    n.why.forEach(function (x) { chain[x] = true; });
    n.how.forEach(function (x) { chain[x] = true; });
    (elementsOf[id] || []).forEach(function (e) { mark(e, "selected"); });
    n.why.forEach(function (x) { (elementsOf[x] || []).forEach(function (e) { mark(e, "why"); }); });
    n.how.forEach(function (x) { (elementsOf[x] || []).forEach(function (e) { mark(e, "how"); }); });
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
  document.querySelectorAll(".din svg.figure").forEach(function (svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width) { svg.style.setProperty("--natural-width", box.width + "px"); }
  });

  document.querySelectorAll("button.zoom").forEach(function (b) {
    b.addEventListener("click", function () {
      var box = document.getElementById(b.getAttribute("data-target"));
      var actual = box.classList.toggle("actual");
      box.classList.toggle("fit", !actual);
      b.setAttribute("aria-pressed", actual ? "true" : "false");
      var selected = box.querySelector(".din-node.selected");
      if (selected) { showInBox(selected); }
    });
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
      b.insertBefore(el("span", nodes[id].kindLabel + " · " + (data.programmes[nodes[id].programme] || "") + " ", "kind"), b.firstChild);
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

  /* ---- findings filter --------------------------------------------------------------- */

  var form = document.getElementById("finding-filters");
  var count = document.getElementById("filter-count");
  function filterFindings() {
    var wanted = {};
    form.querySelectorAll("input[name=severity]").forEach(function (c) { wanted[c.value] = c.checked; });
    var programme = form.querySelector("select[name=programme]").value;
    var shown = 0;
    var total = 0;
    document.querySelectorAll("table.findings tbody tr").forEach(function (tr) {
      var inAll = tr.closest("#findings-all") !== null;
      var ok = wanted[tr.getAttribute("data-severity")] &&
        (!inAll || !programme || tr.getAttribute("data-programme") === programme);
      tr.classList.toggle("filtered", !ok);
      if (inAll) { total += 1; if (ok) { shown += 1; } }
    });
    count.textContent = shown + " / " + total + " " + W.shown;
  }
  form.addEventListener("change", filterFindings);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  filterFindings();
  panel.setAttribute("data-ready", "true");
}());
