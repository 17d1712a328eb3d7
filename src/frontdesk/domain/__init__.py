"""Pure booking domain: bookings, catalog, verdicts, time. Imports nothing but the stdlib and
pydantic."""
