"""Full-page screenshots of every analysis page, Dutch and English, desktop (1366×900) and phone (390×844).

Usage: ``python scripts/screenshots.py [--url http://127.0.0.1:8000] [--out docs/screenshots]``. Without
``--url`` a ``crmradar serve`` is started on a free port with a temporary home folder. Needs Debian's
Chromium (/usr/bin/chromium) and Playwright (test extras).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PAGES = {
    "overview": "/", "summary": "/summary/", "materials": "/materials/", "material-gallium": "/material/gallium/",
    "material-lithium": "/material/lithium/", "energy": "/energy/", "levers": "/levers/",
    "recycling": "/recycling/", "crma": "/crma/", "shocks": "/shocks/", "procurement": "/procurement/",
    "sources": "/sources/", "methods": "/methods/", "glossary": "/glossary/", "data": "/data/",
    "not-found": "/does-not-exist/",
    # issue 13, beyond the anchors: compare, fact sheet, custom shock, lever strength range
    "compare": "/compare/", "compare-sr": "/compare/?mode=materials&metric=supply_risk&m=gallium&m=lithium&m=cobalt",
    "factsheet-gallium": "/material/gallium/factsheet/",
    "search": "/search/?q=kobalt",
    "shocks-custom": "/shocks/?country=CHN&material=gallium&stage=processing&fraction=0.5&from=2026&until=2027"
                     "&targets=all",
    "levers-range": "/levers/?lever=ev_battery_lfp&material=cobalt&low=0.2&high=0.6",
    "scenario-edit": "/scenario/?scenario=targets&technology=bev_car&year=2030&value=600000&low=500000&high=700000"
                     "&draws=100&material=lithium",
    # issue 15: documents as PDF/Word from the task queue, changes between data releases
    "documents": "/documenten/", "changes": "/veranderd/",
}
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def wait_until_computed(page, timeout_s: float = 240) -> None:
    """Wait until no panel still says it is loading or computing (HTMX swaps the result in)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        busy = page.locator("[hx-trigger='load'] >> text=/Laden|Loading/").count()
        busy += page.locator("[role=status][hx-get]").count()
        if busy == 0:
            break
        page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def shrink(path: Path) -> None:
    """Store the screenshot as a 256-colour PNG (about a quarter of the size; text stays sharp)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    home = tempfile.mkdtemp(prefix="crmradar-shots-")
    env = dict(os.environ, CRMRADAR_HOME=home)
    process = subprocess.Popen([sys.executable, "-m", "crmradar.cli", "serve", "--port", str(port), "--workers", "1"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1):
                return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("crmradar serve did not start")


def shoot(url: str, out: Path, pages: dict[str, str] = PAGES) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for prefix, lang in (("", "nl"), ("/en", "en")):
                for name, path in pages.items():
                    page.goto(url + prefix + path)
                    wait_until_computed(page)
                    target = out / f"{lang}-{name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    shrink(target)
                    written.append(target)
                if "procurement" in pages:  # the result of scanning the example list
                    page.goto(url + prefix + "/procurement/")
                    page.locator("button[name=example]").click()
                    page.wait_for_selector("#download-report", timeout=120000)
                    target = out / f"{lang}-procurement-result-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    shrink(target)
                    written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running crm-radar (default: start one)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", help="page names to shoot (default: all)")
    options = parser.parse_args()
    pages = {k: v for k, v in PAGES.items() if not options.only or k in options.only}
    process = None
    url = options.url
    if not url:
        process, url = start_server()
    try:
        for path in shoot(url, Path(options.out), pages):
            print(path)
    finally:
        if process is not None:
            process.terminate()


if __name__ == "__main__":
    main()
