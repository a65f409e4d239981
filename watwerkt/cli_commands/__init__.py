"""Command groups of the CLI, one module each, imported lazily."""
