"""Entry point for `python -m handbook`."""

import sys

from handbook.cli import main

sys.exit(main())
