"""``python -m chronique`` runs the command line."""

from chronique.cli import main

main()
