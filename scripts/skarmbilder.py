"""Screenshots of the built site in Debian's Chromium, for docs/skarmbilder/.

    python scripts/skarmbilder.py [INNEHALL]   builds the example municipality and takes them

They show the key pages in Swedish and in Arabic (mirrored right to left): the start page,
a vägvisare outcome, a combined answer, Be om en SIP, the directory, search and a search in
crisis, each at a
phone's size (375×812 CSS px, the first screen) and a desktop's (1280×900).
"""

import io
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))

from playwright.sync_api import sync_playwright  # noqa: E402
from samverkanstrappan import devtools  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402

PAGES = {
    "startsida": "/{lang}/",
    "vagvisare-utfall": "/{lang}/vagvisare/aldre/minnet/",
    "vagvisare-flera": "/{lang}/vagvisare/flera/aldre/boende/",
    # The same kind of answer reached from a more precise one: its contacts kept (#ocksa-<id>).
    "vagvisare-flera-tidigare": "/{lang}/vagvisare/flera/barn/psykisk-ohalsa/#ocksa-funktion-barn",
    "sip": "/{lang}/be-om-sip/",
    "verksamheter": "/{lang}/verksamheter/",
    "sok": "/{lang}/sok/",
}
SHOTS = {f"{lang}-{name}": url.format(lang=lang) for lang in ("sv", "ar") for name, url in PAGES.items()}
# A search that says someone may be in danger: the crisis block above the results (sok.js
# searches what follows #q= when the page opens).
CRISIS = {"sv": "jag vill inte leva", "ar": "أريد أن أموت"}
SHOTS.update({f"{lang}-sok-kris": f"/{lang}/sok/#q={quote(query)}" for lang, query in CRISIS.items()})
SIZES = {"mobil": (375, 812), "dator": (1280, 900)}


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
                    if "#q=" in url:
                        page.wait_for_selector("#sok-resultat .traffar a")
                    target = REPO / "docs" / "skarmbilder" / f"{name}-{size}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(REPO))
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
