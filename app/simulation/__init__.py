"""Discrete-event simulation of a process map (method.md, "Testing improvements…"): Qt-free.

A small standard-library engine (a heapq event queue), not SimPy: it is several times faster
on the benchmark map and keeps the app's dependencies unchanged; SimPy checks it in the tests.
"""
