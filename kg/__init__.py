"""newskg: knowledge graphs of armed conflict and diplomacy from news articles."""

__version__ = "0.1.0"
