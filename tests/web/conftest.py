from __future__ import annotations

import pytest

from .factory import make_world


@pytest.fixture
def world(db: None) -> dict:
    return make_world()
