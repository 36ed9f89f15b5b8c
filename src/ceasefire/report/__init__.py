"""The daily situation report, in the manner of a monitoring mission's daily report
(the OSCE Special Monitoring Mission's are the model): summary, new events by area,
violations per truce, casualties with ranges and their sources, access updates, a map
and a chart. HTML is one self-contained file (images inline as data URIs); PDF is the
same HTML rendered by WeasyPrint.
"""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from ceasefire.report.data import build_report

__all__ = ["build_report", "render_html", "render_pdf"]


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("ceasefire.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["long_date"] = lambda d: (date.fromisoformat(d) if isinstance(d, str) else d).strftime("%A %-d %B %Y") if d else ""
    env.filters["join_or"] = lambda xs, empty="—": "; ".join(xs) if xs else empty
    return env


def render_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (report text is escaped: it is untrusted)."""
    from ceasefire.report.figures import event_map, events_chart

    day = data["day"]
    where = f" — {data['area']}" if data.get("area") else ""
    images = {
        "map": _data_uri(event_map(data["events"], area=data.get("area"), title=f"Events of {day:%-d %B %Y}{where}")),
        "chart": _data_uri(events_chart(data["chart"]["days"], title=f"Events per day by type, {data['chart']['start']:%-d %b} – {day:%-d %b %Y}")),
    }
    return _environment().get_template("daily.html.j2").render(r=data, images=images)


def render_pdf(data: dict[str, Any]) -> bytes:
    """The report as PDF (A4), rendered from the HTML with WeasyPrint."""
    from weasyprint import HTML

    return HTML(string=render_html(data)).write_pdf()
