"""Bounded YAML reading for files users edit (scenarios, levers, portfolios), with line numbers for errors.

User files are untrusted: a few hundred bytes of aliases can expand to gigabytes (a "billion laughs"), and a
deeply nested ``[[[[…`` overflows the recursive composer. :func:`compose_bounded` therefore refuses

* files larger than :data:`MAX_BYTES`,
* more than :data:`MAX_ALIASES` alias references (``*name``),
* nesting deeper than :data:`MAX_DEPTH` levels,
* a key repeated within one mapping (YAML forbids it; PyYAML silently keeps the last value),

each with a one-line :class:`YamlFileError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 1_000_000
MAX_ALIASES = 10
MAX_DEPTH = 32


class YamlFileError(ValueError):
    """A YAML file that cannot be read or parsed; the message names the file (and line when known)."""


class _LimitExceeded(yaml.MarkedYAMLError):
    pass


class LimitedLoader(yaml.SafeLoader):
    """SafeLoader whose composer counts aliases and nesting depth (use with ``yaml.compose(text, Loader=...)``)."""

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def construct_object(self, node, deep=False):
        """A value the tag cannot hold (``2024-13-45``, ``!!int abc``) is a marked YAML error, not a ValueError."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as error:
            raise ConstructorError(None, None, f"{node.value!r} is not a valid value ({error})",
                                   node.start_mark) from None

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _LimitExceeded(problem=f"more than {MAX_ALIASES} aliases (*name); write the values out",
                                     problem_mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitExceeded(problem=f"nested deeper than {MAX_DEPTH} levels",
                                     problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1



class BoundedLoader(LimitedLoader):
    """:class:`LimitedLoader` that also rejects a key repeated within one mapping."""

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(anchor)
        seen: set[tuple[str, str]] = set()
        for key, _ in node.value:
            if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            if (key.tag, key.value) in seen:
                raise _LimitExceeded(problem=f"duplicate key {key.value!r}", problem_mark=key.start_mark)
            seen.add((key.tag, key.value))
        return node


def _describe(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = f"line {mark.line + 1}: " if mark is not None else ""
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{line}could not parse YAML ({reason})"


def compose_bounded(text: str, name: str) -> tuple[Node | None, object]:
    """Compose and construct one YAML document within the limits above; ``name`` is used in messages.

    Returns ``(node, data)``; raises :class:`YamlFileError` (``"<name>: line N: could not parse YAML (...)"``).
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlFileError(f"{name}: file larger than {MAX_BYTES // 1000} kB; refused")
    loader = None
    try:
        loader = BoundedLoader(text)  # the reader already refuses non-printable characters here
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise YamlFileError(f"{name}: {_describe(error)}") from None
    except RecursionError:  # pragma: no cover - the depth limit fires first
        raise YamlFileError(f"{name}: could not parse YAML (nested too deeply)") from None
    finally:
        if loader is not None:
            loader.dispose()
    return node, data


def yaml_line_map(node: Node, path: str = "", out: dict[str, int] | None = None) -> dict[str, int]:
    """Key path (``technologies.bev_car.trajectory[2].low``) → 1-based line number of a composed node.

    A node reached again through an alias is not walked twice (its lines are those of the anchor).
    """
    out = {} if out is None else out
    _walk(node, path, out, set())
    return out


def _walk(node: Node, path: str, out: dict[str, int], seen: set[int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            out[child] = key.start_mark.line + 1
            _walk(value, child, out, seen)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{path}[{index}]", out, seen)


def read_yaml_with_lines(path: Path, what: str = "file") -> tuple[object, dict[str, int]]:
    """Parse a user-edited YAML file; return its data and the key path → line map.

    Raises :class:`YamlFileError` with ``"<name>: cannot read <what> (...)"`` or
    ``"<name>: line N: could not parse YAML (...)"``.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise YamlFileError(f"{path.name}: {what} larger than {MAX_BYTES // 1000} kB; refused")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise YamlFileError(f"{path.name}: cannot read {what} ({reason})") from None
    node, data = compose_bounded(text, path.name)
    return data, (yaml_line_map(node) if node is not None else {})
