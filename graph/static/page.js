// orgkg page: builds the vis-network drawing from the JSON the Python side embedded.
// Every text from the graph goes through textContent, never innerHTML: names and
// sentences come from documents, and a name may look like markup.
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("orgkg-data").textContent);
  var options = JSON.parse(document.getElementById("orgkg-options").textContent);
  // timings in ms since navigation start, read by the tests and the benchmark
  var state = window.orgkg = { scriptStart: started, firstDraw: null, stabilized: null,
                               layout: "force", highlight: null, revealed: {} };
  var DIM_NODE = { background: "#eeeeee", border: "#dddddd" }, DIM_EDGE = "#e6e6e6";
  var FONT = "#343434", DIM_FONT = "#c8c8c8", PANEL_MAX = 30;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function line(parent, label, value) {
    var d = el("div");
    d.appendChild(el("span", "muted", label + "："));
    d.appendChild(document.createTextNode(String(value)));
    parent.appendChild(d);
  }
  function evidence(parent, items, total, label) {
    if (!total) return;
    parent.appendChild(el("div", "muted", label + "（" + total + "）"));
    items.forEach(function (e) {
      var s = el("div", "sentence");
      s.appendChild(el("span", "file", e.file ? "[" + e.file + "] " : ""));
      s.appendChild(document.createTextNode(e.sentence || ""));
      parent.appendChild(s);
    });
    if (total > items.length) parent.appendChild(el("div", "muted", "… +" + (total - items.length)));
  }

  function nodeTip(t) {
    var d = el("div", "tip");
    d.appendChild(el("div", "name", t.name));
    if (t.aliases.length) line(d, "别名 aliases", t.aliases.join("、"));
    line(d, "类型 type", t.type[0] + " " + t.type[1] + (t.collective ? "（泛指 collective）" : ""));
    Object.keys(t.props || {}).forEach(function (k) {
      var v = t.props[k];
      line(d, k, Array.isArray(v) ? v.join("、") : (typeof v === "object" ? JSON.stringify(v) : v));
    });
    if (t.n_files) {
      line(d, "出处 files", t.files.join("、") + (t.n_files > t.files.length ? " … (" + t.n_files + ")" : ""));
    }
    return d;
  }
  function edgeHead(t) {
    var d = el("div", "tip");
    d.appendChild(el("div", "name", t.source + " → " + t.target));
    line(d, "关系 relation", t.type[0] + " " + t.type[1]);
    if (t.role) line(d, "职务 role", t.role);
    if (t.as_of) line(d, "时间 as of", t.as_of);
    return d;
  }
  function edgeTip(t) {
    var d = edgeHead(t);
    evidence(d, t.evidence, t.n_evidence, "依据 evidence");
    return d;
  }

  // -- the side panel: each evidence sentence in its passage, the ends' names marked --
  function marked(parent, text, terms) {
    var i = 0;
    while (i < text.length) {
      var hit = null;
      for (var k = 0; k < terms.length && !hit; k++) {
        if (terms[k] && text.substr(i, terms[k].length) === terms[k]) hit = terms[k];
      }
      if (hit) { parent.appendChild(el("mark", null, hit)); i += hit.length; continue; }
      var j = i + 1;
      while (j < text.length && !terms.some(function (t) { return t && text.substr(j, t.length) === t; })) j++;
      parent.appendChild(document.createTextNode(text.slice(i, j)));
      i = j;
    }
  }
  function passage(item, terms, relation) {
    var d = el("div", "evidence");
    var meta = [item.file, item.document, item.date].filter(Boolean).join(" · ");
    d.appendChild(el("div", "source", (relation ? relation + "  " : "") + meta));
    var p = el("div", "passage");
    var parts = item.passage || ["", item.sentence, ""];
    if (parts[0]) marked(p.appendChild(el("span", "context")), parts[0], terms);
    marked(p.appendChild(el("span", "hit")), parts[1], terms);
    if (parts[2]) marked(p.appendChild(el("span", "context")), parts[2], terms);
    d.appendChild(p);
    return d;
  }
  function edgePanel(edge) {
    var t = edge.tip, d = edgeHead(t);
    if (edge.dates && edge.dates.length) line(d, "文件日期 dates", edge.dates.join("、"));
    if (t.n_evidence) d.appendChild(el("div", "muted", "依据 evidence（" + t.n_evidence + "）"));
    (t.panel || []).forEach(function (item) { d.appendChild(passage(item, t.terms || [])); });
    return d;
  }
  function nodePanel(node) {
    var d = nodeTip(node.tip), shown = 0;
    var around = edges.get({ filter: function (e) { return (e.from === node.id || e.to === node.id) && !e.hidden; } });
    if (around.length) d.appendChild(el("div", "muted", "依据 evidence"));
    around.forEach(function (e) {
      (e.tip.panel || []).forEach(function (item) {
        if (shown++ < PANEL_MAX) d.appendChild(passage(item, e.tip.terms || [], e.tip.source + " " + e.label + " " + e.tip.target));
      });
    });
    if (shown > PANEL_MAX) d.appendChild(el("div", "muted", "… +" + (shown - PANEL_MAX)));
    return d;
  }

  // -- what is shown: revealed nodes, less the filtered types, relations and dates --
  var adjacent = {};
  data.nodes.forEach(function (n) { adjacent[n.id] = []; n.baseLabel = n.label; n.baseColor = n.color; });
  data.edges.forEach(function (e) {
    adjacent[e.from].push(e.to); adjacent[e.to].push(e.from); e.baseColor = e.color;
  });
  var typeOff = {}, relOff = {}, asOf = null;
  function openView() {
    if (data.open_all) { data.nodes.forEach(function (n) { state.revealed[n.id] = true; }); return; }
    var wave = data.start.slice();
    wave.forEach(function (id) { state.revealed[id] = true; });
    for (var hop = 0; hop < data.open_hops; hop++) {
      var next = [];
      wave.forEach(function (id) {
        adjacent[id].forEach(function (m) { if (!state.revealed[m]) { state.revealed[m] = true; next.push(m); } });
      });
      wave = next;
    }
  }
  function collapsed(id) { return adjacent[id].some(function (m) { return !state.revealed[m]; }); }
  function nodeView(n) {
    // a node with neighbours still hidden says so: double-click brings them in
    return { id: n.id, hidden: !state.revealed[n.id] || !!typeOff[n.etype],
             label: n.baseLabel + (collapsed(n.id) ? " ⊕" : "") };
  }
  function edgeView(e) {
    var late = asOf && e.dates.length && e.dates[0] > asOf;
    return { id: e.id, hidden: !!relOff[e.rtype] || !!late };
  }
  openView();
  data.nodes.forEach(function (n) { var v = nodeView(n); n.hidden = v.hidden; n.label = v.label; });
  data.edges.forEach(function (e) { e.hidden = edgeView(e).hidden; });

  // vis-network shows a title Element as it is; a string title would be parsed as HTML.
  data.nodes.forEach(function (n) { n.title = nodeTip(n.tip); });
  data.edges.forEach(function (e) { e.title = edgeTip(e.tip); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("canvas"), { nodes: nodes, edges: edges }, options);
  state.network = network; state.nodes = nodes; state.edges = edges;

  function shownIds() { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); }
  function refresh() {
    nodes.update(data.nodes.map(nodeView));
    edges.update(data.edges.map(edgeView));
    paint();
    document.getElementById("shown").textContent =
      "显示 shown: " + shownIds().length + " / " + data.nodes.length + " 个节点 nodes";
  }
  state.refresh = refresh;

  // -- highlight: the selected node and its neighbours keep their colours, the rest fade --
  function paint() {
    var h = state.highlight, keep = {};
    if (h) { keep[h] = true; adjacent[h].forEach(function (m) { keep[m] = true; }); }
    nodes.update(data.nodes.map(function (n) {
      var lit = !h || keep[n.id];
      return { id: n.id, color: lit ? n.baseColor : DIM_NODE, font: { color: lit ? FONT : DIM_FONT } };
    }));
    edges.update(data.edges.map(function (e) {
      var lit = !h || e.from === h || e.to === h;
      return { id: e.id, color: lit ? e.baseColor : DIM_EDGE, font: { color: lit ? FONT : DIM_FONT } };
    }));
  }
  function highlight(id) { state.highlight = id; paint(); }
  function reveal(ids) {
    ids.forEach(function (id) { state.revealed[id] = true; });
    refresh();
    if (state.layout === "levels") placeLevels();
  }
  state.expand = function (id) { reveal(adjacent[id]); };

  network.once("afterDrawing", function () {
    state.firstDraw = performance.now();  // ms since navigation start: parsing the page counts too
    if (data.focus.length) network.selectNodes(data.focus);
    if (!data.open_all) network.fit({ nodes: shownIds(), animation: false });
    document.getElementById("shown").textContent =
      "显示 shown: " + shownIds().length + " / " + data.nodes.length + " 个节点 nodes";
  });
  network.once("stabilizationIterationsDone", function () {
    state.stabilized = performance.now();
    network.setOptions({ physics: { enabled: false } });  // laid out: stop moving
    if (!data.open_all) network.fit({ nodes: shownIds(), animation: false });
  });

  // Filters hide rather than remove: hidden items keep their positions, and vis-network
  // does not draw an edge whose end is hidden.
  function onFilter(box, off) {
    box.addEventListener("change", function () { off[box.value] = !box.checked; refresh(); });
  }
  document.querySelectorAll("input.etype").forEach(function (c) { onFilter(c, typeOff); });
  document.querySelectorAll("input.rtype").forEach(function (c) { onFilter(c, relOff); });
  document.getElementById("as-of").addEventListener("change", function (ev) {
    asOf = ev.target.value || null;  // an ISO date: edges first stated in a later document go
    refresh();
  });
  document.getElementById("show-all").addEventListener("click", function () {
    reveal(data.nodes.map(function (n) { return n.id; }));
    network.fit({ animation: false });
  });

  // Layouts: the force layout as vis-network left it, or levels computed in Python
  // (whoever supervises or leads above, units below their whole). Switching back
  // puts every node where it was.
  // Levels: each shown node on its row (computed in Python), in the Python order, packed
  // side by side, so that the opening view is not spread over the width of the whole graph.
  function placeLevels() {
    var rows = {}, g = data.levels, moves = [];
    data.nodes.forEach(function (n) {
      if (!nodes.get(n.id).hidden) (rows[n.lrow] = rows[n.lrow] || []).push(n);
      else moves.push({ id: n.id, x: n.lx, y: n.ly });
    });
    Object.keys(rows).forEach(function (r) {
      var row = rows[r].sort(function (a, b) { return a.lx - b.lx; });
      row.forEach(function (n, i) {
        moves.push({ id: n.id, x: (i - (row.length - 1) / 2) * g.node_gap, y: r * g.row_gap + (i % 2) * g.stagger });
      });
    });
    nodes.update(moves);
  }
  // between levels, edges leave downwards and arrive from above instead of looping sideways
  var LEVEL_EDGES = { enabled: true, type: "cubicBezier", forceDirection: "vertical", roundness: 0.4 };
  function setLayout(kind) {
    if (kind === state.layout) return;
    if (kind === "levels") {
      state.forcePositions = network.getPositions();
      network.setOptions({ physics: { enabled: false }, edges: { smooth: LEVEL_EDGES } });
      placeLevels();
    } else {
      var p = state.forcePositions;
      network.setOptions({ edges: { smooth: options.edges.smooth } });
      nodes.update(Object.keys(p).map(function (id) { return { id: id, x: p[id].x, y: p[id].y }; }));
    }
    state.layout = kind;
    network.fit({ nodes: shownIds(), animation: false });
  }
  state.setLayout = setLayout;
  document.querySelectorAll("input[name=layout]").forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) setLayout(r.value); });
  });

  // Search: names and aliases compared like orgkg's match keys (no spaces, title marks or quotes).
  function key(s) { return String(s).normalize("NFKC").replace(/[\s《》〈〉“”"‘’'「」『』]/g, "").toLowerCase(); }
  var names = [];
  var list = document.getElementById("names");
  data.nodes.forEach(function (n) {
    [n.tip.name].concat(n.tip.aliases).forEach(function (s) {
      names.push({ id: n.id, key: key(s), etype: n.etype });
      var o = document.createElement("option"); o.value = s; list.appendChild(o);
    });
  });
  function find(q) {
    var k = key(q), visible = function (m) { return !typeOff[m.etype]; };  // collapsed nodes count
    if (!k) return null;
    var hit = names.find(function (m) { return m.key === k && visible(m); }) ||
              names.find(function (m) { return m.key.indexOf(k) === 0 && visible(m); }) ||
              names.find(function (m) { return m.key.indexOf(k) >= 0 && visible(m); });
    return hit ? hit.id : null;
  }
  var status = document.getElementById("search-status");
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("search-input").value;
    var id = find(q);
    if (id === null) { status.textContent = "未找到 not found: " + q; return; }
    status.textContent = "";
    reveal([id].concat(adjacent[id]));
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showDetails(nodes.get(id), nodePanel);
  });

  var details = document.getElementById("details");
  function showDetails(item, build) {
    details.replaceChildren(build(item));
    details.className = "";
    details.previousElementSibling.scrollIntoView({ block: "start" });  // the panel's heading, in view
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      highlight(p.nodes[0]);
      showDetails(nodes.get(p.nodes[0]), nodePanel);
    } else if (p.edges.length) {
      highlight(null);
      showDetails(edges.get(p.edges[0]), edgePanel);
    } else {
      highlight(null);
    }
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) state.expand(p.nodes[0]); });
  state.showNode = function (id) { highlight(id); showDetails(nodes.get(id), nodePanel); };
  state.showEdge = function (id) { showDetails(edges.get(id), edgePanel); };
})();
