"""Checks on editors' content. Each rule is a small function that yields Problems,
each with a stable code (registry.py); `python build.py regler` lists them all."""

from ..content.problems import Problem
from ..content.store import ContentStore
from . import (
    behov_rules,
    catalog_rules,
    directory_rules,
    kommun_rules,
    kris_rules,
    national_rules,
    page_rules,
    registry,
    sprak_rules,
    vagvisare_rules,
)

RULES = (
    page_rules.RULES
    + vagvisare_rules.RULES
    + behov_rules.RULES
    + kommun_rules.RULES
    + directory_rules.RULES
    + national_rules.RULES
    + kris_rules.RULES
    + sprak_rules.RULES
    + (catalog_rules.catalogs_complete,)
)


def validate(store: ContentStore, site_urls: set[str]) -> list[Problem]:
    """Every problem in the content: what reading found, then what each rule finds."""
    problems = list(store.problems)
    for rule in RULES:
        problems.extend(rule(store, site_urls))
    return problems


def codes() -> dict[str, str]:
    """Every code a problem can have, with its one-line description, in order."""
    return registry.all_codes(RULES)


def listing() -> str:
    """What `python build.py regler` prints."""
    return registry.listing(RULES)
