from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib

import kg.export.html as page_module
from kg.export.html import HtmlReport, casualty_summary, date_span, hover_card, iso_day, reduce_view, to_html
from kg.export.network import find_node, to_networkx

from browser import find_chromium, load_page, png_size, screenshot
from synthetic import synthetic_graph, view_sizes

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NKR = "https://w3id.org/newskg/resource/"
RAW_SCRIPT = "<script>window.__xss=1</script>"
RAW_IMG = '<img src=x onerror="window.__xss=2">'
EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.usefixtures("chromium")  # skipped loudly without it, failed under CI


@pytest.fixture(scope="module")
def rdf() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE)


@pytest.fixture(scope="module")
def page(rdf, tmp_path_factory) -> tuple[HtmlReport, str]:
    report = to_html(rdf, tmp_path_factory.mktemp("page") / "graph.html", title="Border <b>war</b>")
    return report, report.path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reduced_page(rdf, tmp_path_factory) -> tuple[HtmlReport, str]:
    report = to_html(rdf, tmp_path_factory.mktemp("reduced") / "graph.html", max_nodes=8)
    return report, report.path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> tuple[HtmlReport, nx.MultiDiGraph]:
    """The page of the seed articles, and the view it was drawn from."""
    from kg import api

    graph, failures = api.build_graph([SEEDS])
    assert not failures
    report = to_html(graph, tmp_path_factory.mktemp("seed") / "graph.html")
    return report, to_networkx(graph)


@pytest.fixture(scope="module")
def large_page(tmp_path_factory) -> HtmlReport:
    """The default page of a synthetic graph of 5,000 nodes: a reduced view."""
    return to_html(synthetic_graph(5000), tmp_path_factory.mktemp("large") / "graph.html")


def page_nodes(text: str) -> dict[str, dict]:
    found = re.search(r"var rawNodes = (\[.*?\]);\n", text, re.S)
    assert found, "node data not found in page"
    return {n["id"]: n for n in json.loads(found.group(1))}


# --------------------------------------------------------------- structure


def test_html_report(page, rdf):
    report, _ = page
    assert report.nodes_shown == report.nodes_total == len(to_networkx(rdf)) == 20
    assert report.reduced is False
    assert [p.name for p in report.path.parent.iterdir()] == ["graph.html"]


def test_html_is_offline(page):
    _, text = page
    assert EXTERNAL.search(text) is None
    assert re.search(r"<script\b[^>]*\bsrc\s*=", text, re.I) is None
    assert re.search(r"<link\b", text, re.I) is None
    assert "bootstrap" not in text.lower()


def test_html_external_regex_catches_cdn_tags():
    assert EXTERNAL.search('<script src="https://cdn.example/x.js"></script>')
    assert EXTERNAL.search("<link rel=stylesheet href='//cdn.example/x.css'>")
    assert not EXTERNAL.search("<script>var u = 'https://example.org';</script>")


def test_html_inlines_vis_network(page):
    _, text = page
    assert "new vis.Network(" in text
    assert "vis-network" in text and "DataSet" in text
    assert len(text) > 300_000  # the library itself, not a reference to it


def test_html_escapes_graph_text(page):
    _, text = page
    assert RAW_SCRIPT not in text
    assert "<img src=x" not in text
    nodes = page_nodes(text)
    militia = nodes[NKR + "org-militia"]
    assert militia["label"] == f"Militia {RAW_SCRIPT} Front"  # canvas text, never parsed
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in militia["title"]
    assert "<script" not in militia["title"]
    velmora = nodes[NKR + "attack-velmora"]
    assert "&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" in velmora["title"]
    assert "<img" not in velmora["title"]
    for node in nodes.values():
        markup = set(re.findall(r"</?([a-zA-Z]+)", node["title"]))
        assert markup <= {"div", "b", "i", "span", "blockquote"}


def test_html_title_escaped(page):
    _, text = page
    assert "<title>Border &lt;b&gt;war&lt;/b&gt;</title>" in text
    assert "<b>war</b>" not in text


