"""The Qt front end: thin views and undo commands over the core."""
