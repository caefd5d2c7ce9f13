"""The map and the timeline in matplotlib, from the event table."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from kg.export.events import event_frame  # noqa: E402
from kg.export.figures import marker_radius, plot_event_map, plot_event_timeline, type_colours  # noqa: E402
from kg.export.network import load_styles  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "map.ttl"


@pytest.fixture(scope="module")
def frame():
    return event_frame(rdflib.Graph().parse(FIXTURE))


def test_figures_map_draws_every_placed_event(frame):
    import matplotlib.pyplot as plt

    ax = plot_event_map(frame)
    points = sum(len(c.get_offsets()) for c in ax.collections[1:])
    assert points == int(frame["lon"].notna().sum()) == 8
    assert len(ax.collections[0].get_paths()) > 200  # the country outlines
    assert "8 of 11 events placed" in ax.get_title()
    x0, x1 = ax.get_xlim()
    assert x0 < -107.4 and x1 > 97.7  # Culiacán to Lashio
    plt.close(ax.figure)


def test_figures_timeline_stacks_events_per_day(frame):
    import matplotlib.pyplot as plt

    top, bottom = plot_event_timeline(frame)
    heights = {}
    for bar in top.patches:
        day = round(bar.get_x())
        heights[day] = heights.get(day, 0) + bar.get_height()
    assert sum(heights.values()) == int(frame["start"].notna().sum()) == 8
    assert max(heights.values()) == 2  # two events on 6 May
    assert sum(b.get_height() for b in bottom.patches) == 53  # killed, the headline figure of each
    plt.close(top.figure)


@pytest.mark.parametrize(("killed", "radius"), [(0, 3.0), (1, 4.6), (100, 19.0), (10_000, 28.0)])
def test_figures_marker_radius_as_the_page(killed, radius):
    assert marker_radius(killed) == pytest.approx(radius)


def test_figures_colours_are_the_page_colours(frame):
    colours = type_colours(frame)
    assert list(colours)[:3] == ["AirDroneStrike", "RemoteExplosive", "ArmedClash"]
    assert colours == {t: load_styles()["event_types"][t] for t in colours}
