"""The files the pages load: chronique's own CSS and JS, and the front-end libraries from npm.

The browser fetches nothing from outside: the libraries (Cytoscape.js for the network, Chart.js
for the series) are installed into ``web/node_modules`` by ``npm ci`` and served from this
origin, under ``/vendor/<name>``, for the names listed in ``resources/web/vendor.toml`` only.
When they are missing the server still starts; its log says what to run, and the pages that
need them say so too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from chronique.data import load_toml

__all__ = ["VendorFiles", "STATIC_DIR", "TEMPLATES_DIR", "INSTALL_HINT"]

_WEB_RESOURCES = Path(str(resources.files("chronique").joinpath("resources", "web")))
STATIC_DIR = _WEB_RESOURCES / "static"
TEMPLATES_DIR = _WEB_RESOURCES / "templates"
INSTALL_HINT = "run 'make web' (or 'npm ci' in the web/ folder of the chronique checkout), or pass --assets DIR"


class VendorFiles:
    """The allow-listed library files under a ``node_modules`` folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, str] = dict(load_toml("web/vendor.toml")["files"])

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._files)

    def path(self, name: str) -> Path | None:
        """The file served as ``/vendor/<name>``; ``None`` when not listed or not installed."""
        relative = self._files.get(name)
        if relative is None:
            return None
        path = self.root / relative
        return path if path.is_file() else None

    def missing(self) -> list[str]:
        """Listed files that are not installed, as paths a user can look for."""
        return [str(self.root / relative) for name, relative in self._files.items() if self.path(name) is None]
