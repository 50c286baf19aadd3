"""Screenshots of the built site in Debian's Chromium, for docs/skarmbilder/.

    python scripts/skarmbilder.py [INNEHALL]   builds the example municipality and takes them

They show the Arabic start page and a vägvisare outcome in Arabic, mirrored
right to left, at a phone's width and at a desktop's.
"""

import io
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))

from playwright.sync_api import sync_playwright  # noqa: E402
from samverkanstrappan import devtools  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402

SHOTS = {
    "ar-startsida": "/ar/",
    "ar-vagvisare-utfall": "/ar/vagvisare/aldre/minnet/",
}
SIZES = {"mobil": (390, 1400), "dator": (1100, 1300)}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "exempelstad"
        content = Path(sys.argv[1]) if len(sys.argv) > 1 else builder.paths.CONTENT
        if builder.build("exempelstad", site, content, out=io.StringIO(), search_index=Path(tmp) / "index"):
            sys.exit("bygget misslyckades: kör python build.py för att se felen")
        with devtools.static_site(site) as base, sync_playwright() as playwright:
            browser = devtools.launch_chromium(playwright)
            for size, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, url in SHOTS.items():
                    page.goto(base + url)
                    target = REPO / "docs" / "skarmbilder" / f"{name}-{size}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(REPO))
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
