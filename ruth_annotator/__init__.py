"""Ruth Annotator: keyboard-first annotation of entities, quotations and speakers in news."""

__version__ = "0.1.0"
