"""The values this process has seen that must never reach a log: API keys and patients' names,
phones, emails and notes, kept so ``app.logs`` can mask them wherever they turn up (a message,
its arguments, an exception's text, a third-party library's record).

Values are registered where they are seen: a key read from or given to the credentials, and
every booking, booking request and patient built (from a form, a CSV row, a cache row or a
server's answer). Registering is an append to a bounded queue, cheap enough for the thousands
of rows a calendar reads; the queue is taken into the index by the next :func:`redact`, and,
once it holds more than ``BACKGROUND_AFTER`` rows, by an indexing thread of its own, a
``CHUNK`` at a time: the first log line after the calendar has read its week (the desk's GUI
thread, often) then finds the index made instead of making it (about 0.7 s for 6,000
patients).
The index holds at most ``CAPACITY`` values, the least recently seen dropped first, and each
value's forms a log may show it in: as given, with its whitespace collapsed, escaped as JSON
and percent-encoded as in a URL (``%40``, ``%2B``, ``+`` or ``%20``), a phone's digits, and
a long value's ends as a validation error quotes them.

A value matches without regard to case and only as a whole word (``Ann`` is masked in ``Ann
Smith`` but not in ``Annual``). Nothing shorter than ``MIN_LENGTH`` is kept: it would mask
half the log. Thread-safe; pure Python (``domain`` is the bottom layer, so storage, providers
and app register without importing ``app``).
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict, deque
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "[redacted]"
MIN_LENGTH = 3
CAPACITY = 30_000
BACKGROUND_AFTER = 500  # rows waiting before the indexing thread takes them in
CHUNK = 200  # rows taken in per hold of the lock (a redact waits at most for one chunk)
_PREFIX = MIN_LENGTH  # the index's key: a value's first characters, lowered
_PHONE = re.compile(r"\+?[\d\s().\-/]+")
_MIN_PHONE_DIGITS = 7
# a long value's ends as a truncating repr shows them: pydantic's errors quote an input of
# over 48 characters as its first 24, "...", and its last 23
_HEAD, _TAIL = 24, 23
# where a value may start: a word's first character, or any sign that is not a space
_STARTS = re.compile(r"(?<!\w)\w|[^\w\s]")
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]*")  # left as it is by quote()
# quote() and quote_plus() of ASCII text, at a tenth of their cost
_QUOTE = {c: f"%{c:02X}" for c in range(128) if not _URL_SAFE.fullmatch(chr(c))}
_QUOTE_PLUS = {**_QUOTE, ord(" "): "+"}

Seen = tuple[object, ...]  # (name, phone, email, notes), any of them None or missing; or a key


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _lowered(text: str) -> str:
    """``text`` lowered character by character, so positions stay those of ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def forms(value: str) -> set[str]:
    """The lowered forms ``value`` may appear in within a log line."""
    found = {value, " ".join(value.split())}
    if not (value.isascii() and value.isprintable()) or '"' in value or "\\" in value:
        found.add(json.dumps(value)[1:-1])  # \n, \" and \u00eb as a JSON body writes them
    if not _URL_SAFE.fullmatch(value):
        if value.isascii():
            found.update((value.translate(_QUOTE), value.translate(_QUOTE_PLUS)))
        else:
            found.update((quote(value, safe=""), quote_plus(value, safe="")))
    if len(value) > _HEAD + _TAIL + 1:
        found.update((value[:_HEAD].rstrip(), value[-_TAIL:].lstrip()))
    if _PHONE.fullmatch(value):
        digits = "".join(filter(str.isdigit, value))
        if len(digits) >= _MIN_PHONE_DIGITS:
            found.update((digits, "+" + digits, "%2B" + digits))
    return {f.lower() for f in found if len(f) >= MIN_LENGTH}


