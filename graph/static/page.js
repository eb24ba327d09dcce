// orgkg page: builds the vis-network drawing from the JSON the Python side embedded.
// Every text from the graph goes through textContent, never innerHTML: names and
// sentences come from documents, and a name may look like markup.
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("orgkg-data").textContent);
  var options = JSON.parse(document.getElementById("orgkg-options").textContent);
  // timings in ms since navigation start, read by the tests and the benchmark
  var state = window.orgkg = { scriptStart: started, firstDraw: null, stabilized: null };

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
  function edgeTip(t) {
    var d = el("div", "tip");
    d.appendChild(el("div", "name", t.source + " → " + t.target));
    line(d, "关系 relation", t.type[0] + " " + t.type[1]);
    if (t.role) line(d, "职务 role", t.role);
    if (t.as_of) line(d, "时间 as of", t.as_of);
    evidence(d, t.evidence, t.n_evidence, "依据 evidence");
    return d;
  }

  // vis-network shows a title Element as it is; a string title would be parsed as HTML.
  data.nodes.forEach(function (n) { n.title = nodeTip(n.tip); });
  data.edges.forEach(function (e) { e.title = edgeTip(e.tip); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("canvas"), { nodes: nodes, edges: edges }, options);
  state.network = network; state.nodes = nodes; state.edges = edges;

  network.once("afterDrawing", function () {
    state.firstDraw = performance.now();  // ms since navigation start: parsing the page counts too
    if (data.focus.length) network.selectNodes(data.focus);
  });
  network.once("stabilizationIterationsDone", function () {
    state.stabilized = performance.now();
    network.setOptions({ physics: { enabled: false } });  // laid out: stop moving
  });

  // Filters hide rather than remove: hidden items keep their positions, and vis-network
  // does not draw an edge whose end is hidden.
  function onFilter(box, set, field) {
    box.addEventListener("change", function () {
      set.update(set.get({ filter: function (item) { return item[field] === box.value; } })
        .map(function (item) { return { id: item.id, hidden: !box.checked }; }));
    });
  }
  document.querySelectorAll("input.etype").forEach(function (c) { onFilter(c, nodes, "etype"); });
  document.querySelectorAll("input.rtype").forEach(function (c) { onFilter(c, edges, "rtype"); });

  // Search: names and aliases compared like orgkg's match keys (no spaces, title marks or quotes).
  function key(s) { return String(s).normalize("NFKC").replace(/[\s《》〈〉“”"‘’'「」『』]/g, "").toLowerCase(); }
  var names = [];
  var list = document.getElementById("names");
  data.nodes.forEach(function (n) {
    [n.tip.name].concat(n.tip.aliases).forEach(function (s) {
      names.push({ id: n.id, key: key(s) });
      var o = document.createElement("option"); o.value = s; list.appendChild(o);
    });
  });
  function find(q) {
    var k = key(q), visible = function (m) { return !nodes.get(m.id).hidden; };
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
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showDetails(nodes.get(id).tip, nodeTip);
  });

  var details = document.getElementById("details");
  function showDetails(tip, build) {
    details.replaceChildren(build(tip));
    details.className = "";
  }
  network.on("click", function (p) {
    if (p.nodes.length) showDetails(nodes.get(p.nodes[0]).tip, nodeTip);
    else if (p.edges.length) showDetails(edges.get(p.edges[0]).tip, edgeTip);
  });
})();
