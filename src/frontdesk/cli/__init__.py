"""The headless tools clinic IT and the tests use: ``sandbox``, ``validate``, ``connect``,
``sync``. Each prints plain words or JSON and exits non-zero on failure, never a traceback."""
