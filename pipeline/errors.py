"""The error catalogue: every error edumine raises on purpose has a code.

Codes are stable so that users can search for them; the CLI prints
``error E###: message`` and exits non-zero, never a stack trace.
"""
from __future__ import annotations


class EdumineError(Exception):
    """Base of every deliberate edumine error."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class RuleError(EdumineError):
    """A rule file is malformed; names the file, the entry and the reason."""

    code = "E100"

    def __init__(self, path: str, loc: str, message: str):
        self.path, self.loc = path, loc
        super().__init__(f"[{path} -> {loc}] {message}")


class InputError(EdumineError):
    """An input cannot become a document (empty, binary, undecodable...)."""

    code = "E200"

    def __init__(self, reason: str, detail: str = "", source: str = ""):
        self.reason, self.detail, self.source = reason, detail, source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{reason}" + (f" ({detail})" if detail else ""))


class WarehouseError(EdumineError):
    """The warehouse cannot be opened or written (locked, newer schema...)."""

    code = "E300"


class WarehouseLocked(WarehouseError):
    code = "E301"


class QueryError(EdumineError):
    """A user's SQL failed; the message carries DuckDB's own words."""

    code = "E310"


class StageError(EdumineError):
    """A stage failed on a document: names the stage, the document, what was done."""

    code = "E400"

    def __init__(self, stage: str, source: str, done: str, cause: BaseException):
        self.stage, self.source, self.done, self.cause = stage, source, done, cause
        super().__init__(
            f"stage {stage!r} failed on {source}: {type(cause).__name__}: {cause} (done so far: {done})"
        )


class UsageError(EdumineError):
    """A command was given arguments it cannot use (unknown metric id, bad year range)."""

    code = "E500"


CATALOGUE = {
    cls.code: cls
    for cls in (EdumineError, RuleError, InputError, WarehouseError, WarehouseLocked,
                QueryError, StageError, UsageError)
}
