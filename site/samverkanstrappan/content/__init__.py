"""Reading editor files: no Flask here, so every part can be tested alone."""
