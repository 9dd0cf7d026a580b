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


class YamlFileError(ValueError):
    """A YAML file that cannot be read or parsed; the message names the file (and line when known)."""


def read_yaml_with_lines(path, what: str = "file") -> tuple[object, dict[str, int]]:
    """Parse a user-edited YAML file; return its data and the key path → line map.

    Raises :class:`YamlFileError` with ``"<name>: cannot read <what> (...)"`` or
    ``"<name>: line N: could not parse YAML (...)"``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise YamlFileError(f"{path.name}: cannot read {what} ({error})") from error
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise YamlFileError(f"{path.name}: {line}could not parse YAML ({reason})") from None
    return data, (yaml_line_map(node) if node is not None else {})
