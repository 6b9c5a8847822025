"""Theme pages. Every view checks one named permission from rules.py first."""
