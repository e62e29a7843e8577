"""Entry script of the frozen bundle: the same `main()` as `python -m desktop` and the gui-script.

A separate file (rather than desktop/__main__.py itself) so PyInstaller does not put desktop/ on its
search path, where modules like `paths` or `cli` would shadow nothing today but could tomorrow.
"""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
