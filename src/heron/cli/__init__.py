"""The `heron` command line.

``core`` defines the app and the v1 commands; each further module adds the commands of one area
(register them on ``heron.cli.core.app``) and is imported here.
"""

from heron.cli import (
    core,
    merge,  # noqa: F401
    scale,  # noqa: F401
    train,  # noqa: F401
    web,  # noqa: F401
)
from heron.cli.core import app

__all__ = ["app", "core", "main"]


def main() -> None:
    app()
