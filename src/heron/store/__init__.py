"""Storage and export: the embedded DuckDB store and file exports."""

from heron.store.duckdb_store import EventFilter, EventStore, StoreError
from heron.store.export import FORMATS, render_table, write_events

__all__ = ["FORMATS", "EventFilter", "EventStore", "StoreError", "render_table", "write_events"]
