"""Moved to careerscout.accounts.data, which also restores and deletes; kept for old imports."""

from .data import SCHEMA, VERSION, export_user_data, iso

__all__ = ["SCHEMA", "VERSION", "export_user_data", "iso"]
