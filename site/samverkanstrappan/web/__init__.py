"""The Flask side: blueprints, one per area, and what every template gets."""

from flask import current_app

from ..content.store import ContentStore


def store() -> ContentStore:
    """The content of the municipality this app serves."""
    return current_app.extensions["content"]
