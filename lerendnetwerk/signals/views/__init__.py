"""Signal pages: a network's signals for its facilitator (network.py) and the region's health for
its coordinators (region.py)."""
