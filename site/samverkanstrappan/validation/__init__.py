"""Checks on editors' content. Each rule is a small function that yields Problems."""

from ..content.problems import Problem
from ..content.store import ContentStore
from . import kommun_rules, page_rules, sprak_rules, vagvisare_rules

RULES = page_rules.RULES + vagvisare_rules.RULES + sprak_rules.RULES + kommun_rules.RULES


def validate(store: ContentStore, site_urls: set[str]) -> list[Problem]:
    """Every problem in the content: what reading found, then what each rule finds."""
    problems = list(store.problems)
    for rule in RULES:
        problems.extend(rule(store, site_urls))
    return problems
