"""One record per real-world event: near-duplicate articles, merged events and stories.

    update_merges(store)      fold the articles not merged yet into the merge tables (incremental)
    MergeSettings             every threshold, with defaults (settings.py)

Rules: duplicates.py (MinHash/LSH copies), events.py (when two mentions are the same event, how a
merged event is summarised, confidence from corroboration), stories.py (article graph -> stories).
Tables: heron.store.merge_tables.
"""

from heron.merge.settings import DEFAULT_SETTINGS, MergeSettings
from heron.merge.update import MergeSummary, update_merges

__all__ = ["DEFAULT_SETTINGS", "MergeSettings", "MergeSummary", "update_merges"]
