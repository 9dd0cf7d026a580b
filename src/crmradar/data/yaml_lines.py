"""Line numbers for YAML files users edit (scenarios, levers, portfolios), so errors can name the line."""

from __future__ import annotations

import yaml


def yaml_line_map(node: yaml.Node, path: str = "", out: dict[str, int] | None = None) -> dict[str, int]:
    """Key path (``technologies.bev_car.trajectory[2].low``) → 1-based line number, from ``yaml.compose``."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            out[child] = key.start_mark.line + 1
            yaml_line_map(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yaml_line_map(item, f"{path}[{index}]", out)
    return out
