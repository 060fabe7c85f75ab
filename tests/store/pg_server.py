"""A throw-away PostgreSQL server in a temporary folder, for the tests and the benchmark.

``initdb`` then ``pg_ctl start`` on a Unix socket in that folder (no TCP port, nothing shared
with another server), trust authentication for one user, ``chronique``. PostgreSQL refuses to
run as root: under root (``.ci/run``) the folder is given to the ``postgres`` system user that
Debian's package creates and the server runs as that user (``runuser``); the tests, as root,
still reach its socket. The binaries are Debian's (``/usr/lib/postgresql/<version>/bin``, from
``apt-get install postgresql``), else the ones on ``PATH``.

Run as a script it starts a server and prints its URL (``--stop DIR`` stops it):
``python tests/store/pg_server.py /tmp/pg`` → ``postgresql:///chronique?host=/tmp/pg&user=chronique``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["PgServer", "find_bindir", "SKIP_ENV"]

#: Set to 1 to let the PostgreSQL tests skip on a machine without the server binaries; without
#: it, missing binaries are a test failure (``make test`` installs them).
SKIP_ENV = "CHRONIQUE_SKIP_POSTGRES"


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: Debian's newest version first."""
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                    key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0)
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


class PgServer:
    """One server: ``start()``, then ``url(database)`` for each database made with ``create()``."""

    def __init__(self, folder: Path | None = None, bindir: Path | None = None,
                 settings: dict[str, str] | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")
        self.bindir = found
        self.folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="chronique-pg-"))
        self.data = self.folder / "data"
        self._as_user: list[str] = []
        #: Server settings beyond the throw-away defaults (``--set shared_buffers=2GB``).
        self.settings = dict(settings or {})
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as_user, *command], check=True, capture_output=True, text=True)

    def start(self) -> PgServer:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "chronique", "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._run(str(self.bindir / "pg_ctl"), "start", "-w", "-D", str(self.data), "-l",
                  str(self.folder / "server.log"), "-o", options)
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql:///{database}?host={self.folder}&user=chronique"

    def create(self, database: str) -> str:
        """A new empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')  # type: ignore[arg-type]
        return self.url(database)

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data))
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stop"]:
        server = PgServer.__new__(PgServer)
        server.folder = Path(sys.argv[2])
        server.data = server.folder / "data"
        server.bindir = find_bindir() or Path("/usr/bin")
        server._as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        server.stop()
    else:
        # pg_server.py [FOLDER] [--set NAME=VALUE ...]: e.g. --set shared_buffers=2GB for a benchmark
        arguments = sys.argv[1:]
        chosen = dict(arguments[i + 1].split("=", 1) for i, a in enumerate(arguments) if a == "--set")
        positional = [a for i, a in enumerate(arguments) if a != "--set" and (i == 0 or arguments[i - 1] != "--set")]
        folder = Path(positional[0]) if positional else None
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        print(PgServer(folder, settings=chosen).start().url())
