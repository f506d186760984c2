"""The guided interview (method.md, Define and Measure), without Qt.

The question bank is data (``resources/interview/questions.json``, see ``bank.py``); the
progress of an interview lives in the process snapshot (``progress.py``), so the database and
the process file keep it. Every function takes a snapshot and returns a new one.

    process = start_interview()
    process = apply_define_answer(process, "name", "Approve supplier invoices").process
    result = add_step(process, StepDraft(name="Log invoice", lane="AP", touch="5 min"))
    question = next_question(result.process)
"""

from app.interview.answers import AnswerResult, apply_check_answer, apply_define_answer
from app.interview.bank import FollowUpRule, Question, QuestionBank, Stage
from app.interview.crosscheck import CrossCheck, end_to_end_check
from app.interview.drafts import END, LATER, NEXT, Outcome, StepDraft
from app.interview.edits import (
    EditError,
    delete_step,
    merge_steps,
    move_step,
    rename_lane,
    reorder_steps,
    split_step,
)
from app.interview.followups import (
    FollowUp,
    all_followups,
    answer_followup,
    choose_answer,
    followups_for_process,
    followups_for_step,
)
from app.interview.loader import QuestionBankError, default_bank, load_question_bank
from app.interview.progress import InterviewState, OpenFlow, interview_state, with_state
from app.interview.session import UNTITLED, missing_items, next_question, start_interview
from app.interview.stages import go_to_stage
from app.interview.steps import (
    AddStepResult,
    add_step,
    current_draft,
    draft_errors,
    needs_predecessor,
    save_draft,
)

__all__ = [
    "END",
    "LATER",
    "NEXT",
    "UNTITLED",
    "AddStepResult",
    "AnswerResult",
    "CrossCheck",
    "EditError",
    "FollowUp",
    "FollowUpRule",
    "InterviewState",
    "OpenFlow",
    "Outcome",
    "Question",
    "QuestionBank",
    "QuestionBankError",
    "Stage",
    "StepDraft",
    "add_step",
    "all_followups",
    "answer_followup",
    "apply_check_answer",
    "apply_define_answer",
    "choose_answer",
    "current_draft",
    "default_bank",
    "delete_step",
    "draft_errors",
    "end_to_end_check",
    "followups_for_process",
    "followups_for_step",
    "go_to_stage",
    "interview_state",
    "load_question_bank",
    "merge_steps",
    "missing_items",
    "move_step",
    "needs_predecessor",
    "next_question",
    "rename_lane",
    "reorder_steps",
    "save_draft",
    "split_step",
    "start_interview",
    "with_state",
]
