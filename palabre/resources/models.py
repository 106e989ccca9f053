"""Models of palabre.resources."""
