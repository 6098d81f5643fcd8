"""Veileder: an offline handbook against violence in close relationships."""

__version__ = "0.1.0"
