"""The report's map and chart, drawn with matplotlib (Agg) and returned as PNG bytes."""

from __future__ import annotations

import io
import math
from collections import Counter
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server or in a test
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402

from ceasefire.report import geo  # noqa: E402

# The dashboard's colours, so a reader moving between them sees the same types.
TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#34495e",
    "Humanitarian access": "#27ae60",
}
LAND, NEIGHBOUR, SEA, EDGE, ADMIN_EDGE, VIOLATION = "#f4f1ea", "#e3e0d8", "#dbe7f0", "#8a97a6", "#9aa5b1", "#a4161a"
DEFAULT_COUNTRY = "SY"


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buf.getvalue()


def _frame(events: list[dict[str, Any]], country: str, area: str | None) -> tuple[float, float, float, float]:
    """The map's box: the area's governorate if named, else the country, widened to every event."""
    box = None
    if area:
        for name, rings in geo.admin1_areas(country):
            if name.casefold() == area.casefold() or area.casefold() in name.casefold():
                pts = [p for r in rings for p in r]
                box = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
                break
    box = box or geo.country_box(country)
    pts = [(e["lon"], e["lat"]) for e in events if e.get("lat") is not None and e.get("lon") is not None]
    if box is None and not pts:
        return 35.5, 32.0, 42.5, 37.5  # Syria, the conflict this tool was first built for
    xs = [p[0] for p in pts] + ([box[0], box[2]] if box else [])
    ys = [p[1] for p in pts] + ([box[1], box[3]] if box else [])
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    pad = max(east - west, north - south, 0.5) * 0.06
    return west - pad, south - pad, east + pad, north + pad


def _largest_ring_centre(rings: list[list[tuple[float, float]]]) -> tuple[float, float] | None:
    if not rings:
        return None
    ring = max(rings, key=len)
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def event_map(events: list[dict[str, Any]], area: str | None = None, title: str | None = None) -> bytes:
    """A map of the day's events: country and governorate outlines, events as circles
    coloured by type and sized by fatalities, violations ringed in red, places labelled."""
    countries = Counter(e.get("country") for e in events if e.get("country"))
    country = countries.most_common(1)[0][0] if countries else DEFAULT_COUNTRY
    west, south, east, north = _frame(events, country, area)
    fig, ax = plt.subplots(figsize=(7.2, 5.6))
    ax.set_facecolor(SEA)
    for _name, rings in geo.countries_in(west, south, east, north):
        for r in rings:
            ax.add_patch(Polygon(r, closed=True, facecolor=NEIGHBOUR, edgecolor=EDGE, linewidth=0.6, zorder=1))
    located = [(e["lon"], e["lat"]) for e in events if e.get("lat") is not None and e.get("lon") is not None]
    near = max(east - west, north - south) * 0.05
    for name, rings in geo.admin1_areas(country):
        for r in rings:
            ax.add_patch(Polygon(r, closed=True, facecolor=LAND, edgecolor=ADMIN_EDGE, linewidth=0.5, linestyle=(0, (3, 2)), zorder=2))
        c = _largest_ring_centre(rings)
        clear = all(abs(c[0] - x) > near or abs(c[1] - y) > near for x, y in located) if c else False
        if c and clear and west < c[0] < east and south < c[1] < north and "Observer" not in name:
            ax.text(c[0], c[1], name, fontsize=6.5, color="#6b7683", style="italic", ha="center", va="center", zorder=3)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    labels: dict[str, tuple[float, float, float]] = {}  # place -> (lon, lat, weight)
    for e in sorted(events, key=lambda e: -(e.get("fatalities_best") or 0)):
        if e.get("lat") is None or e.get("lon") is None:
            continue
        size = 40 + 28 * math.sqrt(e.get("fatalities_best") or 0)
        colour = TYPE_COLOURS.get(e.get("event_type") or "", "#34495e")
        if e.get("violations"):
            ax.scatter([e["lon"]], [e["lat"]], s=size * 2.2, facecolors="none", edgecolors=VIOLATION, linewidths=1.6, zorder=5)
        ax.scatter([e["lon"]], [e["lat"]], s=size, c=colour, edgecolors="#1b1f24", linewidths=0.7, alpha=0.9, zorder=6)
        label = (e.get("place") or "").split(",")[0]
        if label:
            weight = (e.get("fatalities_best") or 0) + (100 if e.get("violations") else 0) + 1
            lon, lat, w = labels.get(label, (e["lon"], e["lat"], 0))
            labels[label] = (lon, lat, w + weight)
    _place_labels(ax, fig, labels)
    ax.tick_params(labelsize=7, colors="#4a5360")
    ax.set_xlabel("longitude (°E)", fontsize=7, color="#4a5360")
    ax.set_ylabel("latitude (°N)", fontsize=7, color="#4a5360")
    ax.grid(color="white", linewidth=0.4, alpha=0.6)
    present = [t for t in TYPE_COLOURS if any(e.get("event_type") == t for e in events)]
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=TYPE_COLOURS[t],
                          markeredgecolor="#1b1f24", label=t) for t in present]
    if any(e.get("violations") for e in events):
        handles.append(plt.Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor="none",
                                  markeredgecolor=VIOLATION, markeredgewidth=1.6, label="ceasefire violation"))
    if handles:
        ax.legend(handles=handles, loc="lower right", fontsize=6.5, framealpha=0.9, title="circle size: fatalities", title_fontsize=6.5)
    if title:
        ax.set_title(title, fontsize=9, loc="left")
    if not any(e.get("lat") is not None for e in events):
        ax.text((west + east) / 2, (south + north) / 2, "no located events on this day", ha="center", fontsize=9, color="#4a5360", zorder=8)
    return _png(fig)


