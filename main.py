"""Start Veileder: `python main.py` (the window) or `python main.py --smoke` (start, report, exit)."""

import sys

from handbook.ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
