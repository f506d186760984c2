"""Benchmarks: medians and ratios measured in one run (``make bench``)."""
