"""Take docs/dashboard.png: the dashboard over the bundled examples and, when present, the Derna
article of the shared seed, with one Derna event open in the evidence view.

    python docs/screenshot.py [--out docs/dashboard.png]

Needs Debian's chromium (/usr/bin/chromium) and the dev extra (playwright).
"""

from __future__ import annotations

import argparse
import tempfile
from importlib import resources
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitrep.ingest import IngestOptions
from sitrep.runner import ingest_documents
from sitrep.serve import create_app, running
from sitrep.store import Store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "derna-2015-06-lwj.txt"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).with_name("dashboard.png")))
    out = parser.parse_args().out
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "shot.sqlite"))
        list(ingest_documents([str(resources.files("sitrep").joinpath("examples"))], store, IngestOptions()))
        if SEED.exists():
            list(ingest_documents([str(SEED)], store, IngestOptions(published="2015-06-15")))
        with running(create_app(store, None)) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready='1']")
            rows = page.locator("#events tbody tr")
            pick = next((i for i in range(rows.count()) if "Armed clash" in rows.nth(i).text_content()
                         and "Libya" in rows.nth(i).text_content()), 0)
            rows.nth(pick).click()
            page.wait_for_selector("#article-body[data-doc]")
            page.wait_for_timeout(400)  # marker animations
            page.screenshot(path=out)
            browser.close()
        store.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
