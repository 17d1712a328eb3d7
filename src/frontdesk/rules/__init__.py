"""Offline rule sets: each remote API's create checks, re-implemented from its docs so the desk
knows now what the server will answer at sync. Imports only ``frontdesk.domain``."""