@pytest.mark.parametrize(
    ("iri", "label"),
    [
        ("attack-tarsk", "Tarsk · 5 killed, ≥27 injured"),
        ("attack-velmora", "Velmora · ≥13 killed, ~24 injured"),
        ("attack-drovny", "Drovny · 2–4 killed"),
        ("meeting-lisberg", "Meeting · Lisberg (planned)"),
        ("mediation-calderon", "Mediation · ceasefire"),
        ("city-tarsk", "Tarsk"),
        ("demand-withdrawal", "Norvania withdraws its troops from the border d…"),
    ],
)
def test_html_node_labels(page, iri, label):
    assert page_nodes(page[1])[NKR + iri]["label"] == label


@pytest.mark.parametrize(
    ("attrs", "text"),
    [
        ({"killed_min": 1, "killed_max": None, "injured_min": 61, "injured_max": None}, "≥1 killed, ≥61 injured"),
        ({"killed_min": 3, "killed_max": 3, "injured_min": 24, "injured_vague": True}, "3 killed, ~24 injured"),
        ({"injured_min": 5, "injured_max": 9}, "5–9 injured"),
        ({"missing_min": 4, "missing_max": 4}, "4 missing"),
        ({}, ""),
    ],
)
def test_html_casualty_summary(attrs, text):
    assert casualty_summary(attrs) == text


def test_html_event_hover_card(page):
    title = page_nodes(page[1])[NKR + "attack-tarsk"]["title"]
    for part in ["2031-03-14", "on Friday night", "killed: 5", "injured: ≥27", "ballistic missile",
                 "railway station", "A ballistic missile hit the railway station in Tarsk",
                 "Strikes continue as envoys prepare talks · 2031-03-18 · fixtures/border-dispatch.txt",
                 "https://example.org/news/rail-station-strike", "Ostrelia"]:
        assert part in title
    window = page_nodes(page[1])[NKR + "meeting-lisberg"]["title"]
    assert "2031-03-20 – 2031-03-22" in window and "planned" in window


@pytest.mark.parametrize(
    ("event_type", "label"),
    [("ShellingArtilleryMissile", "shelling/artillery/missile attack"), ("AirDroneStrike", "air/drone strike")],
)
def test_html_hover_card_shows_event_type(rdf, event_type, label):
    from kg.graph import event_type_triples

    attack = NKR + "attack-tarsk"
    assert "Event type" not in hover_card(to_networkx(rdf), attack)
    typed = rdflib.Graph()
    typed += rdf
    typed += event_type_triples(rdflib.URIRef(attack), event_type)
    G = to_networkx(typed)
    assert G.nodes[attack]["event_type"] == [label]
    card = hover_card(G, attack)
    assert f"<span class='nk-k'>Event type</span> {label}" in card
    assert len(G) == len(to_networkx(rdf))  # the concepts are not drawn


def test_html_styles_and_edges(page):
    _, text = page
    nodes = page_nodes(text)
    assert nodes[NKR + "attack-tarsk"]["shape"] == "star"
    assert nodes[NKR + "country-norvania"]["shape"] == "hexagon"
    assert nodes[NKR + "city-tarsk"]["cls"] == "City"
    edges = json.loads(re.search(r"var rawEdges = (\[.*?\]);\n", text, re.S).group(1))
    assert len(edges) == 30
    assert {e["label"] for e in edges} >= {"location", "attacker", "participant", "mediator", "party"}


def test_html_legend_and_controls(page):
    _, text = page
    for cls, count in [("Country", 3), ("City", 4), ("Attack", 3), ("Person", 3), ("Demand", 1)]:
        assert re.search(rf'data-cls="{cls}" checked>.*?{cls} \({count}\)', text, re.S)
    assert 'id="newskg-search"' in text
    assert 'network.on("click"' in text
    assert '"stabilizationIterationsDone"' in text and "physics: {enabled: false}" in text
    assert 'network.once("afterDrawing"' in text
    assert 'id="newskg-banner"' not in text


