"""``python -m communique``: the command line."""

from communique.interfaces.cli.app import main

main()
