"""Everything PySide6. Screens call service functions through `AppContext.ops`; no SQL here."""
