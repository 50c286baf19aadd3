"""Search: documents from the content, analyzers per language, synonyms, and the
Whoosh index that the server mode answers from. No Flask here."""
