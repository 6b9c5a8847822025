"""The pages that compose the feature apps: a person's own pages and a network's home page."""
