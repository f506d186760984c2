"""The analysis engine: method.md's metrics, map checks, findings, Pareto, goals and projection.

Qt-free and stdlib only; every function here is a pure function of a process snapshot.
"""
