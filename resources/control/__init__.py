"""Control-phase data a consultant can edit: the questions asked at each review."""
