"""`python -m quizapp`: the same as the `quizapp` command (`quizapp.cli.main`)."""

import sys

from quizapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
