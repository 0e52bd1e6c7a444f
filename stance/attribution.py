"""From a speaker mention to one canonical speaker and a side.

A statement's speaker is written many ways: "Japanese Prime Minister Shigeru Ishiba", "Ishiba",
"Mr Ishiba", "he", "the prime minister", "Japan's top negotiator", "the firm". Resolution works
per article: every capitalised name in the article is indexed first (so a surname can be matched
to the full name wherever it was introduced), then each mention is resolved by the first rule
that applies, and the rule is recorded in the ``attribution`` column:

``explicit``
    a name (full name, surname, "Mr X", an alias or an institution) at the cue;
``title``
    a role or description ("the President", "Japan's top negotiator", "the firm");
``pronoun``
    "he", "she", "it", "they", resolved to the nearest compatible subject before it;
``continuation``
    a quote with no cue of its own, continuing the previous speaker's statement;
``none``
    no speaker could be found (speaker ``unknown``; never a guess).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import TypeVar

from .registry import Registry, normalize_name
from .resources import read_table, read_toml

__all__ = ["Mention", "ArticleContext", "Vocabulary", "vocabulary", "split_title"]

# A capitalised word: initialisms (U.S.), names with apostrophes and hyphens (O'Neill, Jean-Claude).
_CAP = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Za-z0-9’'\-]*[A-Za-z0-9]|[A-Z]\.?)"
_CONNECT = r"(?:of|de|del|van|von|der|den|du|da|di|la|le|bin|al|el|the|for|y|&|and)"
# _CAP after its first capital; the chunk pattern starts with that capital (and only then looks
# behind it), so ``re`` scans for capitals instead of trying the lookbehind at every offset.
_CAP_TAIL = r"(?:(?:\.[A-Z])+\.?|[A-Za-z0-9’'\-]*[A-Za-z0-9]|\.?)"
_CHUNK = re.compile(
    rf"[A-Z](?<![\w’'-][A-Z]){_CAP_TAIL}(?:[ \t]+(?:{_CONNECT}[ \t]+)*{_CAP})*")
_CONNECTORS = frozenset(_CONNECT[3:-1].split("|"))
_CACHE_LIMIT = 200_000  # name classifications remembered per registry and process
_T = TypeVar("_T")


def _remember(cache: dict, key: object, value: _T) -> _T:
    """``cache[key] = value``, the registry's cache emptied first when it is full (bounded
    memory over millions of articles); returns ``value``."""
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


_PARENS_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{1,7})\)")
# Capitalised words that open sentences but never names.
_OPENERS = frozenset(
    "a an the but and or so yet in on at for from with by as if when while after before since "
    "although though however meanwhile according despite during until under over into this that "
    "these those there here it its he she they we i his her their our my your you what who why "
    "how where which last next earlier later prior following unlike like both all some many most "
    "one two three four five six seven eight nine ten january february march april may june "
    "july august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_POSSESSIVE = re.compile(r"[’']s?$")
_SMALL = frozenset("of and for the & de la le du van von der at in on".split())
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
                         r"\s*(?=[,.;:)]|\s(?:of|at|for|to|in)\s)")


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


@lru_cache(maxsize=4)
def _group_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(rf"\b(?:[A-Z][\w’'-]*\s+){{0,3}}(?:{alts})\b")


_CAMEL = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]+$")
_WORD_RUN = re.compile(r"\w+")


def _is_word(c: str) -> bool:
    """One character of ``\\w``."""
    return c.isalnum() or c == "_"


@lru_cache(maxsize=4)
def _plain_nouns(nouns: frozenset[str]) -> bool:
    """Every noun is word characters only and starts in lower case (see _group_matches)."""
    return all(n[:1].islower() and _WORD_RUN.fullmatch(n) for n in nouns)


def _group_matches(text: str, nouns: frozenset[str]) -> Iterator[re.Match[str]]:
    """``_group_pattern(nouns).finditer(text)``, without trying the pattern at every word.

    The pattern (up to three capitalised words, then a noun, as a whole word) starts with
    ``\\b``, so ``re`` would try it at every offset. When the nouns are plain words in lower
    case, every match holds a noun that is a whole run of word characters, and the leftmost
    match from ``pos`` starts no earlier than three whitespace-separated chunks before the
    chunk of the first such noun at or after ``pos`` (capitalised words hold no whitespace
    and each is followed by some; a lower-case noun can sit inside one only after a hyphen or
    apostrophe, in the same chunk), and no later than that noun, which matches on its own.
    So the pattern is searched only from there.

    Examples
    --------
    >>> nouns = frozenset({"officials", "leaders"})
    >>> [m.group() for m in _group_matches("Japanese officials met EU leaders.", nouns)]
    ['Japanese officials', 'EU leaders']
    """
    pattern = _group_pattern(nouns)
    if not _plain_nouns(nouns):
        yield from pattern.finditer(text)
        return
    present = nouns.intersection(_WORD_RUN.findall(text))
    if not present:
        return
    starts = []  # where a noun is a whole run of word characters
    for noun in present:
        q = text.find(noun)
        while q >= 0:
            e = q + len(noun)
            if (q == 0 or not _is_word(text[q - 1])) and (e == len(text) or not _is_word(text[e])):
                starts.append(q)
            q = text.find(noun, q + 1)
    starts.sort()
    pos = 0
    for q in starts:
        if q < pos:
            continue
        k = q
        while k > 0 and not text[k - 1].isspace():
            k -= 1  # the start of the noun's own chunk
        for _ in range(3):  # and of up to three chunks before it
            j = k
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j == k:
                break
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            k = j
        m = pattern.search(text, max(pos, k))
        if m is None:  # cannot happen (the noun matches on its own): the plain scan, then
            yield from pattern.finditer(text, pos)
            return
        yield m
        pos = m.end()


def _segments(text: str) -> list[tuple[int, int, list[str]]]:
    """Capitalised chunks of ``text`` as (start, end, words), split after a possessive.

    "Gordon Brown's Budget" is two names, "Gordon Brown" and "Budget"; "Japan's Economic
    Revitalization Minister Ryosei Akazawa" is "Japan" and the minister. The name index
    calls it on one chunk at a time, through :func:`_chunk_names`, whose result it remembers
    per chunk string.
    """
    out: list[tuple[int, int, list[str]]] = []
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        if "'s" not in chunk and "’s" not in chunk:  # the common case: one name
            _add_trimmed(m.start(), m.end(), chunk.split(), out)
            continue
        pos = m.start()
        words: list[str] = []
        start = pos
        for w in re.finditer(r"\S+", chunk):
            if not words:
                start = pos + w.start()
            word = w.group(0)
            if word.endswith(("'s", "’s")) and len(word) > 2:
                words.append(word[:-2])
                _add_trimmed(start, pos + w.end() - 2, words, out)
                words = []
            else:
                words.append(word)
        if words:
            _add_trimmed(start, m.end(), words, out)
    return out


def _split_and(start: int, end: int, words: list[str]) -> Iterator[tuple[int, int, list[str]]]:
    """"Bessent and Greer" is two names; "Finance and Economy Ministry" is one body."""
    if "and" not in words:
        yield start, end, words
        return
    v = vocabulary()
    if _has_org_word(words[-1:], v) and not any(w.lower() in v.given_names for w in words):
        yield start, end, words
        return
    offset = start
    part: list[str] = []
    for w in words + ["and"]:
        if w == "and":
            if part:
                n = len(" ".join(part))
                yield offset, offset + n, part
                offset += n + len(" and ")
            part = []
        else:
            part.append(w)


def _add_trimmed(start: int, end: int, words: list[str],
                 out: list[tuple[int, int, list[str]]]) -> None:
    """Append a chunk's name(s) to ``out``, without connectors at either end ("The", "of")."""
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    if not words:
        return
    if "and" in words:
        out.extend(_split_and(start, end, words))
    else:
        out.append((start, end, words))


