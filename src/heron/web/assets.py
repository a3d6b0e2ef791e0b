"""Chart and graph libraries for the pages, served from the Python packages that ship them.

Heron commits no third-party JavaScript. The browser libraries come from packages declared in
pyproject.toml and are located in the installed package at run time:

    altair_viewer   Vega 5.21, Vega-Lite 4.17 and vega-embed 6.20 (timeline and dyad charts)
    pyvis           vis-network 9.1.2, standalone build with its stylesheet (actor network)

They are served under stable URLs (``/static/vendor/<name>``) so the pages never name a version.
The packages are found with ``importlib.util.find_spec``, which reads the package's location without
importing it (importing altair_viewer would load altair and tornado for nothing).
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VendorAsset:
    package: str  # import name of the package that ships the file
    requirement: str  # what to pip install when it is missing
    relative_path: str  # inside the package directory
    media_type: str


_SCRIPT = "text/javascript; charset=utf-8"
VENDOR_ASSETS: dict[str, VendorAsset] = {
    "vega.js": VendorAsset("altair_viewer", "altair_viewer==0.4.0", "scripts/vega-5.21.0.js", _SCRIPT),
    "vega-lite.js": VendorAsset("altair_viewer", "altair_viewer==0.4.0", "scripts/vega-lite-4.17.0.js", _SCRIPT),
    "vega-embed.js": VendorAsset("altair_viewer", "altair_viewer==0.4.0", "scripts/vega-embed-6.20.0.js", _SCRIPT),
    "vis-network.js": VendorAsset("pyvis", "pyvis==0.3.2", "lib/vis-9.1.2/vis-network.min.js", _SCRIPT),
    "vis-network.css": VendorAsset("pyvis", "pyvis==0.3.2", "lib/vis-9.1.2/vis-network.css", "text/css; charset=utf-8"),
}
# Which assets each page loads; a page whose assets are missing answers with an error page instead.
CHART_ASSETS = ("vega.js", "vega-lite.js", "vega-embed.js")
PAGE_ASSETS: dict[str, tuple[str, ...]] = {
    "timeline.html": CHART_ASSETS,
    "dyad.html": CHART_ASSETS,
    "network.html": ("vis-network.js", "vis-network.css"),
}


@cache
def package_directory(package: str) -> Path | None:
    """Where an installed package lives, without importing it; None when it is not installed."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def asset_path(name: str) -> Path | None:
    """The file behind /static/vendor/<name>, or None (unknown name, package or file missing)."""
    asset = VENDOR_ASSETS.get(name)
    if asset is None:
        return None
    directory = package_directory(asset.package)
    if directory is None:
        return None
    path = directory / asset.relative_path
    return path if path.is_file() else None


def missing_assets(names: tuple[str, ...] | None = None) -> dict[str, str]:
    """Asset name -> why it cannot be served (empty when everything is in place)."""
    problems: dict[str, str] = {}
    for name in names if names is not None else tuple(VENDOR_ASSETS):
        if asset_path(name) is not None:
            continue
        asset = VENDOR_ASSETS[name]
        if package_directory(asset.package) is None:
            problems[name] = f"the Python package '{asset.package}' is not installed (pip install '{asset.requirement}')"
        else:
            problems[name] = (f"the installed '{asset.package}' has no {asset.relative_path} "
                              f"(install the expected version: pip install '{asset.requirement}')")
    return problems


def log_missing_assets() -> None:
    """Warn once at start-up, so a broken install is visible in the server log and not only in a browser."""
    for name, reason in missing_assets().items():
        log.warning("heron web: /static/vendor/%s cannot be served: %s", name, reason)


def missing_assets_page(page: str, problems: dict[str, str]) -> str:
    """A plain HTML page that explains which package the page needs."""
    from html import escape

    items = "".join(f"<li><code>{escape(name)}</code>: {escape(reason)}</li>" for name, reason in problems.items())
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Heron · missing library</title>"
        "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main><h1>This page cannot be drawn</h1>"
        f"<p class=\"error\">{escape(page)} needs browser libraries that Heron serves from Python packages, "
        f"and some are missing:</p><ul>{items}</ul>"
        "<p>Install them in the environment that runs <code>heron serve</code>, then reload.</p></main></body></html>"
    )
