"""A non-editable install (the README's first command) must contain every module and data file."""

from __future__ import annotations

from pathlib import Path

from setuptools import find_packages

SOURCE = Path(__file__).resolve().parents[1] / "src"


def test_every_python_folder_is_a_regular_package():
    found = set(find_packages(str(SOURCE)))
    folders = {
        ".".join(path.parent.relative_to(SOURCE).parts)
        for path in SOURCE.rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert folders - found == set()


def test_package_data_globs_cover_the_runtime_files():
    import tomllib

    config = tomllib.loads((SOURCE.parent / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["crmradar"]
    root = SOURCE / "crmradar"
    needed = [
        root / "data/package/datapackage.json",
        root / "web/templates/web/base.html",
        root / "web/static/vendor/plotly/plotly.min.js",
        root / "web/locale/nl/LC_MESSAGES/django.mo",
        root / "region/scenarios/targets.yaml",
        root / "scenarios/levers.yaml",
        root / "procurement/examples/provincie_inkoop_voorbeeld.xlsx",
    ]
    matched = {path for pattern in patterns for path in root.glob(pattern)}
    for path in needed:
        assert path.exists() and path in matched, path.relative_to(root)
