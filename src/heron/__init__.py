"""Heron: turn raw news into dated, sourced, deduplicated event data."""

__version__ = "0.1.0"
