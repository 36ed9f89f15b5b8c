"""The outlet registry (resources/outlets.yaml): each outlet's country and affiliation.

Used to tell independent sources apart and to describe a event's source diversity
(state media of a party, opposition media, agency, monitor, humanitarian, independent).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

from ceasefire.config import resource

REGISTRY_FILE = "outlets.yaml"
AFFILIATIONS = (
    "state_media", "party_media", "opposition_media", "agency", "monitor", "humanitarian", "government", "independent",
)
#: Affiliations whose members originate information (a count, a statement) rather than relay it.
ORIGINATORS = frozenset({"monitor", "humanitarian", "government", "agency"})

_NORM = re.compile(r"[^0-9a-z]+")


def normalise(name: str) -> str:
    """Lower case, letters and digits only, a leading "the" dropped: the registry's lookup key."""
    s = _NORM.sub(" ", name.lower()).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


@dataclass(frozen=True)
class Outlet:
    """One outlet, agency, monitor or organisation of the registry."""

    key: str
    name: str
    country: str | None
    affiliation: str
    party: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        d = {"key": self.key, "name": self.name, "country": self.country, "affiliation": self.affiliation}
        if self.party:
            d["party"] = self.party
        return d


class OutletRegistry:
    """Lookup of outlets by name or alias (case- and punctuation-insensitive)."""

    def __init__(self, outlets: list[Outlet], version: str | int | None = None):
        self.version = version
        self.outlets = {o.key: o for o in outlets}
        self._by_name: dict[str, Outlet] = {}
        self._cache: dict[str, Outlet | None] = {}
        self._acronyms: dict[str, Outlet] = {}
        for o in outlets:
            for n in (o.key, o.name, *o.aliases):
                self._by_name.setdefault(normalise(n), o)
                if n.isupper() and n.isalpha():
                    self._acronyms.setdefault(n, o)

    def find(self, name: str | None) -> Outlet | None:
        """The registry entry for ``name`` (exact alias match, then a known name inside it)."""
        if not name:
            return None
        if name not in self._cache:
            self._cache[name] = self._find(name, normalise(name))
        return self._cache[name]

    def _find(self, original: str, n: str) -> Outlet | None:
        if n in self._by_name:
            return self._by_name[n]
        # Acronyms only as written in capitals: "AFP correspondent", but not "residents who fled".
        for word in re.findall(r"\b[A-Z]{2,}\b", original):
            if word in self._acronyms:
                return self._acronyms[word]
        # "AFP correspondent", "Reuters/AP", "the Britain-based Syrian Observatory for Human Rights":
        # the longest alias found inside the name wins.
        best: tuple[int, Outlet] | None = None
        padded = f" {n} "
        for alias, outlet in self._by_name.items():
            if len(alias) >= 5 and f" {alias} " in padded and (best is None or len(alias) > best[0]):
                best = (len(alias), outlet)
        return best[1] if best else None


def load_registry(path=None) -> OutletRegistry:
    """Read a registry file (default: the bundled outlets.yaml)."""
    p = path or resource(REGISTRY_FILE)
    with open(p, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    outlets = []
    for i, entry in enumerate(data.get("outlets") or []):
        aff = entry.get("affiliation")
        if aff not in AFFILIATIONS:
            raise ValueError(f"{p}: outlet #{i + 1} ({entry.get('key')}): unknown affiliation {aff!r}")
        outlets.append(
            Outlet(
                key=entry["key"],
                name=entry["name"],
                country=entry.get("country"),
                affiliation=aff,
                party=entry.get("party"),
                aliases=tuple(entry.get("aliases") or ()),
            )
        )
    return OutletRegistry(outlets, data.get("version"))


@functools.lru_cache(maxsize=1)
def registry() -> OutletRegistry:
    """The bundled registry, loaded once per process."""
    return load_registry()
