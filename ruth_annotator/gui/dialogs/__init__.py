"""Dialogs around the workspace: first-start welcome, settings, export, about, help.

Each dialog is one module that works on its own (tests open them with qtbot); the main
window only creates them from its menu actions.
"""
