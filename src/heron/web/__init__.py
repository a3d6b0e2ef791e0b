"""Heron in the browser: a read-only HTTP API and static pages over a Heron database (`heron serve`)."""

from heron.web.app import create_app
from heron.web.queries import DatabaseUnavailable

__all__ = ["DatabaseUnavailable", "create_app"]
