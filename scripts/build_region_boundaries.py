"""Build ``data/package/data/region_boundaries.geojson`` from the two extracts described in
``src/crmradar/data/curation/region_boundaries.md``.

    python scripts/build_region_boundaries.py CBS_EXTRACT.json GISCO_EXTRACT.json [GEMEENTE_EXTRACT.json]

CBS_EXTRACT: ``{"NL361": <Polygon or MultiPolygon coordinates>, ...}`` — the six Zuid-Holland COROP areas of
the CBS/PDOK generalised map 2024 (CR25–CR30, re-keyed to their NUTS 2024 codes); GISCO_EXTRACT: ``{"NL": ...,
"BE": ..., "DEA": ...}`` from Eurostat GISCO NUTS 2024, 1:60 million. The NUTS-3 rings are simplified with
Douglas–Peucker at TOLERANCE_DEG; the GISCO rings are used as published (already generalised to 1:60 million).
GEMEENTE_EXTRACT: ``{"GM0599": {"name": ..., "parent": "NL366", "coordinates": ...}}`` — municipalities that hold
a shipped project site, from the CBS/PDOK generalised municipality map 2024 (same tolerance as NUTS-3).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crmradar.region import geometry

TOLERANCE_DEG = 0.001  # about 70 m east-west and 110 m north-south at 52° N
NAMES = {"NL361": "Agglomeratie 's-Gravenhage", "NL362": "Delft en Westland",
         "NL363": "Agglomeratie Leiden en Bollenstreek", "NL364": "Zuidoost-Zuid-Holland",
         "NL365": "Oost-Zuid-Holland", "NL366": "Groot-Rijnmond",
         "NL": "Nederland", "BE": "Belgique/België", "DEA": "Nordrhein-Westfalen"}
COROP = {"NL361": "CR26", "NL362": "CR27", "NL363": "CR25", "NL364": "CR30", "NL365": "CR28", "NL366": "CR29"}
OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package" / geometry.BOUNDARIES_FILE


def _geometry(coordinates) -> dict:
    multi = isinstance(coordinates[0][0][0], list)
    return {"type": "MultiPolygon" if multi else "Polygon", "coordinates": coordinates}


def _simplified(coordinates) -> dict:
    geom = _geometry(coordinates)
    simplified = [[geometry.simplify_ring(ring, TOLERANCE_DEG) for ring in poly] for poly in geometry.polygons(geom)]
    return {"type": geom["type"], "coordinates": simplified if geom["type"] == "MultiPolygon" else simplified[0]}


def main(cbs_path: str, gisco_path: str, gemeente_path: str | None = None) -> None:
    cbs, gisco = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (cbs_path, gisco_path))
    features = []
    for code in sorted(cbs):
        features.append({"type": "Feature", "properties": {
            "id": code, "name": NAMES[code], "level": 3, "parent": "NL36", "corop": COROP[code],
            "source_id": "cbs_pdok_gebiedsindelingen_2024"}, "geometry": _simplified(cbs[code])})
    for code, level in (("NL", 0), ("BE", 0), ("DEA", 1)):
        features.append({"type": "Feature", "properties": {
            "id": code, "name": NAMES[code], "level": level, "source_id": "eurostat_gisco_nuts2024_60m"},
            "geometry": _geometry(gisco[code])})
    gemeenten = json.loads(Path(gemeente_path).read_text(encoding="utf-8")) if gemeente_path else {}
    for code in sorted(gemeenten):
        row = gemeenten[code]
        features.append({"type": "Feature", "properties": {
            "id": code, "name": row["name"], "level": "gemeente", "parent": row["parent"],
            "source_id": "cbs_pdok_gebiedsindelingen_2024"}, "geometry": _simplified(row["coordinates"])})
    collection = {"type": "FeatureCollection", "name": "region_boundaries", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    text = text.replace('{"type":"Feature"', '\n{"type":"Feature"')
    OUT.write_text(text + "\n", encoding="utf-8")
    before = sum(len(r) for c in cbs.values() for p in geometry.polygons(_geometry(c)) for r in p)
    after = sum(len(r) for f in features[:len(cbs)] for p in geometry.polygons(f["geometry"]) for r in p)
    print(f"{OUT}: {len(text):,} bytes; NUTS-3 vertices {before} -> {after} (tolerance {TOLERANCE_DEG} deg)")


if __name__ == "__main__":
    main(*sys.argv[1:4])
