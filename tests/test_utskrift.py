"""A printed answer (the browser's own print, and the staff's card): the emergency numbers and
the site's name are on it, black on white, and what only works on a screen is not (a persona
printed her answer as five pages with thirteen "need more help?" buttons)."""

import pytest

PRINTED = """() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].some((e) => e.getClientRects().length > 0);
  const colour = (selector) => getComputedStyle(document.querySelector(selector)).color;
  const controls = ".dina-svar a, .dina-behov a, .borja-om, .utskrift-lank, [data-skriv-ut], [data-lank]";
  const numbers = [...document.querySelectorAll(".nodlage a[href^='tel:'], .overlamningskort__akut a[href^='tel:']")]
    .filter((e) => e.getClientRects().length > 0).map((e) => e.getAttribute("href"));
  return {numbers: [...new Set(numbers)].sort(), add: shown(".lagg-till"), menu: shown(".huvudmeny"),
          controls: shown(controls),
          name: colour(".webbplatsnamn a, .webbplatsnamn"),
          bar: getComputedStyle(document.querySelector(".nodlage")).backgroundColor};
}"""


# A single answer and a combined one, each with the links a printed page left on paper: "Ändra"
# and "Ta bort" by the answers, "Läs råden", "Börja om", the print button and the staff's link
# (two personas, session 36: four and six pages with them).
@pytest.mark.parametrize(
    "url",
    [
        *(
            "/fi/vagvisare/aldre/minnet/",
            "/uk/vagvisare/flera/aldre/beroende/",
            "/sv/vagvisare/flera/barn/utan-arbete/",
        ),
        # The staff's handover cards, which the caller keeps: they printed without the numbers
        # (a persona, session 40).
        *("/sv/vagvisare/utfall/flera/aldre/hem-fran-sjukhus/", "/sv/vagvisare/utfall/barn-skola/"),
    ],
)
def test_a_printed_answer_keeps_the_numbers_and_drops_the_buttons(browser, site_url, url):
    page = browser.new_page()
    page.goto(site_url + url)
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED)
    page.close()
    black, none = "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"
    numbers = ["tel:112", "tel:1177", "tel:90101"]
    assert printed == {"numbers": numbers, "add": False, "menu": False, "controls": False, "name": black, "bar": none}
