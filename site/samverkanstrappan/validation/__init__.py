"""Checks on editors' content. Each rule is a small function that yields Problems,
each with a stable code (registry.py); `python build.py regler` lists them all."""

import os
from pathlib import Path

from ..content import filer, yamltext
from ..content.problems import Problem
from ..content.store import ContentStore
from . import (
    behov_rules,
    catalog_rules,
    date_rules,
    directory_rules,
    exempel_rules,
    kommun_files_rules,
    kommun_rules,
    kris_rules,
    logo_rules,
    national_rules,
    page_rules,
    registry,
    size_rules,
    sprak_rules,
    vagvisare_rules,
)

RULES = (
    page_rules.RULES
    + size_rules.RULES
    + vagvisare_rules.RULES
    + behov_rules.RULES
    + kommun_rules.RULES
    + kommun_files_rules.RULES
    + logo_rules.RULES
    + directory_rules.RULES
    + exempel_rules.RULES
    + date_rules.RULES
    + national_rules.RULES
    + kris_rules.RULES
    + sprak_rules.RULES
    + (catalog_rules.catalogs_complete,)
)


# A file that cannot be read (or is missing, or is a folder) explains what the rules then say
# about the data it should have held: those follow-on problems are left out until it is read again.
UNREADABLE = {yamltext.SYNTAX, yamltext.NOT_UTF8, yamltext.SHAPE, yamltext.EMPTY, yamltext.FILE_MISSING, filer.FOLDER}
FOLLOW_ONS = {
    "data/nodnummer.yaml": {"SV313", "SV314", "SV601", "SV602"},
    "kommuner/{kommun}/verksamheter.yaml": {"SV150", "SV312"},
}


def validate(store: ContentStore, site_urls: set[str]) -> list[Problem]:
    """Every problem in the content: what reading found, then what each rule finds, without
    the follow-on problems of a file that could not be read."""
    problems = list(store.problems)
    if any(p.code == yamltext.NO_SUCH_KOMMUN for p in problems):
        return problems  # every rule would only repeat that the municipality is not there
    for rule in RULES:
        problems.extend(rule(store, site_urls))
    unread = {Path(p.file).resolve() for p in store.problems if p.code in UNREADABLE}
    folders = {Path(p.file).resolve() for p in store.problems if p.code == filer.FOLDER}
    hidden = set()
    for name, follow_ons in FOLLOW_ONS.items():
        if (store.content_dir / name.format(kommun=store.kommun_slug)).resolve() in unread:
            hidden |= follow_ons
    if not os.path.isfile(store.kommun_dir / "verksamheter.yaml"):
        # A municipality may have no directory yet (SV312 says what the vägvisare needs);
        # its translations then name verksamheter that are not missing, only not written.
        hidden.add("SV150")
    # A folder named as a required file is that one line (SV121), not also "the file is missing".
    return [
        p
        for p in problems
        if p.code not in hidden and not (p.code == yamltext.FILE_MISSING and Path(p.file).resolve() in folders)
    ]


def codes() -> dict[str, str]:
    """Every code a problem can have, with its one-line description, in order."""
    return registry.all_codes(RULES)


def listing() -> str:
    """What `python build.py regler` prints."""
    return registry.listing(RULES)
