from __future__ import annotations

import pytest

from .factory import make_world


@pytest.fixture(autouse=True)
def fast_passwords(settings: pytest.FixtureRequest) -> None:
    """Password hashing made cheap in tests (the users are made for every test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db: None, fast_passwords: None) -> dict:
    return make_world()
