"""Reading data out of a downloaded Debian package (`apt-get download NAME`), for the
scripts that rebuild claimtrack's data files from one."""

from __future__ import annotations

import subprocess
from pathlib import Path


def unpack(path: Path, into: Path, folder: str) -> Path:
    """The folder `folder` (under the package's root, "usr/share/wordnet") of the .deb at
    `path`, unpacked into `into`; `path` itself when it is already such a folder."""
    if path.is_dir():
        return path
    subprocess.run(["dpkg-deb", "-x", str(path), str(into)], check=True)
    return into / folder
