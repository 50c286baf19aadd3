"""The municipality's logo: a file beside kommun.yaml, published as it is at /kommun/logotyp.svg
(or .png). Shown in the pages with <img>, where an SVG's script never runs; but anyone who
opens its address gets it as a document of the site, where it does (on a host without the
headers of docs/nginx.conf). So it is read, not trusted: an SVG may hold nothing that runs or
fetches another file, and a PNG must be one."""

import difflib
import os
import re
from pathlib import Path
from xml.parsers import expat

from ..content import filer
from ..content.kommun import LOGO_MAX_BYTES, LOGO_TYPES
from ..content.problems import Problem
from ..content.scan import shown_path
from .registry import codes, kommun_file

UNSAFE, NOT_AN_IMAGE = "SV423", "SV424"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# What an image file begins with, whatever its name (the editor's program chose the format).
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"RIFF": "webp",
    b"%PDF": "pdf",
}
# Elements that run code or show another document (foreignObject holds HTML), and those that
# animate: <set attributeName="href" to="javascript:..."> makes a link of the logo a script,
# and a logo has no need to move.
FORBIDDEN = {
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "set",
    "animate",
    "animatemotion",
    "animatetransform",
    "animatecolor",
    "discard",
}
# Images drawn into the logo itself are no request to anyone (and run nothing, even as SVG).
_OWN_ADDRESS = re.compile(r"\s*($|#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
# An address in CSS, wherever CSS may be (style=, <style>, and the presentation attributes such
# as fill="url(...)" or filter=): only a reference to a part of the file itself (#id) is allowed.
# A backslash is refused too, since CSS escapes can spell "url(" as "\\75 rl(". Attributes in
# another namespace (Inkscape's sodipodi:docname="C:\\...") are the drawing program's notes,
# which no browser reads as CSS.
_CSS_ADDRESS = re.compile(r"url\(\s*(?![\"']?\s*#)|@import|image-set\(|\\", re.IGNORECASE)


def _image_kind(head: bytes) -> str | None:
    return next((kind for signature, kind in SIGNATURES.items() if head.startswith(signature)), None)


def _svg_problems(data: bytes, file: str) -> list[Problem]:
    """What in the SVG `data` could run or fetch something, each at its line, or why it is no SVG."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # no DTD from outside
    found: list[Problem] = []
    open_tags: list[str] = []

    def refuse(what: str) -> None:
        found.append(
            Problem(
                file,
                parser.CurrentLineNumber,
                UNSAFE,
                f"Logotypen har {what}. Det kan köra kod eller hämta något från en annan webbplats när någon "
                "öppnar logotypen, och det behövs inte för en bild. Spara om den utan det (i ritprogrammet: "
                "Spara som, vanlig SVG eller optimerad SVG), eller använd en png-fil.",
            )
        )

    def start(name: str, attributes: dict) -> None:
        namespace, _, tag = name.rpartition(" ")
        if not open_tags and (tag != "svg" or namespace != SVG_NAMESPACE):
            raise _NotSvg(
                'Filen börjar inte med <svg xmlns="http://www.w3.org/2000/svg">, så webbläsare visar ingen bild.'
            )
        open_tags.append(tag.lower())
        if tag.lower() in FORBIDDEN:
            refuse(f"taggen <{tag}>")
        for attribute, value in attributes.items():
            namespace, _, local = attribute.rpartition(" ")
            local = local.lower()
            if local.startswith("on"):
                refuse(f"{local}= (kod som körs när något händer)")
            elif local in ("href", "src") and not _OWN_ADDRESS.match(value):
                refuse(f'en adress till något utanför filen ({local}="{value[:60]}")')
            elif not namespace and local not in ("href", "src") and _CSS_ADDRESS.search(value):
                refuse(f"en adress till något utanför filen i {local}=")

    def text(data: str) -> None:
        if open_tags and open_tags[-1] == "style" and _CSS_ADDRESS.search(data):
            refuse("en adress till något utanför filen i <style>")

    def entity(name, is_parameter, value, base, system_id, public_id, notation) -> None:
        if system_id:  # its text would come from another file (an internal entity is only text)
            refuse(f"en entitet som hämtar en annan fil (<!ENTITY {name} SYSTEM ...>)")

    def instruction(target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            refuse("en stilmall från en annan fil (<?xml-stylesheet?>)")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: open_tags.pop()
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _NotSvg as error:
        return [Problem(file, parser.CurrentLineNumber, NOT_AN_IMAGE, str(error))]
    except expat.ExpatError as error:  # its words are English: say where, in Swedish
        message = (
            f"Filen går inte att läsa som en svg-bild: något är fel på rad {error.lineno} (en tagg som inte "
            "stängs, ett tecken som inte hör hemma). Spara om den från ritprogrammet som SVG."
        )
        return [*found, Problem(file, error.lineno, NOT_AN_IMAGE, message)]
    return found


class _NotSvg(Exception):
    pass


def inspect(path: Path, file: str) -> list[Problem]:
    """Everything wrong with the logo's bytes (kept by the file's time and size: ContentStore.cached)."""
    try:
        data = path.read_bytes()
    except OSError as error:  # one line beside every other mistake, not a stopped check
        return [filer.unreadable(file, error)]
    kind = _image_kind(data[:8])
    wanted = path.suffix.lower().lstrip(".")
    if wanted == "png" and kind != "png":
        what = f"en {kind}-fil" if kind else "ingen bild som webbläsare kan visa"
        message = f"Filen heter .png men är {what}. Spara logotypen som png (eller svg) och lägg den här igen."
        return [Problem(file, 1, NOT_AN_IMAGE, message)]
    if wanted == "svg" and kind:
        message = (
            f"Filen heter .svg men är en {kind}-fil. Spara logotypen som svg, eller som png och skriv "
            "logotyp.png i kommun.yaml."
        )
        return [Problem(file, 1, NOT_AN_IMAGE, message)]
    return _svg_problems(data, file) if wanted == "svg" else []


@codes(
    SV420="Logotypen är inte en svg- eller png-fil i samma mapp som kommun.yaml.",
    SV421="Logotypens fil finns inte.",
    SV422="Logotypen är större än 30 kB.",
    SV423="Logotypen (svg) har något som kan köra kod eller hämta en annan fil: script, on...=, foreignObject, "
    "animering eller en adress utanför filen.",
    SV424="Logotypens fil är inte den sorts bild som namnet säger (ingen riktig svg- eller png-fil).",
)
def logo_usable(store, site_urls):
    settings = store.kommun
    if not settings or not settings.logotyp:
        return
    logo, file, line = settings.logotyp, kommun_file(store), settings.lines.get("logotyp", 1)
    name = os.path.relpath(logo, store.kommun_dir)
    if logo.parent != store.kommun_dir or logo.suffix.lower() not in LOGO_TYPES:
        yield Problem(
            file, line, "SV420", f"Logotypen '{name}' ska vara en svg- eller png-fil i samma mapp som kommun.yaml."
        )
        return
    if os.path.isdir(logo):
        return  # a folder named as the logo is SV121 already (content/filer.py): one line
    if not os.path.isfile(logo):
        # "Logotyp.svg" for logotyp.svg: the image that is there, by its name (an editor's walk, session 44).
        images = sorted(
            entry.name
            for entry in os.scandir(store.kommun_dir)
            if entry.is_file() and os.path.splitext(entry.name)[1].lower() in LOGO_TYPES
        )
        close = difflib.get_close_matches(name, images, n=1, cutoff=0.6) or [
            image for image in images if image.lower() == name.lower()
        ]
        hint = f" Menade du '{close[0]}'?" if close else ""
        yield Problem(file, line, "SV421", f"Filen '{name}' finns inte i {store.kommun_dir.name}/.{hint}")
        return
    if logo.stat().st_size > LOGO_MAX_BYTES:
        size = logo.stat().st_size // 1024
        yield Problem(file, line, "SV422", f"Logotypen är {size} kB. Högst 30 kB, så att sidorna laddar snabbt.")
    yield from store.cached(logo, inspect, shown_path(logo))


RULES = (logo_usable,)