def test_html_state_exposed(page):
    _, text = page
    state = re.search(r"window\.newskg = (\{.*?\});", text).group(1)
    assert json.loads(state) == {"drawn": False, "nodeCount": 20, "nodesTotal": 20, "reduced": False}


def test_html_reduced_view(reduced_page, rdf):
    report, text = reduced_page
    assert report.reduced is True and report.nodes_total == 20
    assert 0 < report.nodes_shown <= 8
    assert 'id="newskg-banner"' in text and f"{report.nodes_shown} of 20 nodes shown" in text
    nodes = page_nodes(text)
    assert len(nodes) == report.nodes_shown
    assert NKR + "country-norvania" in nodes  # the most connected actor
    kinds = {n["cls"] for n in nodes.values()}
    assert kinds <= {"Person", "Organization", "Country", "Agent", "Attack", "Meeting", "Mediation", "Demand"}


@pytest.mark.parametrize("limit", [1, 5, 12, 19])
def test_html_reduce_view_respects_limit(rdf, limit):
    G = to_networkx(rdf)
    small = reduce_view(G, limit)
    assert 0 < len(small) <= limit
    assert find_node(G, "Norvania") in small


def test_html_overwrites_atomically(rdf, tmp_path):
    target = tmp_path / "out" / "g.html"
    to_html(rdf, target)
    first = target.read_text(encoding="utf-8")
    to_html(rdf, target, title="again")
    assert target.read_text(encoding="utf-8") != first
    assert [p.name for p in target.parent.iterdir()] == ["g.html"]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2031-03-14", "2031-03-14"),
        ("2031-03-14T08:00:00", "2031-03-14"),
        ("2031-3-14", None),
        ("2031-03-14<script>", None),
        ("'); alert(1); ('", None),
        (None, None),
        ("", None),
    ],
)
def test_html_iso_day(value, day):
    assert iso_day(value) == day


@pytest.mark.parametrize(
    ("data", "span"),
    [
        ({"kind": "event", "earliest": "2031-03-15", "latest": "2031-03-16"}, ("2031-03-15", "2031-03-16")),
        ({"kind": "event", "earliest": "2031-03-15"}, ("2031-03-15", "2031-03-15")),
        ({"kind": "event", "latest": "2031-03-16"}, ("2031-03-16", "2031-03-16")),
        ({"kind": "event", "earliest": "soon"}, None),
        ({"kind": "event"}, None),
        ({"kind": "actor", "earliest": "2031-03-15"}, None),
    ],
)
def test_html_date_span(data, span):
    assert date_span(data) == span


def test_html_event_dates_in_page(page):
    _, text = page
    nodes = page_nodes(text)
    assert (nodes[NKR + "attack-tarsk"]["start"], nodes[NKR + "attack-tarsk"]["end"]) == ("2031-03-14", "2031-03-14")
    assert (nodes[NKR + "attack-velmora"]["start"], nodes[NKR + "attack-velmora"]["end"]) == ("2031-03-15", "2031-03-16")
    assert (nodes[NKR + "meeting-lisberg"]["start"], nodes[NKR + "meeting-lisberg"]["end"]) == ("2031-03-20", "2031-03-22")
    dated = {n for n, d in nodes.items() if "start" in d}
    assert dated == {NKR + k for k in ("attack-tarsk", "attack-velmora", "attack-drovny", "meeting-lisberg")}
    assert re.search(r'id="newskg-from" type="date" min="2031-03-14" max="2031-03-22"', text)
    assert re.search(r'id="newskg-to" type="date" min="2031-03-14" max="2031-03-22"', text)
    assert "Events 2031-03-14 – 2031-03-22" in text


def test_html_no_date_control_without_dates(rdf, tmp_path):
    undated = rdflib.Graph()
    for s, p, o in rdf:
        if not str(p).endswith(("earliestDate", "latestDate")):
            undated.add((s, p, o))
    text = to_html(undated, tmp_path / "undated.html").path.read_text(encoding="utf-8")
    assert 'id="newskg-dates"' not in text
    assert all("start" not in n for n in page_nodes(text).values())


