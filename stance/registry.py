"""The speaker registry: canonical names, aliases, titles and sides.

The registry is what turns "Akazawa Ryosei", "Minister Akazawa" and "Japan's top negotiator"
into one speaker on one side. The packaged registry covers the seed study; a researcher passes
their own TOML file for their own negotiation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import read_toml
from .types import SIDES

__all__ = ["Speaker", "Registry", "load_registry", "normalize_name"]

_DOTTED = re.compile(r"(?<![A-Za-z])([A-Za-z])\.")
_SPACES = re.compile(r"\s+")
_COUNTRY_HINT = re.compile(
    r"('s\b|\b(us|uk|eu|american|japanese|japan|british|chinese|china|french|german|european|"
    r"korean|indian|canadian|mexican|russian|italian)\b)"
)
# Role words that on their own do not say which country or body a title belongs to.
_GENERIC_ROLE = frozenset(
    "the president prime minister premier secretary chancellor governor chairman chair "
    "chief executive minister's spokesman spokeswoman head leader".split()
)


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """A matching key: lower case, plain apostrophes, no dots in initialisms, no leading "the".

    Examples
    --------
    >>> normalize_name("the U.S. Treasury")
    'us treasury'
    >>> normalize_name("Japan’s top negotiator")
    "japan's top negotiator"
    """
    s = text.replace("’", "'").replace("‘", "'").strip()
    if "." in s:
        s = _DOTTED.sub(r"\1", s)
    # whitespace other than the space is never printable (tests/test_registry.py checks this
    # over all of Unicode): a printable text without two spaces in a row has nothing to fold
    if "  " in s or not s.isprintable():
        s = _SPACES.sub(" ", s)
    s = s.lower().strip(" ,.;:")
    if s.startswith("the "):
        s = s[4:]
    return s


@dataclass(frozen=True)
class Speaker:
    """One canonical speaker of the registry."""

    name: str
    side: str
    type: str = "person"
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.type == "person"


@dataclass
class Registry:
    """Lookup tables built from a list of :class:`Speaker`.

    Examples
    --------
    >>> reg = load_registry()
    >>> reg.lookup("Akazawa Ryosei").name
    'Ryosei Akazawa'
    >>> reg.side("Richard Katz")
    'analyst'
    """

    speakers: dict[str, Speaker]
    aliases: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    qualified_titles: frozenset[str] = frozenset()
    surnames: dict[str, str] = field(default_factory=dict)
    max_tokens: int = 1
    #: memo of name classifications made against this registry (see stance.attribution)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_speakers(cls, speakers: list[Speaker]) -> Registry:
        by_name: dict[str, Speaker] = {}
        aliases: dict[str, str] = {}
        titles: dict[str, str] = {}
        qualified: set[str] = set()
        surname_owners: dict[str, set[str]] = {}
        for sp in speakers:
            by_name[sp.name] = sp
            for alias in (sp.name, *sp.aliases):
                aliases.setdefault(normalize_name(alias), sp.name)
            for title in sp.titles:
                key = normalize_name(title)
                titles.setdefault(key, sp.name)
                if _COUNTRY_HINT.search(key) or not set(key.split()) <= _GENERIC_ROLE:
                    qualified.add(key)
            if sp.is_person:
                parts = sp.name.split()
                if len(parts) > 1:
                    surname_owners.setdefault(normalize_name(parts[-1]), set()).add(sp.name)
        surnames = {k: next(iter(v)) for k, v in surname_owners.items() if len(v) == 1}
        keys = [*aliases, *titles]
        max_tokens = max((len(k.split()) for k in keys), default=1)
        return cls(by_name, aliases, titles, frozenset(qualified), surnames, max_tokens)

    def __contains__(self, name: object) -> bool:
        return name in self.speakers

    def side(self, name: str) -> str:
        """The side of a canonical name; ``"unknown"`` for speakers not in the registry."""
        sp = self.speakers.get(name)
        return sp.side if sp else "unknown"

    def lookup(self, mention: str) -> Speaker | None:
        """The speaker an alias or full name denotes, or None."""
        name = self.aliases.get(normalize_name(mention))
        return self.speakers[name] if name else None

    def lookup_title(self, mention: str, named: set[str] | None = None) -> Speaker | None:
        """The speaker a title denotes.

        A bare role ("the President") counts only when the speaker is named elsewhere in the
        article (``named``); a role tied to a country or body ("Japan's top negotiator",
        "Commerce Secretary") counts anywhere.
        """
        key = normalize_name(mention)
        name = self.titles.get(key)
        if name is None:
            return None
        if key in self.qualified_titles or (named is not None and name in named):
            return self.speakers[name]
        return None

    def lookup_surname(self, surname: str) -> Speaker | None:
        name = self.surnames.get(normalize_name(surname))
        return self.speakers[name] if name else None


def _speaker_from_table(entry: dict, where: str) -> Speaker:
    try:
        name = str(entry["name"]).strip()
    except KeyError as exc:
        raise ValueError(f"{where}: a [[speaker]] has no name") from exc
    side = str(entry.get("side", "unknown")).strip()
    if not side:
        raise ValueError(f"{where}: speaker {name!r} has an empty side; use e.g. one of {SIDES}"
                         " or a side of your own study ('EU')")
    lists = {}
    for key in ("aliases", "titles"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise ValueError(f"{where}: speaker {name!r} has {key} = {value!r}; "
                             f'write a list of strings, e.g. {key} = ["..."]')
        lists[key] = tuple(value)
    kind = str(entry.get("type", "person"))
    if kind not in ("person", "institution"):
        raise ValueError(f"{where}: speaker {name!r} has type {kind!r}; "
                         "use 'person' or 'institution'")
    return Speaker(name=name, side=side, type=kind, gender=entry.get("gender"), **lists)


@lru_cache(maxsize=16)
def _load(source: str | None, stamp: tuple[int, int] | None = None) -> Registry:
    """Parse a registry; ``stamp`` (mtime, size) makes an edited file be read again."""
    where = source or "stance/data/speakers.toml"
    data = read_toml(source, "speakers.toml")
    entries = data.get("speaker", [])
    if not isinstance(entries, list):
        raise ValueError(f"{where}: expected [[speaker]] tables")
    return Registry.from_speakers([_speaker_from_table(e, where) for e in entries])


def load_registry(path: str | Path | Registry | None = None) -> Registry:
    """Load a speaker registry: the packaged one, or a user's own TOML file.

    Parameters
    ----------
    path : str, Path or Registry, optional
        A TOML file of ``[[speaker]]`` tables (``name``, ``side``, ``type``, ``gender``,
        ``aliases``, ``titles``); None for the packaged registry of the seed study. A side is
        any label of your study (``"EU"``, ``"union"``); the seed study uses ``US``, ``Japan``,
        ``analyst``, ``media`` and ``other``.

    Examples
    --------
    >>> load_registry().side("Shigeru Ishiba")
    'Japan'
    """
    if isinstance(path, Registry):
        return path
    if path is None:
        return _load(None)
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise FileNotFoundError(f"{path}: no such registry file") from exc
    return _load(str(path), (st.st_mtime_ns, st.st_size))
