"""The six steps of Samverkanstrappan, in order. Their titles and texts are pages."""

TRAPPSTEG = (
    "upptackt",
    "information",
    "vagvisare",
    "stafettpinne",
    "samordningsplan",
    "samordnat-stod",
)


def number(slug: str) -> int:
    """The step's place on the staircase, 1 to 6."""
    return TRAPPSTEG.index(slug) + 1


def next_step(slug: str) -> str | None:
    """The step after `slug`, or None for the last one."""
    place = TRAPPSTEG.index(slug)
    return TRAPPSTEG[place + 1] if place + 1 < len(TRAPPSTEG) else None
