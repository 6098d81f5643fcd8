"""The GUI-free core: content, lint, search, checklists, export. Never imports Qt."""
