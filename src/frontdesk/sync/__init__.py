"""The sync engine: drains the outbox exactly once and in order, paces each connection to its
API's rate limit, classifies answers, and pulls remote changes into the cache. Plain Python:
the desk drives it from a worker thread, the CLI from the main thread."""
