"""How figures read to a person, the same in the terminal, the HTML report and the web pages."""

from __future__ import annotations

__all__ = ["format_amount"]

#: Scales an amount is said in, largest first.
_SCALES = ((1e9, "bn"), (1e6, "m"), (1e3, "k"))


def format_amount(amount: float | None, currency: str | None) -> str:
    """97400000000.0, "USD" → "97.4 bn USD"; 350.0, "EUR" → "350.00 EUR"; no amount → ""."""
    if amount is None:
        return ""
    for scale, word in _SCALES:
        if abs(amount) >= scale:
            return f"{amount / scale:,.4g} {word} {currency or ''}".strip()
    return f"{amount:,.2f} {currency or ''}".strip()
