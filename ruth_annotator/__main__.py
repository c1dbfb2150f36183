"""`python -m ruth_annotator` runs the same CLI as `ruth-annotator`."""

from ruth_annotator.cli import main

if __name__ == "__main__":
    main()
