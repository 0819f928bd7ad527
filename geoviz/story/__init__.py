"""What the article tells beyond its places: events (what happened where) and journeys (who went where)."""
