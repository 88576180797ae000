"""Scoring rules as data: profiles per jurisdiction and fiscal year (YAML)."""

from jixiao.rules.load import ProfileError, available_profiles, load_profile, profile_for
from jixiao.rules.schema import Profile

__all__ = ["Profile", "ProfileError", "available_profiles", "load_profile", "profile_for"]
