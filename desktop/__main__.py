"""`python -m desktop` and the `gatehouse` executable: no sub-command starts the window."""

import sys


def main() -> int:
    from desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
