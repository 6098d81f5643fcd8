"""Start Veileder: `python main.py` (the window) or `python main.py --smoke` (start, report, exit)."""

import time

STARTED = time.perf_counter()  # the program's first moment: start-up times count from here

import sys  # noqa: E402

from handbook.ui.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv, started=STARTED))
