"""``python -m stance``: the same command line as the ``stance`` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
