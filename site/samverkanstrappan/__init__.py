"""Samverkanstrappan: a guidance site that municipalities publish for residents.

The stages show in the folders: content (read, Flask-free) → validation → render (Flask)
→ freeze → index → publish. routes/ is the one table of every page type."""