def test_html_large_graph_is_reduced(large_page):
    assert large_page.nodes_total == 5000 == sum(view_sizes(5000).values())
    assert large_page.reduced is True and large_page.nodes_shown == 1500
    text = large_page.path.read_text(encoding="utf-8")
    assert "1500 of 5000 nodes shown" in text
    assert len(page_nodes(text)) == 1500


# ----------------------------------------------------------------- browser


@pytest.mark.slow
@needs_chromium
def test_html_draws_in_chromium(page, rdf):
    report, _ = page
    run = load_page(report.path)
    state = run.state
    assert state["drawn"] is True
    assert state["nodeCount"] == len(to_networkx(rdf)) == 20
    assert state["renderedNodes"] == 20
    assert state["nodesTotal"] == 20 and state["reduced"] is False
    assert state["stabilized"] is True
    assert state["xss"] == "undefined"
    print(f"\nfirst draw {state['firstDrawMs']} ms after network creation, "
          f"{state['pageMs']} ms after navigation; browser run {run.seconds:.2f} s")


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("find=president%20petrell", {"selected": NKR + "person-anya-petrell", "highlighted": 3}),
        ("find=VELMORA", {"selected": NKR + "city-velmora", "highlighted": 4}),
        ("find=Atlantis", {}),
        ("hide=City,Region", {"visibleNodes": 15}),
        ("hide=Attack&find=Ostrelia", {"visibleNodes": 17, "selected": NKR + "country-ostrelia",
                                       "highlighted": 7}),
        # the meeting (20-22 March) and the Tarsk strike (14 March) fall outside
        ("from=2031-03-15&to=2031-03-17", {"visibleNodes": 18, "hiddenByDate": 2,
                                          "dateFrom": "2031-03-15", "dateTo": "2031-03-17"}),
        # Velmora's window (15-16 March) overlaps the range, so it stays
        ("from=2031-03-16", {"visibleNodes": 19, "hiddenByDate": 1, "dateFrom": "2031-03-16", "dateTo": None}),
        ("from=2031-03-21", {"visibleNodes": 17, "hiddenByDate": 3}),
        ("to=2031-03-14", {"visibleNodes": 17, "hiddenByDate": 3, "dateFrom": None, "dateTo": "2031-03-14"}),
        ("from=2031-04-01", {"visibleNodes": 16, "hiddenByDate": 4}),
        ("from=2031-03-18&to=2031-03-16", {"visibleNodes": 16, "hiddenByDate": 4}),
        ("from=yesterday&to=%3Cb%3E", {"visibleNodes": 20, "hiddenByDate": 0, "dateFrom": None, "dateTo": None}),
        ("hide=City,Region&from=2031-03-15&to=2031-03-17", {"visibleNodes": 13, "hiddenByDate": 2}),
        ("hide=Attack&to=2031-03-16", {"visibleNodes": 16, "hiddenByDate": 2}),
        ("from=2031-03-21&find=Tarsk", {"visibleNodes": 17, "selected": NKR + "city-tarsk"}),
    ],
)
def test_html_controls_in_chromium(page, fragment, expected):
    state = load_page(page[0].path, fragment=fragment).state
    assert state["drawn"] is True
    assert {k: state.get(k) for k in expected} == expected
    if not expected:
        assert "selected" not in state and "visibleNodes" not in state


@pytest.mark.slow
@needs_chromium
def test_html_chromium_detects_unescaped_markup(rdf, tmp_path, monkeypatch):
    """The XSS check is live: with escaping switched off, the injected handler runs."""
    monkeypatch.setattr(page_module, "_e", str)
    report = to_html(rdf, tmp_path / "unsafe.html")
    assert load_page(report.path).state["xss"] == "number"