def _place_labels(ax, fig, labels: dict[str, tuple[float, float, float]]) -> None:
    """Label places, most important first, in the first of four positions around the point
    that overlaps no label already placed; a label with no free position is left out
    (its events still show, and the text lists every place)."""
    fig.canvas.draw()
    to_px = ax.transData.transform
    px_per_pt = fig.dpi / 72
    taken: list[tuple[float, float, float, float]] = []
    for label, (lon, lat, _w) in sorted(labels.items(), key=lambda kv: -kv[1][2]):
        x, y = to_px((lon, lat))
        w, h = (len(label) * 4.6 + 6) * px_per_pt, 11 * px_per_pt
        for dx, dy, ha, va in ((6, 5, "left", "bottom"), (6, -5, "left", "top"), (-6, 5, "right", "bottom"), (-6, -5, "right", "top")):
            x0 = x + dx * px_per_pt - (w if ha == "right" else 0)
            y0 = y + dy * px_per_pt - (h if va == "top" else 0)
            box = (x0, y0, x0 + w, y0 + h)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in taken):
                taken.append(box)
                ax.annotate(label, (lon, lat), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=7.5,
                            weight="bold", color="#1b1f24", zorder=7,
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
                break


def events_chart(days: dict[str, dict[str, int]], title: str | None = None) -> bytes:
    """Events per day by type (stacked bars) over the days before the report's date."""
    labels = list(days)
    fig, ax = plt.subplots(figsize=(7.2, 2.6))
    bottoms = [0] * len(labels)
    types = [t for t in TYPE_COLOURS if any(t in d for d in days.values())]
    types += sorted({t for d in days.values() for t in d} - set(types))
    for t in types:
        values = [days[d].get(t, 0) for d in labels]
        ax.bar(range(len(labels)), values, bottom=bottoms, color=TYPE_COLOURS.get(t, "#7f8c8d"), label=t, width=0.7,
               edgecolor="white", linewidth=0.5)
        bottoms = [b + v for b, v in zip(bottoms, values)]
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels([date.fromisoformat(d).strftime("%a %d %b") for d in labels], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("events", fontsize=7)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    if types:
        ax.legend(fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        ax.text(0.5, 0.5, "no events in these days", transform=ax.transAxes, ha="center", fontsize=8, color="#4a5360")
    if title:
        ax.set_title(title, fontsize=9, loc="left")
    return _png(fig)