class SeenValues:
    """A bounded, thread-safe set of values to mask, and the masking itself."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._lock = threading.Lock()
        self._pending: deque[Seen] = deque(maxlen=capacity)
        self._seen: OrderedDict[str, frozenset[str]] = OrderedDict()  # value -> its forms
        self._index: dict[str, dict[str, int]] = {}  # prefix -> {form: how many values}
        self._wake = threading.Event()
        self._indexer: threading.Thread | None = None

    def __len__(self) -> int:
        with self._lock:
            self._take_pending()
            return len(self._seen)

    def patient(self, *values: object) -> None:
        """Remember a patient's (name, phone, email, notes); None and non-text are skipped."""
        self._pending.append(values)

    def patients(self, rows: Iterable[Seen]) -> None:
        """Remember many patients' (name, phone, ...) tuples at once."""
        self._pending.extend(rows)
        if len(self._pending) > BACKGROUND_AFTER:
            self._index_in_background()

    @property
    def waiting(self) -> int:
        """How many remembered rows are not in the index yet."""
        return len(self._pending)

    def _index_in_background(self) -> None:
        if self._indexer is None:
            with self._lock:
                if self._indexer is None:
                    self._indexer = threading.Thread(
                        target=self._index_pending, name="redaction-index", daemon=True
                    )
                    self._indexer.start()
        self._wake.set()

    def _index_pending(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            while self._pending:
                with self._lock:
                    self._take_pending(CHUNK)

    def remember(self, *values: object) -> None:
        """Remember each value as it is (a key, a first name); None and non-text skipped."""
        self._pending.extend((v,) for v in values)

    def forget(self) -> None:
        """Forget every value (tests)."""
        with self._lock:
            self._pending.clear()
            self._seen.clear()
            self._index.clear()

    def redact(self, text: str) -> str:
        """``text`` with every remembered value in it replaced by ``MASK``."""
        with self._lock:
            self._take_pending()
            if not self._index:
                return text
            return self._mask(text)

    # -- under the lock ----------------------------------------------------------------------
    def _take_pending(self, most: int | None = None) -> None:
        pending = self._pending
        rows: list[Seen] = []
        while pending and (most is None or len(rows) < most):
            try:
                rows.append(pending.popleft())
            except IndexError:  # emptied by another thread between the test and the pop
                break
        try:  # each booking built remembers its patient: a drain repeats one many times over
            # (each kept at its last place, the most recently seen last)
            distinct: Iterable[Seen] = reversed(dict.fromkeys(reversed(rows)))
        except TypeError:  # an unhashable value among them: each as it is
            distinct = rows
        for row in distinct:
            for n, item in enumerate(row):
                if isinstance(item, str):
                    self._add(item)
                    if n == 3 and "\n" in item:  # a note's lines, each may be shown alone
                        for line in item.splitlines():
                            self._add(line)

    def _add(self, raw: str) -> None:
        value = raw.strip()
        if len(value) < MIN_LENGTH:
            return
        if value in self._seen:
            self._seen.move_to_end(value)
            return
        found = frozenset(forms(value))
        self._seen[value] = found
        for form in found:
            bucket = self._index.setdefault(form[:_PREFIX], {})
            bucket[form] = bucket.get(form, 0) + 1
        while len(self._seen) > self.capacity:
            _, dropped = self._seen.popitem(last=False)
            for form in dropped:
                bucket = self._index[form[:_PREFIX]]
                bucket[form] -= 1
                if not bucket[form]:
                    del bucket[form]
                    if not bucket:
                        del self._index[form[:_PREFIX]]

    def _mask(self, text: str) -> str:
        low = _lowered(text)
        size = len(text)
        parts: list[str] = []
        last = 0
        for start in _STARTS.finditer(text):
            at = start.start()
            if at < last:
                continue
            bucket = self._index.get(low[at : at + _PREFIX])
            if not bucket:
                continue
            for form in sorted(bucket, key=len, reverse=True):
                end = at + len(form)
                if not low.startswith(form, at):
                    continue
                if end < size and _word(form[-1]) and _word(text[end]):
                    continue  # part of a longer word
                parts += (text[last:at], MASK)
                last = end
                break
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)


SEEN = SeenValues()


def remember_patient(
    name: object, phone: object = None, email: object = None, notes: object = None
) -> None:
    """Remember what a booking, a request or a patient holds of a person."""
    SEEN.patient(name, phone, email, notes)


def remember_patients(rows: Iterable[Seen]) -> None:
    """Remember (name, phone, email, notes) tuples, any of them shorter, at once."""
    SEEN.patients(rows)


def remember(*values: object) -> None:
    """Remember values seen on their own: an API key, a first or last name."""
    SEEN.remember(*values)


def redact(text: str) -> str:
    """``text`` with every value remembered so far masked."""
    return SEEN.redact(text)