@pytest.mark.slow
@needs_chromium
def test_html_reduced_page_in_chromium(reduced_page):
    report, _ = reduced_page
    run = load_page(report.path)
    assert run.state["drawn"] is True and run.state["reduced"] is True
    assert run.state["nodeCount"] == report.nodes_shown
    assert 'id="newskg-banner"' in run.dom and "Reduced view" in run.dom


@pytest.mark.slow
@needs_chromium
def test_html_screenshot_in_chromium(page, tmp_path):
    report, _ = page
    png = screenshot(report.path, tmp_path / "graph.png", width=1400, height=900)
    assert png_size(png) == (1400, 900)
    assert png.stat().st_size > 20_000  # a drawn graph, not a blank page


@pytest.mark.slow
@needs_chromium
def test_html_date_inputs_follow_fragment(page):
    run = load_page(page[0].path, fragment="from=2031-03-15&to=2031-03-17")
    assert run.state["visibleNodes"] == 18
    assert "2 events outside the dates" in run.dom
    assert re.search(r'<input id="newskg-from" type="date"[^>]*>', run.dom)


@pytest.mark.slow
@needs_chromium
def test_html_seed_page_in_chromium(seed_page):
    """The seed articles' page: casualty figures on the attacks, dates filter events only."""
    report, G = seed_page
    labels = [n["label"] for n in page_nodes(report.path.read_text(encoding="utf-8")).values()
              if n["cls"] == "Attack"]
    assert "Sumy · ≥34 killed" in labels
    assert all("killed" in label or "injured" in label for label in labels)

    start, end = "2025-04-01", "2025-04-15"
    outside = [n for n, d in G.nodes(data=True)
               if date_span(d) and (date_span(d)[1] < start or date_span(d)[0] > end)]
    assert outside, "the seed graph has events after 15 April"
    state = load_page(report.path, fragment=f"from={start}&to={end}").state
    assert state["drawn"] is True
    assert state["hiddenByDate"] == len(outside)
    assert state["visibleNodes"] == len(G) - len(outside)


@pytest.mark.slow
@needs_chromium
def test_html_large_graph_in_chromium(seed_page, large_page):
    """A 5,000-node graph opens as a reduced view; time to first draw is printed, not asserted."""
    seed = load_page(seed_page[0].path).state
    run = load_page(large_page.path, timeout=180)
    state = run.state
    assert state["drawn"] is True and state["reduced"] is True
    assert state["nodesTotal"] == 5000
    assert state["nodeCount"] == state["renderedNodes"] == 1500
    assert 'id="newskg-banner"' in run.dom and "1500 of 5000 nodes shown" in run.dom
    print(f"\nseed page ({seed['nodeCount']} nodes): first draw {seed['firstDrawMs']} ms, "
          f"page {seed['pageMs']} ms"
          f"\n5,000-node graph (reduced to {state['nodeCount']}): first draw {state['firstDrawMs']} ms, "
          f"page {state['pageMs']} ms; browser run {run.seconds:.2f} s")


HOSTILE_ARTICLE = (
    'Fighters of the <img src=x onerror="window.__xss=2"> Brigade killed two people in Goma on Monday, '
    'officials said. </script><script>window.__xss=1</script>\n\n'
    'Shelling killed three civilians in Kherson on Tuesday, the "<svg onload=window.__xss=3>" governor said.\n'
)


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("fragment", ["", "find=%3Cscript%3E", "find=Goma", "hide=City"])
def test_html_hostile_article_text_stays_inert_in_chromium(tmp_path, fragment):
    """Markup and script in an article's own text reach the page as text only, in every view."""
    from kg import api

    (tmp_path / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (tmp_path / "hostile.meta.json").write_text(
        json.dumps({"published": "2025-03-11", "title": "<script>window.__xss=4</script>"}), encoding="utf-8")
    graph, failures = api.build_graph([tmp_path / "hostile.txt"])
    assert not failures
    report = to_html(graph, tmp_path / "hostile.html")
    text = report.path.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in text and "<svg onload" not in text
    state = load_page(report.path, fragment=fragment).state
    assert state["drawn"] is True
    assert state["xss"] == "undefined"
