"""The page in a real browser: Debian's headless chromium, driven over the DevTools
protocol, with every host name unresolvable. Each check has a negative twin that
shows it can fail. `make test` installs chromium and fonts-wqy-zenhei."""
from __future__ import annotations

import base64
import io
import itertools
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.viz import notebook_view, write_page

pytestmark = pytest.mark.browser

INJECTION = '<img src=x onerror="window.__pwned=1">'
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1200,800",
         "--remote-debugging-port=0"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("chromium is not installed: run `make test` (it installs chromium and fonts-wqy-zenhei)")


class Chromium:
    """One headless chromium and a DevTools websocket to it (pages attach as flat sessions)."""

    def __init__(self, exe: str, timeout: float = 30):
        import websocket  # websocket-client, from the test extra

        self.dir = tempfile.mkdtemp(prefix="orgkg-viz-chromium-")
        self.proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={self.dir}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = Path(self.dir, "DevToolsActivePort")
        deadline = time.monotonic() + timeout
        while not (active.exists() and len(active.read_text().split()) == 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"chromium did not start its DevTools endpoint ({exe})")
            time.sleep(0.05)
        port, path = active.read_text().split()
        # no Origin header: chromium refuses DevTools connections from unlisted origins
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=timeout,
                                              suppress_origin=True)
        self.ids = itertools.count(1)
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        msg_id = next(self.ids)
        msg = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(method)

    def open(self, url: str) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        for domain in ("Runtime", "Log", "Network", "Page"):
            page.send(f"{domain}.enable")
        page.send("Page.navigate", {"url": url})
        page.wait_event("Page.loadEventFired")
        return page

    def close(self):
        try:
            if getattr(self, "ws", None):
                self.send("Browser.close", timeout=10)
        except Exception:  # noqa: BLE001  (already gone: fall through to the process)
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class Page:
    def __init__(self, browser: Chromium, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target

    def send(self, method, params=None, timeout=60):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def _events(self):
        return [e for e in self.browser.events if e.get("sessionId") == self.session]

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(e["method"] == method for e in self._events()):
                return
            self.eval("1")  # pumps the websocket, collecting events
            time.sleep(0.05)
        raise TimeoutError(method)

    def eval(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"{expression} still false after {timeout} s; problems: {self.problems()}")

    def problems(self) -> list:
        """Console errors, uncaught exceptions, failed requests and requests to any host."""
        self.eval("1")
        found = []
        for e in self._events():
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                details = p["exceptionDetails"]
                found.append(f"exception: {details.get('exception', {}).get('description') or details['text']}")
            elif e["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                found.append(f"console.{p['type']}: {[a.get('value', a.get('description')) for a in p['args']]}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                found.append(f"log: {p['entry']['text']} {p['entry'].get('url', '')}")
            elif e["method"] == "Network.loadingFailed":
                found.append(f"failed request: {p['errorText']} {p.get('blockedReason', '')}")
            elif e["method"] == "Network.requestWillBeSent" and not p["request"]["url"].startswith(LOCAL_SCHEMES):
                found.append(f"request to a host: {p['request']['url']}")
        return found

    def inked_pixels(self, selector: str = "#canvas", skip_left: int = 0) -> int:
        """Non-white pixels of a screenshot inside the element, less its first ``skip_left``
        pixel columns (Pillow decodes the PNG)."""
        from PIL import Image

        box = self.eval(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                        ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()")
        box[0] += skip_left
        png = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        image = Image.open(io.BytesIO(png)).convert("L")
        # clamped: crop() pads what lies outside the screenshot with black
        box = [min(max(int(v), 0), limit) for v, limit in zip(box, image.size * 2)]
        image = image.crop(box)
        return sum(image.histogram()[:200])

    def hover(self, x: float, y: float):
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})


# Does a font draw these two characters as different glyphs? Missing glyphs all draw
# as the same box (.notdef), so two distinct characters look alike only without a font.
GLYPHS_DIFFER = """((font, a, b) => {
  const draw = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 48;
    const x = c.getContext('2d'); x.font = '32px ' + font; x.textBaseline = 'top'; x.fillText(ch, 4, 4);
    return Array.from(x.getImageData(0, 0, 48, 48).data.filter((v, i) => i % 4 === 3)); };
  const p = draw(a), q = draw(b);
  return p.some(v => v > 0) && q.some(v => v > 0) && p.some((v, i) => v !== q[i]);
})"""


@pytest.fixture(scope="module")
def browser():
    b = Chromium(chromium_path())
    yield b
    b.close()


def sample_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    cq = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"],
                       mentions=[{"file": "cq.txt", "start": 0, "end": 9}])
    cast = kg.add_entity("Organization", "中国科学技术协会", aliases=["中国科协"])
    party = kg.add_entity("Organization", "中国科学技术协会党组")
    he = kg.add_entity("Person", "贺军科")
    bad = kg.add_entity("Organization", INJECTION)
    kg.add_relation(cast, "SUPERVISES", cq, evidence={"file": "cq.txt", "sentence": "在中国科协的指导下，市科协……",
                                                      "start": 10, "end": 24})
    kg.add_relation(he, "LEADS", party, role="书记", as_of="2023-06",
                    evidence={"file": "cast.txt", "sentence": "贺军科同志任中国科学技术协会党组书记", "start": 0, "end": 18})
    kg.add_relation(party, "PART_OF", cast)
    kg.add_relation(bad, "PART_OF", cq, evidence={"file": "x.txt", "start": 0, "end": 1,
                                                  "sentence": f"</script><script>window.__pwned=2</script>{INJECTION}"})
    return kg


