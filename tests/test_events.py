"""The event table of the map and the timeline, and the geography it stands on."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kg import api
from kg.export import geo
from kg.export.events import event_frame, event_records, position_note

FIXTURE = Path(__file__).parent / "fixtures" / "map.ttl"
NKR = "https://w3id.org/newskg/resource/"


@pytest.fixture(scope="module")
def frame():
    return event_frame(rdflib.Graph().parse(FIXTURE)).set_index("event")


@pytest.mark.parametrize(
    ("event", "place", "placed_by", "approximate", "country"),
    [
        ("attack-mopti", "Mopti", "place", False, "Mali"),
        ("attack-bunia", "Bunia", "place", False, "DR Congo"),
        ("meeting-lashio", "Lashio", "place", False, "Myanmar"),
        # a town GeoNames does not know: the centre of its region's known towns
        ("attack-kalto", "Kalto", "region", True, "DR Congo"),
        # a place known only by its country: the country's centre
        ("attack-tamar", "Tamar wadi", "country", True, "Mali"),
        # nothing to place it by
        ("attack-quarry", None, None, False, None),
        ("attack-unplaced", None, None, False, None),
        ("mediation-keita", None, None, False, None),
    ],
)
def test_events_placed_by_the_most_precise_place(frame, event, place, placed_by, approximate, country):
    row = event_records(frame.reset_index().query("event == @NKR + @event"))[0]
    assert (row["place"], row["placed_by"], row["approximate"], row["country"]) == (place, placed_by, approximate, country)
    assert (row["lon"] is None) == (placed_by is None)


@pytest.mark.parametrize(
    ("event", "lon", "lat"),
    [
        ("attack-mopti", -4.18, 14.48),    # GeoNames' Mopti
        ("attack-kalto", 30.25, 1.56),     # Bunia, the one known town of Ituri
        ("attack-tamar", -3.5, 17.3),      # the middle of Mali
        ("meeting-sittwe", 92.9, 20.15),
    ],
)
def test_events_coordinates(frame, event, lon, lat):
    row = frame.loc[NKR + event]
    assert row["lon"] == pytest.approx(lon, abs=0.1) and row["lat"] == pytest.approx(lat, abs=0.1)


@pytest.mark.parametrize(
    ("event", "kind", "type", "label", "killed", "attackers", "start", "end"),
    [
        ("attack-segou", "Attack", "ArmedClash", "armed clash", 12, ["Mali", "Northern Front"], "2031-05-03", "2031-05-04"),
        ("attack-culiacan", "Attack", "Attack", "attack of unknown type", None, ["Sierra Cartel"], "2031-05-06", "2031-05-06"),
        ("meeting-sittwe", "Meeting", "Meeting", "meeting", None, [], "2031-05-05", "2031-05-05"),
        ("attack-quarry", "Attack", "ArmedClash", "armed clash", None, [], None, None),
    ],
)
def test_events_kind_type_killed_and_days(frame, event, kind, type, label, killed, attackers, start, end):
    row = event_records(frame.reset_index().query("event == @NKR + @event"))[0]
    assert (row["kind"], row["type"], row["type_label"]) == (kind, type, label)
    assert (row["killed"], row["attackers"], row["start"], row["end"]) == (killed, attackers, start, end)


def test_events_one_row_per_event_as_sparql_counts(frame):
    graph = rdflib.Graph().parse(FIXTURE)
    counts = api.query(graph, """SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {
        VALUES ?c { nkg:Attack nkg:Meeting nkg:Mediation } ?e a ?c } GROUP BY ?c""")
    expected = {str(r.c).rsplit("#")[-1]: int(r.n) for r in counts.itertuples()}
    assert frame["kind"].value_counts().to_dict() == expected == {"Attack": 8, "Meeting": 2, "Mediation": 1}


@pytest.mark.parametrize(
    ("row", "note"),
    [
        ({"approximate": False, "placed_by": "place"}, None),
        ({"approximate": True, "placed_by": "region", "country": "DR Congo"}, "approximate: drawn at its region's centre"),
        ({"approximate": True, "placed_by": "country", "country": "Mali"},
         "approximate: drawn at the centre of its country (Mali)"),
    ],
)
def test_events_position_note(row, note):
    assert position_note(row) == note


@pytest.mark.parametrize(
    ("iri", "gid"),
    [("https://sws.geonames.org/2453348/", 2453348), ("https://sws.geonames.org/2453348", 2453348),
     ("http://example.org/2453348/", None), ("https://sws.geonames.org/abc/", None), (None, None)],
)
def test_geo_geonames_id(iri, gid):
    assert geo.geonames_id(iri) == gid


@pytest.mark.parametrize(
    ("code", "lon_range", "lat_range"),
    [
        ("804", (28, 36), (46, 52)),     # Ukraine
        ("706", (42, 49), (2, 10)),      # Somalia
        ("643", (80, 110), (55, 68)),    # Russia, across the antimeridian
        ("840", (-105, -92), (35, 44)),  # the United States' lower 48 states
        ("170", (-76, -71), (1, 7)),     # Colombia
    ],
)
def test_geo_country_centre_lies_inside_the_country(code, lon_range, lat_range):
    lon, lat = geo.country_centre(code)
    assert lon_range[0] < lon < lon_range[1] and lat_range[0] < lat < lat_range[1]


def test_geo_country_outlines_decode_to_degrees():
    rings = geo.country_rings()
    assert len(rings) > 200
    ukraine = [p for ring in rings["804"] for p in ring]
    assert min(p[0] for p in ukraine) == pytest.approx(22.1, abs=0.3)
    assert max(p[1] for p in ukraine) == pytest.approx(52.4, abs=0.3)
    assert geo.country_code(2453866) == "466" and geo.country_code(123) is None
    assert geo.place_point(2453348) == pytest.approx((-4.18296, 14.4843))
