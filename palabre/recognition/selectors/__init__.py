"""Recognition's selectors, one module per area: thanks, contributors, featured items and the directory, attestations."""
