"""The payload of ``walkthrough analyze PROCESS --json`` (interchange.md), plain JSON values.

Figures are rounded to 6 decimals so the output is stable and easy to check by hand.
"""

from __future__ import annotations

from typing import Any

from app.analysis.finding import Finding
from app.analysis.findings import find_findings, ranking
from app.analysis.metrics import Metrics, compute_metrics
from app.analysis.pareto import ParetoBar, wait_pareto
from app.analysis.problems import Problem
from app.process.model import Process

DECIMALS = 6


def analysis_json(process: Process, *, runs: bool = True) -> dict[str, Any]:
    """Metrics, visits, ranked findings, the wait Pareto and the problems of ``process``.

    Each finding keeps queue time (``wait_minutes_per_run``: calendar time a case waits;
    ``cases_waiting``: cases in that queue by Little's law) apart from hands-on work
    (``touch_minutes_per_run``, ``work_minutes_per_year``); ``findings_ranked_by`` is
    ``money`` when an hourly rate is known, else ``time``.

    With ``runs=False`` the per-step ``visits`` (how often each step runs) are left empty;
    every key is always present.
    """
    metrics = compute_metrics(process)
    return {
        **_metric_figures(metrics),
        "visits": {key: _round(value) for key, value in metrics.visits.items()} if runs else {},
        "findings": [_finding(finding) for finding in find_findings(process, metrics)],
        "pareto": [_bar(bar) for bar in wait_pareto(process, metrics)],
        "problems": [_problem(problem) for problem in metrics.problems],
        "findings_ranked_by": ranking(process),
    }


def _round(value: float) -> float:
    rounded = round(value, DECIMALS)
    return rounded + 0.0  # no "-0.0" in the output


def _metric_figures(metrics: Metrics) -> dict[str, Any]:
    return {
        "lead_time_minutes": _round(metrics.lead_time_minutes),
        "touch_minutes": _round(metrics.touch_minutes),
        "wait_minutes": _round(metrics.wait_minutes),
        "value_added_minutes": _round(metrics.value_added_minutes),
        "pce": _round(metrics.pce),
        "handoffs": _round(metrics.handoffs),
        "approvals": metrics.approvals,
        "cost_per_run": _round(metrics.cost_per_run),
        "annual_cost": _round(metrics.annual_cost),
        "first_pass_yield": _round(metrics.first_pass_yield),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "key": finding.key,
        "kind": finding.kind,
        "title": finding.title,
        "steps": list(finding.step_ids),
        "waste": finding.waste,
        "minutes_per_run": _round(finding.minutes_per_run),
        "minutes_per_year": _round(finding.minutes_per_year),
        "cost_per_year": _round(finding.cost_per_year),
        "detail": finding.detail,
        "wait_minutes_per_run": _round(finding.wait_minutes_per_run),
        "touch_minutes_per_run": _round(finding.touch_minutes_per_run),
        "work_minutes_per_year": _round(finding.work_minutes_per_year),
        "cases_waiting": _round(finding.cases_waiting),
    }


def _bar(bar: ParetoBar) -> dict[str, Any]:
    return {
        "step": bar.step_id,
        "name": bar.step_name,
        "minutes_per_run": _round(bar.minutes_per_run),
        "minutes_per_year": _round(bar.minutes_per_year),
        "share": _round(bar.share),
        "cumulative_share": _round(bar.cumulative_share),
        "in_focus": bar.in_focus,
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {"code": problem.code, "message": problem.message, "steps": list(problem.step_ids)}
