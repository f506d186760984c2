"""The fault budget: random SIGKILLs during edits, imports, exports, backups and updates."""
