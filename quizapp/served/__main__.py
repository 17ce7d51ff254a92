"""`python -m quizapp.served CONFIG [--joined]`: one student's app of a class session.

Started by the class server for each browser tab, with the settings it wrote to CONFIG;
`--joined` says the server already checked the student's join code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app of the class session in `argv`'s CONFIG; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m quizapp.served")
    parser.add_argument("config", type=Path)
    parser.add_argument("--joined", action="store_true")
    options = parser.parse_args(argv)
    from quizapp.core.serving import read_config
    from quizapp.served.app import ServedApp

    app = ServedApp(read_config(options.config), joined=options.joined)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
