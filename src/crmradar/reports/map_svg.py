"""Server-side SVG map: region outlines and coloured points, no tiles, no script, no external requests.

Projection: equirectangular around the mid-latitude φ0 of the view (x = (λ − λmin)·cos φ0·s,
y = (φmax − φ)·s, s = width / ((λmax − λmin)·cos φ0)); distortion is below 1 % over Zuid-Holland and about
3 % at the edges of the NL–BE–NRW view. Points that fall on the same pixel (several sites placed at one
region centroid) are spread on a small circle around it with a spoke to the true position, so each stays
visible and hoverable; the spread is display only.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from crmradar.region import geometry
from crmradar.reports.map_layers import STAGES, MapPoint

SPREAD_PX = 11.0


@dataclass(frozen=True)
class Layer:
    """Regions drawn with one style: ``css`` is the class of their paths, ``label`` their tooltip prefix."""

    features: Sequence[dict]
    css: str
    label: str = ""


class Projection:
    """Equirectangular projection of a lon/lat box onto ``width`` px (see module docstring)."""

    def __init__(self, box: tuple[float, float, float, float], width: float, pad: float = 0.04):
        lon0, lat0, lon1, lat1 = box
        dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
        self.lon0, self.lat0, self.lon1, self.lat1 = lon0 - dx, lat0 - dy, lon1 + dx, lat1 + dy
        self.kx = math.cos(math.radians((self.lat0 + self.lat1) / 2))
        self.scale = width / ((self.lon1 - self.lon0) * self.kx)
        self.width = width
        self.height = (self.lat1 - self.lat0) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.kx * self.scale, (self.lat1 - lat) * self.scale


def _path(geom: dict, project: Projection) -> str:
    parts = []
    for polygon in geometry.polygons(geom):
        for ring in polygon:
            xy = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


def _positions(points: Sequence[MapPoint], project: Projection) -> list[tuple[float, float, float, float]]:
    """(x, y, anchor x, anchor y) per point: coincident points spread on a circle around their anchor."""
    anchors = [project(p.lon, p.lat) for p in points]
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (x, y) in enumerate(anchors):
        groups[(round(x / 4), round(y / 4))].append(i)
    out = [(x, y, x, y) for x, y in anchors]
    for members in groups.values():
        if len(members) < 2:
            continue
        radius = SPREAD_PX * max(1.0, len(members) / 6)
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / len(members) - math.pi / 2
            ax, ay = anchors[i]
            out[i] = (ax + radius * math.cos(angle), ay + radius * math.sin(angle), ax, ay)
    return out


def _marker(point: MapPoint, x: float, y: float, label: str) -> str:
    colour = STAGES.get(point.stage, "#000000")
    title = f"<title>{escape(label)}</title>"
    if point.kind == "facility":
        return (f'<rect class="pt" x="{x - 5.5:.1f}" y="{y - 5.5:.1f}" width="11" height="11" fill="{colour}">'
                f"{title}</rect>")
    if point.kind == "workspace":
        return (f'<path class="pt" d="M{x:.1f},{y - 7:.1f}L{x + 7:.1f},{y:.1f}L{x:.1f},{y + 7:.1f}'
                f'L{x - 7:.1f},{y:.1f}Z" fill="{colour}">{title}</path>')
    return f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}">{title}</circle>'


def render(layers: Sequence[Layer], points: Sequence[MapPoint], labels: Sequence[str], *, box, title: str,
           description: str, ident: str, width: float = 480.0) -> str:
    """An accessible inline SVG (``role="img"`` with title and description) of ``layers`` and ``points``.

    ``labels[i]`` is the tooltip of ``points[i]``; ``box`` the (min lon, min lat, max lon, max lat) shown.
    """
    project = Projection(box, width)
    body = []
    for layer in layers:
        for feature in layer.features:
            name = feature["properties"].get("name", feature["properties"]["id"])
            tip = f"{layer.label}: {name}" if layer.label else name
            body.append(f'<path class="{layer.css}" d="{_path(feature["geometry"], project)}">'
                        f"<title>{escape(tip)}</title></path>")
    positions = _positions(points, project)
    for (x, y, ax, ay) in positions:
        if (x, y) != (ax, ay):
            body.append(f'<line class="spoke" x1="{ax:.1f}" y1="{ay:.1f}" x2="{x:.1f}" y2="{y:.1f}"/>')
    for point, label, (x, y, _ax, _ay) in zip(points, labels, positions, strict=True):
        body.append(_marker(point, x, y, label))
    return (f'<svg class="map" viewBox="0 0 {project.width:.0f} {project.height:.0f}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
            + "".join(body) + "</svg>")
