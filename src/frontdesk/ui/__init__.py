"""The desktop desk (PySide6): main window, week view, booking dialog and the sync worker."""
