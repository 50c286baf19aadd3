"""The directory's words in another language: `kommuner/<slug>/verksamheter.<lang>.yaml`.

Every file is optional. A service, or a text of it, that has no translation is shown in
Swedish, marked `lang="sv"`, and counted in the coverage report (granskning/sprak.csv).
Names, numbers and addresses are not translated: they are what a reader says on the phone.

    granskad: nej            # ja when a translator has read it
    verksamheter:
      kontaktcenter:
        beskrivning: Answers questions about everything the municipality does.
        kontakt: Call or come to the city hall.
        telefon:             # only when a number has a beskrivning, in the same order
          - beskrivning: For questions about invoices.
"""

import os
from dataclasses import dataclass

from . import schema, yamltext
from .problems import Problem
from .schema import Field

TEXTS = ("beskrivning", "kontakt")
FILE_FIELDS = (
    Field("granskad", "yesno", "ja när en översättare har läst texterna, annars nej.", required=True),
    Field("verksamheter", "block", "verksamheternas texter, under samma id som i verksamheter.yaml.", required=True),
)
SERVICE_FIELDS = (
    Field("beskrivning", "text", "beskrivningen på det här språket."),
    Field("kontakt", "text", "så här tar du kontakt, på det här språket."),
    Field("telefon", "block", "en lista med beskrivning: för varje nummer, i samma ordning som på svenska."),
)
PHONE_FIELDS = (Field("beskrivning", "text", "vad numret är till för, på det här språket."),)
UNKNOWN_SERVICE = "SV150"
CODES = {UNKNOWN_SERVICE: "En översättning av verksamheter nämner en verksamhet som inte finns i verksamheter.yaml."}


@dataclass(frozen=True)
class ServiceTexts:
    """One service's words in one language; an empty text means: not translated."""

    beskrivning: str = ""
    kontakt: str = ""
    telefon: tuple[str, ...] = ()  # each number's beskrivning, in the Swedish order


@dataclass(frozen=True)
class Translation:
    lang: str
    reviewed: bool
    services: dict  # service id -> ServiceTexts


def file_name(lang: str) -> str:
    return f"verksamheter.{lang}.yaml"


def load(path, file: str, lang: str, known_ids) -> tuple[Translation | None, list[Problem]]:
    """The translation in `path`, or None when there is none; every problem reading it."""
    if not os.path.isfile(path):
        return None, []
    data, problems = yamltext.load_file(path, file)
    if not isinstance(data, yamltext.YamlMap):
        return None, problems or [Problem(file, 1, yamltext.SHAPE, "Filen ska ha granskad: och verksamheter:.")]
    problems += schema.check_mapping(data, FILE_FIELDS, file)
    values = schema.values(data, FILE_FIELDS)
    entries = values.get("verksamheter")
    services = {}
    if isinstance(entries, yamltext.YamlMap):
        for service_id, entry in entries.items():
            line = entries.line_of(service_id)
            if service_id not in known_ids:
                problems.append(
                    Problem(
                        file,
                        line,
                        UNKNOWN_SERVICE,
                        f"Verksamheten '{service_id}' finns inte i verksamheter.yaml. "
                        "Använd samma id som där, eller ta bort posten.",
                    )
                )
                continue
            if not isinstance(entry, yamltext.YamlMap):
                problems.append(
                    Problem(file, line, yamltext.SHAPE, f"'{service_id}' ska ha beskrivning: och kontakt:.")
                )
                continue
            problems += schema.check_mapping(entry, SERVICE_FIELDS, file)
            texts = schema.values(entry, SERVICE_FIELDS)
            phones = []
            for phone in texts.get("telefon") or ():
                if isinstance(phone, yamltext.YamlMap):
                    problems += schema.check_mapping(phone, PHONE_FIELDS, file)
                    phones.append(schema.values(phone, PHONE_FIELDS).get("beskrivning", ""))
                else:
                    problems.append(Problem(file, line, yamltext.SHAPE, "Varje nummer ska ha beskrivning:."))
            services[service_id] = ServiceTexts(**{key: texts.get(key, "") for key in TEXTS}, telefon=tuple(phones))
    elif "verksamheter" in values:
        problems.append(
            Problem(file, data.line_of("verksamheter"), yamltext.SHAPE, "'verksamheter' ska ha ett id per rad.")
        )
    return Translation(lang, values.get("granskad") is True, services), problems