def _thing_kind(name: str) -> str:
    """A speaking name of unknown kind: a group if it looks plural ("Lib Dems"), else a person."""
    last = name.split()[-1]
    return "org" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "person"


def _has_org_word(words: list[str], v: Vocabulary) -> bool:
    return any(map(_org_word, words, repeat(v.org_name_words)))


@lru_cache(maxsize=65536)
def _org_word(word: str, names: frozenset[str]) -> bool:
    """A word of an organisation's name ("Bank", "Ministry's"), remembered per word: a first
    pass over a corpus asks this of the same words over and over."""
    low = word.lower().strip(".")
    return low.rstrip("’'s") in names or low in names


def _strip_possessive(word: str) -> str:
    """``_POSSESSIVE.sub("", word)`` for a word without whitespace, without the regex."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


def _is_honorific(word: str, v: Vocabulary) -> bool:
    low = word.lower()
    return low in v.honorifics or low + "." in v.honorifics


@dataclass(frozen=True)
class Vocabulary:
    """Word lists (from ``stance/data/mentions.toml`` and ``given_names.csv``)."""

    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    honorifics: frozenset[str]
    title_words: frozenset[str]
    nationalities: frozenset[str]
    org_nouns: frozenset[str]
    org_name_words: frozenset[str]
    role_nouns: frozenset[str]
    group_nouns: frozenset[str]
    given_names: dict[str, str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged word lists, parsed once."""
    data = read_toml(None, "mentions.toml")
    hon = data["honorifics"]
    names = {r["name"].lower(): r.get("gender", "u")
             for r in read_table(None, "given_names.csv")}
    return Vocabulary(
        male_honorifics=frozenset(hon["male"]),
        female_honorifics=frozenset(hon["female"]),
        honorifics=frozenset(hon["male"] + hon["female"] + hon["neutral"]),
        title_words=frozenset(data["title_words"]["words"]),
        nationalities=frozenset(data["title_words"]["nationalities"]),
        org_nouns=frozenset(data["organisation_nouns"]["words"]),
        org_name_words=frozenset(data["organisation_nouns"]["name_words"]),
        role_nouns=frozenset(data["role_nouns"]["words"]),
        group_nouns=frozenset(data["group_nouns"]["words"]),
        given_names=names,
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country names, aliases and capitals (``stance/data/countries.csv``) to the speaker a
    country is when it speaks: "Ukraine", "Kiev" -> "Ukrainian government"."""
    out: dict[str, str] = {}
    for row in read_table(None, "countries.csv"):
        adjective = row["adjective"].strip()
        name = "European Union" if adjective == "EU" else f"{adjective} government"
        names = [row["country"], row.get("capital") or "", *(row.get("aliases") or "").split("|")]
        for n in names:
            if n.strip():
                out.setdefault(normalize_name(n.strip()), name)
    return out


@dataclass(slots=True)
class Mention:
    """A speaker mention found next to a cue: a name, a pronoun or a description."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun", "description"
    head: str = ""  # lower-case head noun of a description ("firm", "minister")
    head_pos: int = -1  # for pronouns: where to look back from, if not the mention itself


_POS = attrgetter("pos")
_GROUP = itemgetter(0)  # of a match: its text


@dataclass(slots=True)
class _Entity:
    pos: int
    name: str
    kind: str  # "person", "org" (a body), "gov" (a country speaking), "thing", "group"
    gender: str  # "m", "f" or ""
    sentence_start: bool
    quoted: bool = False


def split_title(words: list[str], vocab: Vocabulary | None = None) -> tuple[list[str], list[str]]:
    """Split a capitalised chunk into (title words, name words).

    The name is the longest tail of words that are not title words, nationalities or
    sentence openers: "U.S. Treasury Secretary Scott Bessent" -> (["U.S.", "Treasury",
    "Secretary"], ["Scott", "Bessent"]).

    Examples
    --------
    >>> split_title(["Japanese", "Prime", "Minister", "Shigeru", "Ishiba"])
    (['Japanese', 'Prime', 'Minister'], ['Shigeru', 'Ishiba'])
    """
    v = vocab or vocabulary()
    if len(words) >= 2 and words[-2].lower() in v.given_names and \
            words[-1].lower() in v.title_words:
        return words[:-2], words[-2:]  # "Mervyn King", "Ian Chancellor": a surname, not a title
    i = len(words)
    while i > 0:
        word = words[i - 1]
        low = word.lower()
        if len(word.rstrip(".")) == 1 and word[0].isupper() and i < len(words):
            i -= 1  # a middle initial ("Charles A Blixt") is part of the name
            continue
        if low in v.title_words or low in v.honorifics or low in v.nationalities \
                or low in _OPENERS or (
                "-" in low and all(x in v.title_words for x in low.split("-"))):
            break
        i -= 1
    return words[:i], words[i:]


def _gender_of(title: list[str], name: list[str], v: Vocabulary) -> str:
    for w in title:
        low = w.lower().rstrip(".")
        if low in v.male_honorifics or low + "." in v.male_honorifics:
            return "m"
        if low in v.female_honorifics or low + "." in v.female_honorifics:
            return "f"
    if len(name) >= 2:
        g = v.given_names.get(name[0].lower(), "")
        return g if g in ("m", "f") else ""
    return ""


class ArticleContext:
    """Everything known about the names of one article, for resolving its speakers.

    Parameters
    ----------
    text : str
        The article's cleaned text.
    registry : Registry
        Speakers with canonical names, aliases, titles and sides.
    sentence_starts : list of int
        Start offsets of the article's sentences (for preferring sentence subjects).
    """

    def __init__(self, text: str, registry: Registry, sentence_starts: list[int]) -> None:
        self.text = text
        self.registry = registry
        self.vocab = vocabulary()
        self.sentence_starts = sentence_starts
        self.entities: list[_Entity] = []
        self.surnames: dict[str, str] = {}
        self.named: set[str] = set()
        self.roles: list[tuple[int, str, str]] = []  # (pos, role word, canonical)
        self.acronyms: dict[str, str] = {}
        self._groups_done = False
        self.first_names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        self._org_prefixes: dict[str, list[str]] = {}
        self._index()
        self._positions = [e.pos for e in self.entities]

    # -- indexing ---------------------------------------------------------------------------
    def _sentence_start_at(self, pos: int) -> int:
        i = bisect_left(self.sentence_starts, pos + 1) - 1
        return self.sentence_starts[i] if i >= 0 else 0

    def _index(self) -> None:
        v, text, reg = self.vocab, self.text, self.registry
        cache = reg.cache
        get = cache.get
        starts = set(self.sentence_starts)  # _sentence_start_at(pos) == pos, without bisect
        entities, named, surnames = self.entities, self.named, self.surnames
        first_names, genders, roles = self.first_names, self.genders, self.roles
        acronyms, prefixes = self.acronyms, self._org_prefixes
        role_nouns = v.role_nouns
        has_parens = "(" in text
        chunk_singles: list[tuple[int, tuple]] = []  # (chunk start, its single words)
        matches = list(_CHUNK.finditer(text))
        entries = list(map(get, map(_GROUP, matches)))  # no Python loop over every chunk
        if None in entries:  # the chunk's names, prepared: the same wherever it occurs
            for i, entry in enumerate(entries):
                if entry is None:
                    chunk = matches[i][0]
                    entries[i] = get(chunk)  # unless seen earlier in this article
                    if entries[i] is None:
                        entries[i] = _remember(cache, chunk, _chunk_entry(chunk, reg, v))
        for m, entry in compress(zip(matches, entries, strict=True), entries):  # names only
            base = m.start()
            others, ones = entry
            if ones:
                chunk_singles.append((base, ones))
            for rel, rel_end, kind, name, gender, registered, title_roles, keys in others:
                pos = base + rel
                if registered:
                    named.add(name)
                if kind == "surname":  # "Mr Smith": the full name introduced so far, if any
                    kind, name = "person", surnames.get(keys, name)
                    keys = _person_keys(name)
                entities.append(_Entity(pos, name, kind, gender, pos == 0 or pos in starts))
                if gender and name not in genders:
                    genders[name] = gender
                if kind == "person" or kind == "thing":
                    surname, first = keys  # as _remember_person
                    if surname is not None:
                        if surname not in surnames:
                            surnames[surname] = name
                        if first is not None:
                            known = first_names.get(first)
                            # a first name stands for one person only if no one else shares it
                            first_names[first] = name if known is None or known == name else ""
                    for role in title_roles:
                        roles.append((pos, role, name))
                    before = text[max(0, pos - 40):pos].rsplit(None, 1)  # its last word
                    if before and before[-1].lower() in role_nouns:
                        roles.append((pos, before[-1].lower(), name))
                    end = base + rel_end
                    if text.startswith(",", end):  # as _APPOSITIVE, which starts with one
                        after = _APPOSITIVE.match(text, end)
                        if after:  # "Ann Lee, the trade minister," / "X, the chairman of Y,"
                            role = after.group(1).split()[-1].lower()
                            if role in role_nouns:
                                roles.append((pos, role, name))
                    if kind == "thing" and has_parens:
                        acro = _PARENS_ACRONYM.match(text, end)
                        if acro:
                            acronyms.setdefault(acro.group(1), name)
                elif kind == "org":
                    if has_parens:
                        acro = _PARENS_ACRONYM.match(text, base + rel_end)
                        if acro:  # "Bank of England (BoE)", "Office for National Statistics (ONS)"
                            acronyms.setdefault(acro.group(1), name)
                    prefix, initials = keys
                    prefixes.setdefault(prefix, []).append(name)
                    for a in initials:  # "UN's Food & Agriculture Organisation": FAO
                        if a not in acronyms:
                            acronyms[a] = name
        # single capitalised words: a surname, an acronym, or a registry alias; as
        # self._single(word, facts) then the company check, inline (a call per word costs)
        org_nouns = v.org_nouns
        add = entities.append
        for base, ones in chunk_singles:
            for rel, word, titled, (key, mixed, sp, acronym, prefix, camel, org_word) in ones:
                pos = base + rel
                at_start = pos == 0 or pos in starts
                if key in surnames:
                    name = surnames[key]
                    add(_Entity(pos, name, "person", genders.get(name, ""), at_start))
                elif word in acronyms:
                    add(_Entity(pos, acronyms[word], "org", "", at_start))
                elif mixed is not None and mixed in acronyms:  # "BoE": Bank of England
                    add(_Entity(pos, acronyms[mixed], "org", "", at_start))
                elif first_names.get(key):  # "the Wim report" after "Wim Kok"
                    add(_Entity(pos, first_names[key], "person", "", at_start))
                elif sp is not None:
                    named.add(sp[0])
                    add(_Entity(pos, sp[0], sp[1], sp[2], at_start))
                elif acronym:
                    add(_Entity(pos, word, "org", "", at_start))
                else:
                    full = None
                    if prefix is not None:
                        for name in reversed(prefixes.get(prefix, ())):
                            if name.split()[0].startswith(word) and name != word:
                                full = name  # "Fed" after "Federal Reserve"
                                break
                    if full is not None:
                        add(_Entity(pos, full, "org", "", at_start))
                    elif org_word and not titled:  # a lone "Bank" or "Commission"
                        add(_Entity(pos, word, "org", "", at_start))
                    elif not at_start and (camel or (  # as _org_noun_before(text, pos, v)
                            (before := text[pos - 24 if pos > 24 else 0:pos].rsplit(None, 1))
                            and before[-1].lower().strip(",") in org_nouns)):
                        # a lone word named as a company: "WorldCom", "eBay", "firm HealthSouth"
                        add(_Entity(pos, word, "org", "", at_start))
                    elif titled:  # "Mr Smith" with no full name in the article
                        add(_Entity(pos, word, "person", "", at_start))
        entities.sort(key=_POS)
        kinds = self.kinds
        for e in entities:
            # "Lord Butler" before "Robin Butler" is introduced: the full name wins
            if e.kind == "person" and " " not in e.name:
                e.name = surnames.get(normalize_name(e.name), e.name)
            kinds.setdefault(e.name, e.kind)  # what each name is, for lookups by name
            if e.gender:
                genders.setdefault(e.name, e.gender)

    def _index_groups(self) -> None:
        """Unnamed groups ("European leaders", "Japanese officials"), antecedents of "they".

        Only needed for "they", so indexed on first use.
        """
        if self._groups_done:
            return
        self._groups_done = True
        for m in _group_matches(self.text, self.vocab.group_nouns):
            words = m.group(0).split()
            sp = self.registry.lookup(" ".join(words))
            name = sp.name if sp is not None else "unknown"
            at_start = self._sentence_start_at(m.start()) == m.start()
            self._insert(_Entity(m.start(), name, "group", "", at_start))

    def _facts(self, word: str) -> tuple:
        """What one capitalised word is whatever the article (see :func:`_word_facts`),
        remembered per registry."""
        cache = self.registry.cache
        key = (None, word)  # no key of words (tuples of str) or chunks (str) looks like it
        facts = cache.get(key)
        if facts is None:
            facts = _remember(cache, key, _word_facts(word, self.registry, self.vocab))
        return facts

    def _single(self, word: str, facts: tuple | None = None) -> tuple[str, str, str] | None:
        """(name, kind, gender) for one capitalised word, or None."""
        key, mixed, sp, acronym, prefix = (facts or self._facts(word))[:5]
        if key in self.surnames:
            name = self.surnames[key]
            return name, "person", self.genders.get(name, "")
        if word in self.acronyms:
            return self.acronyms[word], "org", ""
        if mixed is not None and mixed in self.acronyms:
            return self.acronyms[mixed], "org", ""  # "BoE": Bank of England
        if self.first_names.get(key):
            return self.first_names[key], "person", ""  # "the Wim report" after "Wim Kok"
        if sp is not None:
            self.named.add(sp[0])
            return sp
        if acronym:
            return word, "org", ""
        if prefix is not None:
            for name in reversed(self._org_prefixes.get(prefix, ())):
                if name.split()[0].startswith(word) and name != word:
                    return name, "org", ""  # "Fed" after "Federal Reserve"
        return None

    def _name_kind(self, words: list[str]) -> tuple[str, str, str, list[str]]:
        """Classify a capitalised chunk: (kind, canonical name, gender, title words).

        kind is ``person``, ``org``, ``thing`` (a name of unknown kind), ``single`` (one word,
        resolved later), ``title`` (only title words) or ``none``. The article-independent
        part is cached per registry, as the same names recur across a corpus.
        """
        kind, name, gender, title, registered = _classified(tuple(words), self.registry,
                                                            self.vocab)
        if registered:
            self.named.add(name)
        if kind == "surname":  # "Mr Smith": the full name introduced in this article, if any
            return "person", self.surnames.get(normalize_name(name), name), gender, list(title)
        return kind, name, gender, list(title)

    def _remember_person(self, canonical: str, title: list[str], pos: int) -> None:
        surname, first = _person_keys(canonical)
        if surname is not None:
            self.surnames.setdefault(surname, canonical)
            if first is not None:
                known = self.first_names.get(first)
                # a first name stands for one person only if no one else shares it
                self.first_names[first] = canonical if known in (None, canonical) else ""
        for w in title:
            low = w.lower()
            if low in self.vocab.role_nouns:
                self.roles.append((pos, low, canonical))

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, mention: Mention) -> tuple[str, str]:
        """``(speaker, rule)`` for a mention; ``("unknown", "none")`` when nothing fits."""
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention)
        if mention.kind == "name":
            found = self.resolve_name(mention.text, mention.start)
            if found:
                return found, "explicit"
        return self._resolve_description(mention)

    def resolve_name(self, surface: str, pos: int) -> str | None:
        """Canonical name for a capitalised mention, or None if it names nobody."""
        kind, name, _, _ = self._name_kind(surface.split())
        if kind == "single":
            found = self._single(name)
            return found[0] if found else name
        if kind == "title":
            sp = self.registry.lookup_title(name, self.named)
            return sp.name if sp else None
        if kind == "none":
            return None
        return name

    def is_person(self, name: str) -> bool:
        """True when ``name`` is a person of the registry or of this article."""
        sp = self.registry.speakers.get(name)
        if sp is not None:
            return sp.is_person
        return self.kinds.get(name) == "person"

    def is_org(self, name: str) -> bool:
        """True when ``name`` is an organisation, a government or a body, not a person."""
        sp = self.registry.speakers.get(name)
        if sp is not None:
            return not sp.is_person
        return self.kinds.get(name) in ("org", "gov")

    def is_title(self, surface: str) -> bool:
        """True when a capitalised mention is only a role ("The President")."""
        return self._name_kind(surface.split())[0] == "title"

    def note_speaker(self, start: int, end: int, name: str) -> None:
        """A name used as a speaker is a person or a body: make it a pronoun antecedent."""
        i = bisect_left(self._positions, start)
        while i < len(self.entities) and self.entities[i].pos < end:
            e = self.entities[i]
            if e.name == name and e.kind == "thing":
                e.kind = _thing_kind(name)
                self.kinds[name] = e.kind
            i += 1

    def mark_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Names inside quotations are the speaker's words, never antecedents of a pronoun."""
        if not spans:
            return
        starts = [a for a, _ in spans]
        for e in self.entities:
            k = bisect_left(starts, e.pos + 1) - 1
            if k >= 0 and spans[k][0] <= e.pos < spans[k][1]:
                e.quoted = True

    def _resolve_description(self, mention: Mention) -> tuple[str, str]:
        reg, v = self.registry, self.vocab
        sp = reg.lookup(mention.text)
        if sp:
            return sp.name, "explicit"
        sp = reg.lookup_title(mention.text, self.named)
        if sp:
            return sp.name, "title"
        head = mention.head
        if head in v.role_nouns:
            for pos, role, name in reversed(self.roles):
                if pos < mention.start and role == head:
                    return name, "title"
            sp = reg.lookup_title(head, self.named)
            if sp:
                return sp.name, "title"
        if head in v.org_nouns and head not in v.role_nouns:
            # "the government said": the government of a country named before, if any
            kinds = ("gov", "org") if head in ("government", "administration") else ("org",)
            org = self.subject_before(mention.start, kinds=kinds)
            if org:
                return org, "title"
        return "unknown", "none"

    def _resolve_pronoun(self, mention: Mention) -> tuple[str, str]:
        word = mention.text.lower()
        pos = mention.head_pos if mention.head_pos >= 0 else mention.start
        if word in ("he", "she"):
            gender = "m" if word == "he" else "f"
            person = self.subject_before(pos, gender)
            if person is None or person == "unknown":
                return "unknown", "none"
            # the pronoun now stands for the person: "He said ... He accused ..."
            self._insert(_Entity(mention.start, person, "person", gender,
                                 self._sentence_start_at(mention.start) == mention.start))
            return person, "pronoun"
        if word == "it":
            org = self.subject_before(pos, kinds=("org", "gov"))
            return (org, "pronoun") if org else ("unknown", "none")
        if word == "they":
            self._index_groups()
            group = self.subject_before(pos, kinds=("org", "group", "gov"))
            if group and group != "unknown":
                return group, "pronoun"
        return "unknown", "none"

    def note_topic(self, pos: int, name: str) -> None:
        """A statement's speaker stands at the start of its sentence as its topic."""
        if self.registry.speakers.get(name) is not None:
            kind = "person" if self.registry.speakers[name].is_person else "org"
            gender = self.registry.speakers[name].gender or ""
        else:
            if name not in self.kinds:
                return
            kind, gender = self.kinds[name], self.genders.get(name, "")
        if kind == "thing":
            kind = _thing_kind(name)
        self._insert(_Entity(pos, name, kind, gender, True))

    def note_unnamed(self, pos: int) -> None:
        """An unnamed person spoke here ("the prime minister's spokesman said"): a later "he"
        may mean them, so it must not jump back to someone named earlier."""
        self._insert(_Entity(pos, "unknown", "person", "",
                             self._sentence_start_at(pos) == pos))

    def _insert(self, entity: _Entity) -> None:
        i = bisect_left(self._positions, entity.pos)
        if i < len(self.entities) and self.entities[i].pos == entity.pos:
            return
        self.entities.insert(i, entity)
        self._positions.insert(i, entity.pos)
        self.kinds.setdefault(entity.name, entity.kind)

    def subject_before(self, pos: int, gender: str = "", kinds: tuple[str, ...] = ("person",),
                       sentences: int | None = None) -> str | None:
        """The entity a pronoun or description at ``pos`` most likely means.

        The first compatible entity of the nearest sentence before (or of the current
        sentence up to ``pos``): sentence subjects come first in English news.
        """
        i = bisect_left(self._positions, pos) - 1
        best: _Entity | None = None
        current = None
        floor = -1
        if sentences is not None:  # look back no further than this many sentences
            k = bisect_left(self.sentence_starts, pos + 1) - 1 - sentences
            floor = self.sentence_starts[k] if k >= 0 else -1
        while i >= 0:
            e = self.entities[i]
            if e.pos < floor:
                break
            start = self._sentence_start_at(e.pos)
            if current is not None and start != current and best is not None:
                break
            if e.kind in kinds and not e.quoted and not (gender and e.gender
                                                         and e.gender != gender):
                best = e
                current = start
            i -= 1
        return best.name if best else None


