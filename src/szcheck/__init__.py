"""szcheck: read the figures in news articles and report where the sources contradict each other."""

__version__ = "0.1.0"
