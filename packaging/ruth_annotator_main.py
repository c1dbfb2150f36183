"""Entry point of the bundled app: the same `ruth-annotator` command as the wheel installs.

With no arguments it opens the window; `ruth-annotator gui PROJECT` opens a project;
`ruth-annotator --version`, `import`, `export` work as on the command line.
"""

import multiprocessing

from ruth_annotator.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    main(prog_name="ruth-annotator")