def _word_facts(word: str, reg: Registry, v: Vocabulary) -> tuple:
    """The article-independent facts ``ArticleContext._single`` and the index ask of a word.

    (matching key, lower case if it may be a mixed-case acronym ("BoE") else None,
    (name, kind, gender) of the registry speaker it names or None, whether it looks like an
    acronym, its first three letters if it may shorten an organisation's name ("Fed") else
    None, whether it is camel-cased like a company ("eBay"), whether it is an organisation
    word ("Bank")).

    Examples
    --------
    >>> from stance.registry import load_registry
    >>> _word_facts("BoE", load_registry(), vocabulary())
    ('boe', 'boe', None, False, 'BoE', False, False)
    """
    mixed = word.lower() if 2 <= len(word) <= 6 and word[0].isupper() and any(
        c.isupper() for c in word[1:]) else None
    sp = reg.lookup(word) or reg.lookup_surname(word)
    found = None if sp is None else (sp.name, "person" if sp.is_person else "org",
                                     sp.gender or "")
    prefix = word[:3] if len(word) >= 3 and word[0].isupper() and not word.isupper() else None
    return (normalize_name(word), mixed, found, bool(_ACRONYM.match(word)), prefix,
            bool(_CAMEL.match(word)), _has_org_word([word], v))


