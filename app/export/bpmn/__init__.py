"""BPMN 2.0 export and import: Walkthrough's map in Camunda, bpmn.io, Signavio or Bizagi, and
documented processes from there back into Walkthrough (issue 8). No Qt here."""

from app.export.bpmn.export import bpmn_text, write_bpmn

__all__ = ["bpmn_text", "write_bpmn"]
