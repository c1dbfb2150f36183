"""Formats in and out, one module a format, behind one registry (see registry.py)."""