@lru_cache(maxsize=65536)
def _person_keys(canonical: str) -> tuple[str | None, str | None]:
    """(surname key, first-name key if it is a given name) of a name of two words or more;
    (None, None) for one word.

    Examples
    --------
    >>> _person_keys("John Smith"), _person_keys("Smith")
    (('smith', 'john'), (None, None))
    >>> _person_keys("Tokyo Electric Power")
    ('power', None)
    """
    parts = canonical.split()
    if len(parts) < 2:
        return None, None
    first = normalize_name(parts[0])
    return normalize_name(parts[-1]), (first if first in vocabulary().given_names else None)


def _org_noun_before(text: str, pos: int, v: Vocabulary) -> bool:
    """The word before ``pos`` is an organisation noun ("the firm HealthSouth")."""
    before = text[max(0, pos - 24):pos].rsplit(None, 1)  # its last word, as split()[-1]
    return bool(before) and before[-1].lower().strip(",") in v.org_nouns


def _chunk_names(chunk: str, reg: Registry, v: Vocabulary
                 ) -> tuple[tuple[int, int, tuple[str, str, str, tuple[str, ...], bool]], ...]:
    """The names of one capitalised chunk (a match of ``_CHUNK``), as the name index reads them:
    (start, end, classification) relative to the chunk, without the chunks that name nothing
    (kinds ``none`` and ``title``).

    A chunk is matched the same wherever it occurs (the pattern looks behind only its first
    capital, and ahead of nothing), so its segments and their classifications are the same
    in every article: the index remembers them per chunk string.

    Examples
    --------
    >>> from stance.registry import load_registry
    >>> [(s, e, c[:2]) for s, e, c in _chunk_names("But Shigeru Ishiba", load_registry(),
    ...                                            vocabulary())]
    [(0, 18, ('person', 'Shigeru Ishiba'))]
    """
    if " " not in chunk and "\t" not in chunk and "'s" not in chunk and "’s" not in chunk:
        # one word (a third of all chunks): _segments(chunk) is [(0, len(chunk), [chunk])]
        # unless the word is a connector, which _add_trimmed drops
        if chunk.lower() in _CONNECTORS:
            return ()
        found = _classified((chunk,), reg, v)
        return ((0, len(chunk), found),) if found[0] != "none" and found[0] != "title" else ()
    segments: list[tuple[int, int, list[str]]] = []
    if "'s" in chunk or "’s" in chunk:
        segments = _segments(chunk)
    else:  # _segments(chunk) without its regex: a chunk is one match of _CHUNK, spanning it
        _add_trimmed(0, len(chunk), chunk.split(), segments)
    out = []
    for start, end, words in segments:
        found = _classified(tuple(words), reg, v)
        if found[0] != "none" and found[0] != "title":
            out.append((start, end, found))
    return tuple(out)


