"""Fast seeded mutations of valid files for long fuzz runs (``scripts/fuzz.py --long``).

Hypothesis draws one integer per input; :class:`random.Random` seeded with it picks a valid seed file and a
few byte-, line- or token-level edits. Cheap to generate, so the run time goes into the parsers.
"""

from __future__ import annotations

import io
import random
from functools import lru_cache
from pathlib import Path

NASTY_BYTES = [b"", b'"', b",", b";", b"\n", b"\r", b"\x00", b"\xff\xfe", b"\xc3", b"1e308", b"-1", b"nan", b"=",
               b"*a", b"&a [", b"{{{{", b"[" * 40, b"\t", b"\xef\xbb\xbf", b"9" * 30, b": ", b"- ", b"'"]


def mutate_bytes(content: bytes, rng: random.Random) -> bytes:
    """1–4 random edits: overwrite, insert or delete bytes, splice in a hostile token, duplicate or cut."""
    data = bytearray(content)
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, max(len(data) - 1, 0))
        kind = rng.randrange(6)
        if kind == 0 and data:
            data[position] = rng.randrange(256)
        elif kind == 1:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del data[position:position + rng.randint(1, 16)]
        elif kind == 3:
            data[position:position] = rng.choice(NASTY_BYTES)
        elif kind == 4:
            end = min(len(data), position + rng.randint(1, 64))
            data[position:position] = data[position:end]
        else:
            del data[rng.randint(0, len(data)):]
    return bytes(data)


def mutate_text(text: str, rng: random.Random) -> str:
    """Line- and token-level edits of a text file (YAML, CSV), then sometimes a byte-level edit."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines))
        kind = rng.randrange(6)
        nasty = rng.choice(["", '"', "'", ",", ";", ".nan", ".inf", "-.inf", "1.0e+308", "-1", "1e30", "~", "null",
                            "[", "{", "*a", "&a", "- x", "a: b", "  ", "\t", "yes", "2050", "0", "é" * 20,
                            "!!binary AAAA", "<<: *a"])
        if kind == 0 and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {nasty}\n"
        elif kind == 1:
            words = lines[index].split(" ")
            words[rng.randrange(len(words))] = nasty
            lines[index] = " ".join(words)
        elif kind == 2:
            lines.insert(index, nasty + "\n")
        elif kind == 3 and len(lines) > 1:
            del lines[index]
        elif kind == 4:
            lines.insert(index, lines[rng.randrange(len(lines))])
        else:
            lines[index] = " " * rng.randint(0, 8) + lines[index].lstrip()
    out = "".join(lines)
    if rng.randrange(8) == 0:
        out = mutate_bytes(out.encode("utf-8"), rng).decode("utf-8", errors="replace")
    return out


@lru_cache(maxsize=8)
def small_seed(kind: str) -> str:
    """A short valid seed file (the shipped one cut to a few entries), so long runs stay quick."""
    import yaml
    from fuzz_targets import _shipped

    text = _shipped(kind)
    tree = yaml.safe_load(text)
    if kind == "scenario":
        tree["technologies"] = dict(list(tree["technologies"].items())[:2])
        tree.pop("mix", None)
    elif kind == "levers":
        tree["levers"] = dict(list(tree["levers"].items())[:2])
        tree["packages"] = {}
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


@lru_cache(maxsize=1)
def _csv_seeds() -> list[bytes]:
    from crmradar.procurement.files import __file__ as files_module

    example = (Path(files_module).parent / "examples" / "provincie_inkoop_voorbeeld.csv").read_bytes()
    head = b"\n".join(example.splitlines()[:10]) + b"\n"
    return [head, head.replace(b",", b";"), head.decode("utf-8").encode("utf-8-sig")]


def fast_purchase_csv(rng: random.Random) -> bytes:
    return mutate_bytes(rng.choice(_csv_seeds()), rng) if rng.randrange(3) else \
        mutate_text(rng.choice(_csv_seeds()).decode("utf-8", errors="replace"), rng).encode("utf-8")


@lru_cache(maxsize=1)
def _xlsx_seeds() -> list[bytes]:
    import openpyxl

    seeds = []
    rng = random.Random(17)
    for number in range(40):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("lijst")
        sheet.append(["cpv", "omschrijving", "aantal", "eenheid", "waarde_eur", "jaar"][: 3 + number % 4])
        for _ in range(rng.randint(0, 6)):
            sheet.append([rng.choice(["30213100-6", "09331200", 30213100, 9331200.0, "x", None, "=A1", 1e308]),
                          rng.choice(["Laptop", "é" * 30, None, "=HYPERLINK()", 3]),
                          rng.choice([10, -1, 0, 1e12, 1e13, "1,5", "1.234", None, True, "nan"]),
                          rng.choice(["stuks", "kWp", "MWh", "km", "", None, 7]),
                          rng.choice([100, None, "x", -5]), rng.choice([2026, 1800, "2026", None, 2026.5])])
        buffer = io.BytesIO()
        book.save(buffer)
        seeds.append(buffer.getvalue())
    return seeds


def fast_purchase_xlsx(rng: random.Random) -> bytes:
    seed = rng.choice(_xlsx_seeds())
    return seed if rng.randrange(4) == 0 else mutate_bytes(seed, rng)


@lru_cache(maxsize=1)
def _table_seeds() -> dict[str, str]:
    from fuzz_targets import _specs

    from crmradar.data.schema import EMBEDDED_PACKAGE

    return {name: "".join((EMBEDDED_PACKAGE / spec.path).read_text(encoding="utf-8").splitlines(keepends=True)[:8])
            for name, spec in _specs().items()}


def fast_package_table(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(sorted(_table_seeds()))
    return name, mutate_text(_table_seeds()[name], rng)


def fast_geopolrisk(rng: random.Random) -> tuple[str, str]:
    from fuzz_targets import GPR_GOOD

    kind = rng.choice(sorted(GPR_GOOD))
    return kind, mutate_text(GPR_GOOD[kind], rng)
