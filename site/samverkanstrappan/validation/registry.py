"""Every code a problem can have, with its one-line Swedish description.

Like pycodestyle or ruff: a rule is a small function that yields problems, and
`@codes(...)` says which codes it may give and what each means. The readers in
content/ give the codes for files that cannot be read (their own `CODES`). A code
is permanent once given: a rule that goes away leaves its number unused.
"""

import functools

from ..content import filer, pages, passed_by, schema, verksamheter, verksamheter_sprak, yamltext
from ..content.scan import shown_path


def codes(**described: str):
    """Mark a rule with the codes it yields: `@codes(SV210="Otillåten HTML.")`."""

    def mark(rule):
        rule.codes = described
        return rule

    return mark


def each_page(pages_of):
    """A rule that looks at one page at a time, `check(page)`, made into a rule of the whole
    content over `pages_of(store)`. What it finds on a page is kept with the parsed page
    (ContentStore.per_page): the preview checks again only the pages an editor changed."""

    def wrap(check):
        @functools.wraps(check)
        def rule(store, site_urls):
            for page in pages_of(store):
                yield from store.per_page(page, _found, rule)

        rule.check = check  # kept by the rule, whose name a build's kept parse can refer to
        return rule

    return wrap


def _found(page, rule) -> list:
    return list(rule.check(page))


# The readers' codes: problems in files that cannot be read as what they should be.
READERS = (yamltext, filer, passed_by, schema, pages, verksamheter, verksamheter_sprak)


def all_codes(rules) -> dict[str, str]:
    """Every code, readers' and rules', by code; a code given twice is a mistake in the code."""
    found: dict[str, str] = {}
    tables = [reader.CODES for reader in READERS] + [rule.codes for rule in rules]
    for table in tables:
        for code, description in table.items():
            if code in found:
                raise ValueError(f"{code} is given twice")
            found[code] = description
    return dict(sorted(found.items()))


def listing(rules) -> str:
    """What `python build.py regler` prints: one code per line, in order."""
    return "\n".join(f"{code}  {description}" for code, description in all_codes(rules).items())


def kommun_file(store) -> str:
    """kommun.yaml of the municipality being checked, as an editor sees its path: where the
    rules about its settings (languages, logo, statement, dates) point."""
    return shown_path(store.kommun_dir / "kommun.yaml")