def _classified(words: tuple[str, ...], reg: Registry, v: Vocabulary
                ) -> tuple[str, str, str, tuple[str, ...], bool]:
    """:func:`_classify_words`, remembered in the registry's cache under the words, where
    ``ArticleContext._name_kind`` finds it when a speaker's name is the same words."""
    cache = reg.cache
    found = cache.get(words)
    if found is None:
        found = _remember(cache, words, _classify_words(words, reg, v))
    return found


def _chunk_entry(chunk: str, reg: Registry, v: Vocabulary) -> tuple:
    """What the name index needs of one chunk, prepared once per chunk string: ``()`` when it
    names nobody, else (names, single words) from :func:`_chunk_names`.

    A name is (start, end, kind, name, gender, from the registry, the role nouns of its title,
    keys): for a person or a thing its :func:`_person_keys`, for an organisation its first three
    letters and the acronyms it stands for (its initials in lower case, then those of each tail
    of its capitalised words), for "Mr Smith" (kind ``surname``) the surname's key. A single
    word is (start, word, whether it has a title, its :func:`_word_facts`).
    """
    names = []
    singles = []
    role_nouns = v.role_nouns
    cache = reg.cache
    for start, end, (kind, name, gender, title, registered) in _chunk_names(chunk, reg, v):
        if kind == "single":  # its facts remembered as ArticleContext._facts does, and shared
            facts = cache.get((None, name))
            if facts is None:
                facts = _remember(cache, (None, name), _word_facts(name, reg, v))
            singles.append((start, name, bool(title), facts))
            continue
        keys: object = None
        if kind == "surname":
            keys = normalize_name(name)
        elif kind == "person" or kind == "thing":
            keys = _person_keys(name)
        elif kind == "org":
            words = name.split()
            initials = ["".join(w[0] for w in words).lower()]
            parts = [w for w in words if w[0].isupper() and w.lower() not in _SMALL]
            initials += ["".join(w[0] for w in parts[i:]) for i in range(len(parts) - 1)]
            keys = (name[:3], tuple(initials))
        title_roles = tuple(w.lower() for w in title if w.lower() in role_nouns) if title else ()
        names.append((start, end, kind, name, gender, registered, title_roles, keys))
    if not names and not singles:
        return ()
    return tuple(names), tuple(singles)


