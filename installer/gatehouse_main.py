"""Entry script of the frozen bundle: the same `main()` as `python -m desktop` and the gui-script.

A separate file (rather than desktop/__main__.py itself) so PyInstaller does not put desktop/ on its
search path, where modules like `paths` or `cli` would shadow nothing today but could tomorrow.
"""

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # A spawned child (the backup's check: desktop.services.backups.check_copy_apart) starts this
    # same executable; freeze_support() runs its task and exits instead of starting the window.
    multiprocessing.freeze_support()
    sys.exit(main())
