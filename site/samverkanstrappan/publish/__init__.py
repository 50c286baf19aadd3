"""Publish: the atomic build that checks, freezes and indexes, then swaps the new site in; the review files."""