def _classify_words(words: tuple[str, ...], reg: Registry, v: Vocabulary
                    ) -> tuple[str, str, str, tuple[str, ...], bool]:
    """(kind, name, gender, title words, from the registry) of a capitalised chunk."""
    if len(words) == 1:  # a third of all chunks: the same checks, without the general path's
        found = _classify_word(words[0], reg, v)
        if found is not None:
            return found
    words_l = list(words)
    while words_l and ((low := words_l[0].lower()) in _OPENERS or low in _CONNECTORS):
        words_l = words_l[1:]
    if not words_l:
        return "none", "", "", (), False

    def registered(sp, title) -> tuple[str, str, str, tuple[str, ...], bool]:
        kind = "person" if sp.is_person else "org"
        return kind, sp.name, sp.gender or "", tuple(title), True

    def person(title, name) -> tuple[str, str, str, tuple[str, ...], bool]:
        return "person", " ".join(name), _gender_of(title, name, v), tuple(title), False

    whole = " ".join(words_l)
    sp = reg.lookup(whole)
    if sp is not None:
        return registered(sp, [])
    country = countries().get(normalize_name(whole))
    if country is not None:  # "Ukraine", "Beijing": the country's government
        return "gov", country, "", (), False
    if "of" in words_l[1:]:  # "Nicolas Sarkozy of France"
        k = words_l.index("of", 1)
        t, n = split_title(words_l[:k], v)
        if len(n) >= 2 and not _has_org_word(n, v):
            return person(t, n)
    title, name = split_title(words_l, v)
    if name:
        last = _strip_possessive(name[-1])
        if title or last != name[-1]:  # else the name is ``whole``, not in the registry
            name[-1] = last
            sp = reg.lookup(" ".join(name))
            if sp is not None:
                return registered(sp, title)
    elif words_l[-1].lower() in v.role_nouns:
        return "title", whole, "", tuple(title), False  # "Treasury Secretary", "The President"
    elif all(w.lower() in v.nationalities and w.isupper() for w in words_l):
        return "org", whole, "", (), False  # "EU", "UK": a country or bloc speaking
    if len(name) == 1 and len(words_l) == 1 and _has_org_word(name, v):
        return "single", name[0], "", tuple(title), False  # "the Bank": maybe Bank of England
    if len(name) >= 2 and not _has_org_word(name, v):
        if title or name[0].lower() in v.given_names:
            return person(title, name)
        if _has_org_word(words_l, v):
            return "org", normalize_org(whole), "", tuple(title), False
        return "thing", " ".join(name), "", tuple(title), False
    if _has_org_word(words_l, v):
        return "org", normalize_org(whole), "", tuple(title), False
    if len(name) == 1:
        if title and any(_is_honorific(t, v) for t in title):
            return "surname", name[0], _gender_of(title, name, v), tuple(title), False
        return "single", name[0], "", tuple(title), False
    if name:
        return "thing", " ".join(name), "", tuple(title), False
    return "title", whole, "", tuple(title), False


