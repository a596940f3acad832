"""diwan: the SQLite extension for multilingual diplomatic news.

    import sqlite3, diwan
    db = sqlite3.connect("corpus.db")
    diwan.load(db)
"""
import os

__all__ = ["load", "loadable_path", "__version__"]

try:
    from importlib.metadata import version as _version
    __version__ = _version("diwan")
except Exception:  # not installed (run from the source tree)
    __version__ = "unknown"


def loadable_path():
    """The path of the diwan.so this package carries."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "diwan.so")


def load(conn):
    """Load diwan into a sqlite3 connection (extension loading is switched
    on only for the call)."""
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)
