"""The interview question bank (questions.json): data a consultant can edit."""
