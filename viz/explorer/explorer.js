// watwerkt explorer: draws the network from the JSON block #ww-data with vis-network.
// Every text reaches the page through textContent or the canvas, never through innerHTML;
// links are only ever the relative case-card paths the Python side wrote.
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("ww-data").textContent);
  var ui = data.ui;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    if (cls) { x.className = cls; }
    return x;
  }
  function fold(s) {  // accent- and case-insensitive
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.short, x: n.x, y: n.y, shape: data.kinds[n.kind].shape,
             color: data.kinds[n.kind].color, size: n.size, font: { size: 14 } };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var faint = e.kind === "configuration" || e.kind === "applies";
    return { id: e.id, from: e.from, to: e.to, color: { color: data.edgeKinds[e.style].color, opacity: faint ? 0.3 : 0.6 },
             width: Math.min(1 + Math.sqrt(e.weight) / 1.5, 5), dashes: e.basis.length === 1 && e.basis[0] === "read-in" };
  }));
  var container = document.getElementById("ww-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: false, interaction: { hover: true, tooltipDelay: 100000, multiselect: false },
    edges: { smooth: false, arrows: { to: { enabled: false } } },
    nodes: { borderWidth: 1 }, layout: { improvedLayout: false }
  });
  window.wwNetwork = network;
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-drawn", "true");
    window.wwFirstDraw = performance.now();
    window.wwScriptStart = t0;
  });

  // ------------------------------------------------------------ filters
  var state = { kinds: {}, polarity: {}, basis: {}, group: "" };
  function readFilters() {
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      state[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    state.group = document.getElementById("ww-group").value;
  }
  function edgeVisible(e) {
    if (!state.kinds[byId[e.from].kind] || !state.kinds[byId[e.to].kind]) { return false; }
    if (e.polarity && state.polarity[e.polarity] === false) { return false; }
    if (e.basis.length && !e.basis.some(function (b) { return state.basis[b] !== false; })) { return false; }
    if (state.group && e.groups.length && e.groups.indexOf(state.group) < 0) { return false; }
    if (state.group && !e.groups.length && e.kind === "configuration") { return false; }
    return true;
  }
  function nodeVisible(n) {
    if (!state.kinds[n.kind]) { return false; }
    if (state.group && n.kind === "case" && n.groups.indexOf(state.group) < 0) { return false; }
    return true;
  }
  function applyFilters() {
    readFilters();
    var shownNodes = 0, shownEdges = 0;
    nodes.update(data.nodes.map(function (n) {
      var v = nodeVisible(n); if (v) { shownNodes++; } return { id: n.id, hidden: !v };
    }));
    edges.update(data.edges.map(function (e) {
      var v = edgeVisible(e) && nodeVisible(byId[e.from]) && nodeVisible(byId[e.to]);
      if (v) { shownEdges++; } return { id: e.id, hidden: !v };
    }));
    document.getElementById("ww-shown").textContent =
      ui.shown.replace("{n}", shownNodes).replace("{e}", shownEdges);
  }
  document.querySelectorAll("input[data-filter], #ww-group").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });

  // ------------------------------------------------------------ the evidence panel
  var panel = document.getElementById("ww-panel");
  function evidenceList(items) {
    var ul = el("ul", null, "ww-evidence");
    items.forEach(function (ev) {
      var li = el("li");
      var head = [];
      if (ev.case) { head.push(ev.caseLabel || ev.case); }
      head.push(ui.evidenceKinds[ev.kind] || ev.kind);
      if (ev.polarity) { head.push(ui.values[ev.polarity] || ev.polarity); }
      if (ev.direction) { head.push(ui.direction + ": " + (ui.values[ev.direction] || ev.direction)); }
      if (ev.favourability) { head.push(ui.values[ev.favourability] || ev.favourability); }
      if (ev.status) { head.push(ui.values[ev.status] || ev.status); }
      if (ev.basis) { head.push(ui.values[ev.basis] || ev.basis); }
      if (ev.epistemic) { head.push(ui.values[ev.epistemic] || ev.epistemic); }
      li.appendChild(el("div", head.join(" \u00b7 "), "ww-ev-head"));
      if (ev.text) { li.appendChild(el("p", ev.text)); }
      ev.quotes.forEach(function (q) { li.appendChild(el("blockquote", q)); });
      if (ev.anchors.length) { li.appendChild(el("div", ui.anchors + ": " + ev.anchors.join(", "), "ww-anchor")); }
      ul.appendChild(li);
    });
    return ul;
  }
  function caseLink(n) {
    if (!n.card) { return null; }
    var p = el("p");
    if (n.card.href) {
      var a = el("a", ui.caseCard);
      a.setAttribute("href", n.card.href);
      p.appendChild(a);
    } else {
      p.appendChild(el("span", ui.caseCard + ": "));
      p.appendChild(el("code", n.card.command));
    }
    return p;
  }
  function showNode(id) {
    var n = byId[id];
    panel.replaceChildren();
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("p", data.kinds[n.kind].label, "ww-kind"));
    var link = caseLink(n);
    if (link) { panel.appendChild(link); }
    var mine = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    panel.appendChild(el("p", ui.links.replace("{n}", mine.length)));
    mine.forEach(function (e) {
      var other = byId[e.from === id ? e.to : e.from];
      var h = el("h3", data.edgeKinds[e.style].label + ": " + other.label);
      panel.appendChild(h);
      if (e.counts) { panel.appendChild(el("p", e.counts)); }
      panel.appendChild(evidenceList(e.evidence));
    });
    panel.setAttribute("data-node", n.kind);
  }
  function showEdge(id) {
    var e = edgeById[id];
    panel.replaceChildren();
    panel.appendChild(el("h2", byId[e.from].label + " \u2013 " + byId[e.to].label));
    panel.appendChild(el("p", data.edgeKinds[e.style].label, "ww-kind"));
    if (e.counts) { panel.appendChild(el("p", e.counts)); }
    panel.appendChild(evidenceList(e.evidence));
    panel.setAttribute("data-node", "edge");
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ------------------------------------------------------------ search
  var search = document.getElementById("ww-search");
  var results = document.getElementById("ww-results");
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.55), animation: false });
    showNode(id);
  }
  search.addEventListener("input", function () {
    results.replaceChildren();
    var q = fold(search.value.trim());
    if (q.length < 2) { return; }
    var hits = data.nodes.filter(function (n) { return fold(n.label).indexOf(q) >= 0 || fold(n.ident).indexOf(q) >= 0; });
    hits.slice(0, 20).forEach(function (n) {
      var li = el("li");
      var b = el("button", n.label + " (" + data.kinds[n.kind].label + ")");
      b.setAttribute("type", "button");
      b.addEventListener("click", function () { select(n.id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (!hits.length) { results.appendChild(el("li", ui.noHits)); }
  });
  window.wwSelect = function (label) {  // for tests and keyboard users: select by exact label
    var n = data.nodes.filter(function (x) { return x.label === label; })[0];
    if (n) { select(n.id); }
    return Boolean(n);
  };
  applyFilters();
})();
