"""The map's shapes (shapes.json) and the script that makes them (build.py): see README.md."""
