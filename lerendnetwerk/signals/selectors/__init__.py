"""Reads for the signal pages and the rules: stored signals, phase guidance and the facts the
rules read. This app sits above the feature apps (and beside the diary, which it never reads)."""
