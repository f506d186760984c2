"""BPMN 2.0 export and import: Walkthrough's map in Camunda, bpmn.io, Signavio or Bizagi, and
documented processes from there back into Walkthrough (issue 8). No Qt here."""

from app.export.bpmn.export import bpmn_text, write_bpmn
from app.export.bpmn.parse import MAX_FILE_BYTES, BpmnError
from app.export.bpmn.read import BpmnImport, loads_bpmn, read_bpmn

__all__ = [
    "MAX_FILE_BYTES",
    "BpmnError",
    "BpmnImport",
    "bpmn_text",
    "loads_bpmn",
    "read_bpmn",
    "write_bpmn",
]
