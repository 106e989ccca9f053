"""Models of palabre.newsletter."""