def big_graph(n_nodes=5000, n_edges=10000, seed=7) -> KnowledgeGraph:
    """Organisations and people with random SUPERVISES / LEADS edges, Chinese names."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    people = [kg.add_entity("Person", f"人员{i}") for i in range(n_nodes // 5)]
    orgs = [kg.add_entity("Organization", f"第{i}区科学技术协会") for i in range(n_nodes - len(people))]
    keys = set()  # number_of_edges() walks the whole MultiDiGraph; count the distinct edges here
    while len(keys) < n_edges:
        if rng.random() < 0.3:
            keys.add(kg.add_relation(rng.choice(people), "LEADS", rng.choice(orgs), role="主席"))
        else:
            a, b = rng.sample(orgs, 2)
            keys.add(kg.add_relation(a, "SUPERVISES", b, evidence={"file": "big.txt", "sentence": "加强指导",
                                                                   "start": 0, "end": 4}))
    return kg


@pytest.fixture(scope="module")
def sample_page(browser, tmp_path_factory):
    path = write_page(sample_graph(), tmp_path_factory.mktemp("viz") / "sample.html")
    page = browser.open(path.as_uri())
    page.wait_for("window.orgkg && window.orgkg.stabilized !== null", timeout=30)
    yield page
    page.close()


def test_viz_browser_draws_without_errors_or_requests(sample_page):
    assert sample_page.problems() == []
    assert sample_page.eval("orgkg.firstDraw") > 0
    assert sample_page.inked_pixels() > 500


def test_viz_browser_renders_chinese_glyphs(sample_page):
    font = sample_page.eval("JSON.parse(document.getElementById('orgkg-data').textContent).font")
    assert sample_page.eval(f"{GLYPHS_DIFFER}({json.dumps(font)}, '重', '庆')")
    # the check can fail: two unassigned code points both draw as the missing-glyph box
    assert not sample_page.eval(f"{GLYPHS_DIFFER}({json.dumps(font)}, '\\u0378', '\\u0379')")


def test_viz_browser_tooltip_shows_markup_as_text(sample_page):
    node = sample_page.eval(f"orgkg.nodes.get({{filter: n => n.tip.name === {json.dumps(INJECTION)}}})[0].id")
    x, y = sample_page.eval(f"""(() => {{
        const n = orgkg.network, p = n.canvasToDOM(n.getPositions([{json.dumps(node)}])[{json.dumps(node)}]);
        const r = document.getElementById('canvas').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }})()""")
    sample_page.hover(x, y)
    tip = sample_page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                               " return t && t.style.visibility === 'visible' && t.textContent; })()", timeout=10)
    assert INJECTION in tip
    assert sample_page.eval("document.querySelectorAll('img').length") == 0
    assert sample_page.eval("typeof window.__pwned") == "undefined"
    assert sample_page.problems() == []


def test_viz_browser_search_centres_on_alias(sample_page):
    sample_page.eval("document.getElementById('search-input').value = '市科协';"
                     "document.getElementById('search').requestSubmit()")
    assert sample_page.eval("orgkg.nodes.get(orgkg.network.getSelectedNodes()[0]).tip.name") == "重庆市科学技术协会"
    assert "重庆市科学技术协会" in sample_page.eval("document.getElementById('details').textContent")
    # the found node's neighbours stay lit, the rest fade
    assert dimmed(sample_page) == {"重庆市科学技术协会": False, "中国科学技术协会": False, INJECTION: False,
                                   "中国科学技术协会党组": True, "贺军科": True}


@pytest.mark.parametrize("box, shown", [
    ("input.etype[value=Person]", (4, 3)),  # 贺军科 and his LEADS edge
    ("input.rtype[value=PART_OF]", (5, 2)),
])
def test_viz_browser_filters_hide_and_restore(sample_page, box, shown):
    count = "[orgkg.network.body.nodeIndices.length, orgkg.network.body.edgeIndices.length]"
    before, positions = sample_page.eval(count), sample_page.eval("orgkg.network.getPositions()")
    sample_page.eval(f"document.querySelector({json.dumps(box)}).click()")
    hidden = sample_page.eval(count)
    sample_page.eval(f"document.querySelector({json.dumps(box)}).click()")
    assert (before, tuple(hidden)) == ([5, 4], shown)
    assert sample_page.eval(count) == before
    assert sample_page.eval("orgkg.network.getPositions()") == positions  # nothing jumps


@pytest.mark.parametrize("sandbox, drawn", [("allow-scripts", True), ("", False)], ids=["as-built", "no-scripts"])
def test_viz_browser_notebook_view_runs_its_scripts(browser, tmp_path, sandbox, drawn):
    view = notebook_view(sample_graph(), height="600px").data.replace('sandbox="allow-scripts"', f'sandbox="{sandbox}"')
    path = tmp_path / "notebook.html"
    path.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body style='margin:0'>{view}</body>", encoding="utf-8")
    page = browser.open(path.as_uri())
    try:
        # sandboxed, the frame's flags are out of reach: watch the graph area right of the panel
        deadline = time.monotonic() + 15
        while page.inked_pixels("iframe", skip_left=300) < 500 and time.monotonic() < deadline:
            time.sleep(0.5 if drawn else 3)
            if not drawn:
                break
        assert (page.inked_pixels("iframe", skip_left=300) > 500) is drawn
        if drawn:
            assert page.problems() == []
    finally:
        page.close()


@pytest.mark.parametrize("body, expected", [
    ("<script>window.x = (;</script>", "exception"),
    ("<script>console.error('broken')</script>", "console.error"),
    ('<img src="http://example.org/logo.png">', "request"),
])
def test_viz_browser_checks_catch_broken_pages(browser, tmp_path, body, expected):
    path = tmp_path / "broken.html"
    path.write_text("<!DOCTYPE html><html><body><div id='canvas' style='width:300px;height:300px'></div>"
                    f"{body}</body></html>", encoding="utf-8")
    page = browser.open(path.as_uri())
    try:
        assert any(expected in p for p in page.problems())
        assert page.inked_pixels() == 0  # and a blank area counts as blank
    finally:
        page.close()


def test_viz_browser_large_page_reaches_first_draw(browser, tmp_path):
    path = write_page(big_graph(), tmp_path / "big.html")
    page = browser.open(path.as_uri())
    try:
        first_draw = page.wait_for("window.orgkg && window.orgkg.firstDraw", timeout=60)
        print(f"5,000 nodes / 10,000 edges: first draw {first_draw / 1000:.1f} s after navigation start, "
              f"{os.path.getsize(path) / 1e6:.1f} MB")
        assert page.eval("orgkg.network.physics.physicsEnabled") is False
        assert page.problems() == []
        assert page.inked_pixels() > 500
    finally:
        page.close()


# -- the analyst's page: highlight, levels, passages, dates, expand -----------------------
def node_xy(page, node_id) -> tuple:
    return page.eval(f"""(() => {{
        const n = orgkg.network, p = n.canvasToDOM(n.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}]);
        const r = document.getElementById('canvas').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }})()""")


def click(page, x, y, count=1):
    for n in range(1, count + 1):
        for kind in ("mousePressed", "mouseReleased"):
            page.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": n})
        time.sleep(0.05)


def node_id(page, name) -> str:
    return page.eval(f"orgkg.nodes.get({{filter: n => n.tip.name === {json.dumps(name)}}})[0].id")


def dimmed(page) -> dict:
    """{name: True when drawn faded} for every node."""
    return page.eval("Object.fromEntries(orgkg.nodes.get().map(n => [n.tip.name,"
                     " typeof n.color === 'object' && n.color.background === '#eeeeee']))")


def test_viz_browser_click_highlights_neighbours_and_dims_the_rest(sample_page):
    sample_page.eval("orgkg.setLayout('levels')")  # fixed positions, so the click lands where computed
    try:
        click(sample_page, *node_xy(sample_page, node_id(sample_page, "中国科学技术协会")))
        sample_page.wait_for("orgkg.highlight !== null", timeout=10)
        assert dimmed(sample_page) == {"中国科学技术协会": False, "重庆市科学技术协会": False,
                                       "中国科学技术协会党组": False, "贺军科": True, INJECTION: True}
        lit = sample_page.eval("orgkg.edges.get().filter(e => e.color !== '#e6e6e6').map(e => e.rtype).sort()")
        assert lit == ["PART_OF", "SUPERVISES"]
        assert "中国科学技术协会" in sample_page.eval("document.getElementById('details').textContent")
        click(sample_page, 5 + sample_page.eval("document.getElementById('canvas').getBoundingClientRect().left"), 5)
        sample_page.wait_for("orgkg.highlight === null", timeout=10)
        assert not any(dimmed(sample_page).values())
    finally:
        sample_page.eval("orgkg.setLayout('force'); document.querySelector('input[name=layout][value=force]').checked = true")
    assert sample_page.problems() == []


def test_viz_browser_levels_layout_draws_chains_top_down(sample_page):
    before = sample_page.eval("orgkg.network.getPositions()")
    sample_page.eval("document.querySelector('input[name=layout][value=levels]').click()")
    assert sample_page.eval("orgkg.layout") == "levels"
    pos = sample_page.eval("orgkg.network.getPositions()")
    ends = sample_page.eval("orgkg.edges.get().map(e => [e.rtype, e.from, e.to])")
    above = {"SUPERVISES": lambda s, t: (s, t), "LEADS": lambda s, t: (s, t), "PART_OF": lambda s, t: (t, s)}
    for rtype, s, t in ends:
        top, bottom = above[rtype](s, t)
        assert pos[top]["y"] < pos[bottom]["y"], (rtype, s, t)
    # the force layout is not drawn in levels: the same check fails there for some edge
    assert any(before[above[r](s, t)[0]]["y"] >= before[above[r](s, t)[1]]["y"] for r, s, t in ends)
    sample_page.eval("document.querySelector('input[name=layout][value=force]').click()")
    assert sample_page.eval("orgkg.network.getPositions()") == before  # back where it was
    assert sample_page.problems() == []


@pytest.fixture(scope="module")
def passage_page(browser, tmp_path_factory):
    """A page built with its source folder: the panel can show passages."""
    folder = tmp_path_factory.mktemp("sources")
    text = "关于加强科协工作的通知\n各市级学会：\n为做好工作，现通知如下。重庆市科协要加强对\n市级学会的指导。其他事项另行通知。\n"
    (folder / "notice.txt").write_text(text, encoding="utf-8")
    sentence = "重庆市科协要加强对\n市级学会的指导。"
    start = text.index(sentence)
    kg = KnowledgeGraph()
    cq = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["重庆市科协"])
    societies = kg.add_entity("Organization", "市级学会", collective=True)
    kg.add_relation(cq, "SUPERVISES", societies, evidence={
        "file": "notice.txt", "sentence": sentence, "start": start, "end": start + len(sentence),
        "date": "2022-03-08", "document": "关于加强科协工作的通知", "rule": "test"})
    path = write_page(kg, tmp_path_factory.mktemp("viz") / "passage.html", sources=[folder])
    page = browser.open(path.as_uri())
    page.wait_for("window.orgkg && window.orgkg.stabilized !== null", timeout=30)
    yield page
    page.close()


def test_viz_browser_edge_click_shows_the_passage_with_names_marked(passage_page):
    page = passage_page
    page.eval("orgkg.setLayout('levels')")
    (a, b) = [node_xy(page, node_id(page, n)) for n in ("重庆市科学技术协会", "市级学会")]
    click(page, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    page.wait_for("!!document.querySelector('#details .evidence')", timeout=10)
    panel = page.eval("""(() => { const e = document.querySelector('#details .evidence');
        return {source: e.querySelector('.source').textContent,
                hit: e.querySelector('.hit').textContent,
                context: [...e.querySelectorAll('.context')].map(c => c.textContent),
                marks: [...e.querySelectorAll('mark')].map(m => m.textContent)}; })()""")
    assert panel["source"] == "notice.txt · 关于加强科协工作的通知 · 2022-03-08"
    assert panel["hit"] == "重庆市科协要加强对市级学会的指导。"          # the file's line break is gone
    assert panel["context"] == ["为做好工作，现通知如下。", "其他事项另行通知。"]
    assert panel["marks"] == ["重庆市科协", "市级学会"]
    assert page.problems() == []


def test_viz_browser_node_panel_lists_its_passages(passage_page):
    page = passage_page
    page.eval(f"orgkg.showNode({json.dumps(node_id(page, '市级学会'))})")
    assert page.eval("document.querySelectorAll('#details .evidence .hit').length") == 1
    assert page.eval("document.querySelector('#details .evidence .source').textContent").startswith("重庆市科学技术协会")


@pytest.mark.parametrize("as_of, edges", [("2022-03-08", 1), ("2022-03-07", 0), ("", 1)])
def test_viz_browser_date_filter_hides_later_relations(passage_page, as_of, edges):
    page = passage_page
    page.eval(f"(() => {{ const box = document.getElementById('as-of'); box.value = {json.dumps(as_of)};"
              "box.dispatchEvent(new Event('change')); })()")
    assert page.eval("orgkg.network.body.edgeIndices.length") == edges


def star_graph(arms=30) -> KnowledgeGraph:
    """A hub with arms of three: more nodes than a page opens whole."""
    kg = KnowledgeGraph()
    hub = kg.add_entity("Organization", "中国科学技术协会")
    for i in range(arms):
        a = kg.add_entity("Organization", f"第{i}省科学技术协会")
        b = kg.add_entity("Organization", f"第{i}市科学技术协会")
        c = kg.add_entity("Person", f"人员{i}")
        kg.add_relation(hub, "SUPERVISES", a)
        kg.add_relation(a, "SUPERVISES", b)
        kg.add_relation(c, "LEADS", b)
    return kg


def test_viz_browser_opens_on_the_hub_and_double_click_expands(browser, tmp_path):
    path = write_page(star_graph(), tmp_path / "star.html")
    page = browser.open(path.as_uri())
    try:
        page.wait_for("window.orgkg && window.orgkg.stabilized !== null", timeout=60)
        shown = "orgkg.nodes.get({filter: n => !n.hidden}).map(n => n.tip.name)"
        opened = page.eval(shown)
        assert len(opened) == 61 and "人员0" not in opened   # the hub, 30 provinces, 30 cities
        city = node_id(page, "第0市科学技术协会")
        assert page.eval(f"orgkg.nodes.get({json.dumps(city)}).label").endswith("⊕")
        page.eval("orgkg.setLayout('levels')")
        click(page, *node_xy(page, city), count=2)
        page.wait_for("orgkg.nodes.get({filter: n => !n.hidden}).length === 62", timeout=10)
        assert "人员0" in page.eval(shown) and not page.eval(f"orgkg.nodes.get({json.dumps(city)}).label").endswith("⊕")
        page.eval("document.getElementById('search-input').value = '人员7';"
                  "document.getElementById('search').requestSubmit()")
        assert "人员7" in page.eval(shown)                     # search brings a collapsed node in
        assert page.problems() == []
    finally:
        page.close()