def _classify_word(word: str, reg: Registry, v: Vocabulary
                   ) -> tuple[str, str, str, tuple[str, ...], bool] | None:
    """:func:`_classify_words` of one word, or None for a possessive ("Smith's"), left to it.

    Of one word, :func:`split_title` makes a title if the word ends a name from the right
    (a title word, an honorific, a nationality, an opener), else a name; a name is then the
    whole chunk, already looked up, and every path that follows makes it a ``single``.
    """
    low = word.lower()
    if low in _OPENERS or low in _CONNECTORS:
        return "none", "", "", (), False
    if _strip_possessive(word) != word:
        return None
    sp = reg.lookup(word)
    if sp is not None:
        return "person" if sp.is_person else "org", sp.name, sp.gender or "", (), True
    country = countries().get(normalize_name(word))
    if country is not None:
        return "gov", country, "", (), False
    if not (low in v.title_words or low in v.honorifics or low in v.nationalities or (
            "-" in low and all(x in v.title_words for x in low.split("-")))):
        return "single", word, "", (), False  # (openers returned "none" above)
    if low in v.role_nouns:
        return "title", word, "", (word,), False
    if low in v.nationalities and word.isupper():
        return "org", word, "", (), False
    if _org_word(word, v.org_name_words):
        return "org", normalize_org(word), "", (word,), False
    return "title", word, "", (word,), False


def normalize_org(name: str) -> str:
    """An organisation's name as a speaker: no leading "the", possessive or parent body.

    Examples
    --------
    >>> normalize_org("the UN's Food & Agriculture Organisation")
    'Food & Agriculture Organisation'
    """
    words = name.split()
    while words and words[0].lower() in _OPENERS:
        words = words[1:]
    while len(words) > 2 and _POSSESSIVE.search(words[0]) and words[0][-2:] in ("'s", "’s"):
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(words)
