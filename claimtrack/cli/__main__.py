"""`python -m claimtrack.cli`: the same as the `claimtrack` command."""

from claimtrack.cli import main

main(prog_name="claimtrack")
