"""Palabre: a network's shared library of practices, workshops and lessons learned."""
