"""The evidence rules every layer shares: which direction of an outcome is favourable, and the
self-direction groups of the research. Pure functions of ids, no imports."""

from __future__ import annotations

LOWER_IS_BETTER = frozenset({"verzuim", "verloop", "kosten"})  # down is good for these outcomes
SELF_DIRECTION_GROUPS = ("zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders")


def favourability(outcome_type: str, direction: str) -> str:
    """``favourable``, ``unfavourable`` or ``unclear`` for a direction (an id such as ``up``)."""
    if direction in ("up", "high"):
        return "unfavourable" if outcome_type in LOWER_IS_BETTER else "favourable"
    if direction in ("down", "low"):
        return "favourable" if outcome_type in LOWER_IS_BETTER else "unfavourable"
    return "unclear"  # average, mixed, not-shown
