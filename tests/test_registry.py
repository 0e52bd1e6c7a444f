"""The speaker registry: canonical names, name orders, aliases, titles, sides, user registries."""

from __future__ import annotations

import pytest

from stance import Registry, Speaker, extract_quotes, load_registry
from stance.registry import normalize_name

__all__: list[str] = []


# --- the packaged registry --------------------------------------------------------------------

ISSUE_SPEAKERS = {
    "Scott Bessent": "US", "Jamieson Greer": "US", "Howard Lutnick": "US", "Donald Trump": "US",
    "U.S. Treasury": "US", "Shigeru Ishiba": "Japan", "Ryosei Akazawa": "Japan",
    "Itsunori Onodera": "Japan", "Japanese government": "Japan", "Richard Katz": "analyst",
    "Nikkei": "media",
}


def test_packaged_registry_has_the_seed_speakers_and_sides():
    reg = load_registry()
    for name, side in ISSUE_SPEAKERS.items():
        assert name in reg, name
        assert reg.side(name) == side, name
    assert not reg.speakers["U.S. Treasury"].is_person
    assert not reg.speakers["Japanese government"].is_person
    assert reg.speakers["Ryosei Akazawa"].is_person


def test_side_of_a_speaker_not_in_the_registry_is_unknown():
    assert load_registry().side("Taro Yamada") == "unknown"
    assert load_registry().side("unknown") == "unknown"


@pytest.mark.parametrize("mention, name", [
    ("Akazawa Ryosei", "Ryosei Akazawa"),
    ("Ryosei Akazawa", "Ryosei Akazawa"),
    ("Ishiba Shigeru", "Shigeru Ishiba"),
    ("Onodera Itsunori", "Itsunori Onodera"),
    ("akazawa ryosei", "Ryosei Akazawa"),
    ("Minister Akazawa", "Ryosei Akazawa"),
    ("Secretary Bessent", "Scott Bessent"),
    ("President Trump", "Donald Trump"),
    ("Donald J. Trump", "Donald Trump"),
    ("the U.S. Treasury", "U.S. Treasury"),
    ("US Treasury", "U.S. Treasury"),
    ("Tokyo", "Japanese government"),
    ("the White House", "U.S. government"),
])
def test_lookup_by_name_order_and_alias(mention, name):
    sp = load_registry().lookup(mention)
    assert sp is not None and sp.name == name


def test_lookup_of_an_unknown_name_is_none():
    assert load_registry().lookup("Taro Yamada") is None
    assert load_registry().lookup("") is None


def test_bare_title_counts_only_when_its_holder_is_named():
    reg = load_registry()
    assert reg.lookup_title("the President") is None
    assert reg.lookup_title("the President", named={"Shigeru Ishiba"}) is None
    assert reg.lookup_title("the President", named={"Donald Trump"}).name == "Donald Trump"
    assert reg.lookup_title("Prime Minister") is None
    assert reg.lookup_title("Prime Minister", named={"Shigeru Ishiba"}).name == "Shigeru Ishiba"


@pytest.mark.parametrize("title, name", [
    ("Japan's top negotiator", "Ryosei Akazawa"),
    ("Japan’s top negotiator", "Ryosei Akazawa"),
    ("Japanese Prime Minister", "Shigeru Ishiba"),
    ("the US Secretary of the Treasury", "Scott Bessent"),
    ("Treasury Secretary", "Scott Bessent"),
    ("Commerce Secretary", "Howard Lutnick"),
    ("Economic Revitalization Minister", "Ryosei Akazawa"),
])
def test_country_qualified_titles_count_anywhere(title, name):
    sp = load_registry().lookup_title(title)
    assert sp is not None and sp.name == name


def test_surname_lookup():
    reg = load_registry()
    assert reg.lookup_surname("Akazawa").name == "Ryosei Akazawa"
    assert reg.lookup_surname("Smith") is None


def test_surname_shared_by_two_speakers_names_neither():
    reg = Registry.from_speakers([Speaker("Ann Smith", "US"), Speaker("Bob Smith", "Japan"),
                                  Speaker("Cy Jones", "other")])
    assert reg.lookup_surname("Smith") is None
    assert reg.lookup_surname("Jones").name == "Cy Jones"


def test_institutions_have_no_surname():
    reg = Registry.from_speakers([Speaker("Bank of England", "other", type="institution")])
    assert reg.lookup_surname("England") is None


@pytest.mark.parametrize("raw, key", [
    ("the U.S. Treasury", "us treasury"),
    ("Japan’s top negotiator", "japan's top negotiator"),
    ("  The   White\nHouse. ", "white house"),
    ("AKAZAWA", "akazawa"),
    # the whitespace and dot folding that normalize_name skips when there is none to fold
    ("U.S.  Treasury", "us treasury"),
    ("the\tJapan\u00a0Times", "japan times"),
    ("Mr Akazawa’s", "mr akazawa's"),
    ("J. P. Morgan,", "j p morgan"),
    ("Japan", "japan"),
])
def test_normalize_name(raw, key):
    assert normalize_name(raw) == key


def test_load_registry_passes_a_registry_through():
    reg = load_registry()
    assert load_registry(reg) is reg


# --- a user's own registry --------------------------------------------------------------------

MY_REGISTRY = """
[[speaker]]
name = "Zara Quill"
side = "other"
type = "person"
gender = "f"
aliases = ["Quill", "Quill Zara"]
titles = ["Freedonia's chief envoy"]

[[speaker]]
name = "Freedonian government"
side = "other"
type = "institution"
aliases = ["Freedonia", "Freedonian officials"]
"""


@pytest.fixture()
def my_registry(tmp_path):
    path = tmp_path / "speakers.toml"
    path.write_text(MY_REGISTRY, encoding="utf-8")
    return path


def test_user_registry_loads(my_registry):
    reg = load_registry(my_registry)
    assert set(reg.speakers) == {"Zara Quill", "Freedonian government"}
    assert reg.lookup("Quill Zara").name == "Zara Quill"
    assert reg.lookup_title("Freedonia’s chief envoy").name == "Zara Quill"
    assert reg.side("Zara Quill") == "other"


@pytest.mark.parametrize("text, speaker, attribution", [
    ("Zara Quill said the tariffs would stay.", "Zara Quill", "explicit"),
    ("Quill Zara said the tariffs would stay.", "Zara Quill", "explicit"),
    ("Freedonia’s chief envoy said the tariffs would stay.", "Zara Quill", "title"),
    ("Freedonia said the tariffs would stay.", "Freedonian government", "explicit"),
    ("Zara Quill met Tom Hardy. “We will hold firm,” she said.", "Zara Quill", "pronoun"),
])
def test_extract_quotes_uses_the_user_registry(my_registry, text, speaker, attribution):
    q = extract_quotes(text, registry=my_registry)
    assert q[["speaker", "side", "attribution"]].values.tolist() == [
        [speaker, "other", attribution]]


def test_user_registry_replaces_the_packaged_one(my_registry):
    # Akazawa is still named from the text, but he is not in this registry: side unknown
    q = extract_quotes("Ryosei Akazawa said the tariffs would stay.", registry=my_registry)
    assert q[["speaker", "side"]].values.tolist() == [["Ryosei Akazawa", "unknown"]]
    q = extract_quotes("Ryosei Akazawa said the tariffs would stay.")
    assert q[["speaker", "side"]].values.tolist() == [["Ryosei Akazawa", "Japan"]]


def test_user_registry_as_a_registry_object():
    reg = Registry.from_speakers([Speaker("Zara Quill", "analyst", aliases=("Quill",))])
    q = extract_quotes("Quill said the tariffs would stay.", registry=reg)
    assert q[["speaker", "side"]].values.tolist() == [["Zara Quill", "analyst"]]


def test_user_registry_path_as_a_string(my_registry):
    q = extract_quotes("Zara Quill said the tariffs would stay.", registry=str(my_registry))
    assert q["side"].tolist() == ["other"]


# --- bad registry files -----------------------------------------------------------------------


def _write(tmp_path, body: str):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_missing_registry_file_names_the_path(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(FileNotFoundError, match="nope.toml"):
        load_registry(path)


@pytest.mark.parametrize(("body", "message"), [
    ('[[speaker]\nname = "Ann Lee"\n', r"bad\.toml.*not valid TOML"),
    ('[[speaker]]\nname = "Ann Lee"\nside = ""\n', r"bad\.toml.*Ann Lee.*side"),
    ('[[speaker]]\nside = "US"\n', "no name"),
    ('speaker = "Ann Lee"\n', r"\[\[speaker\]\]"),
], ids=["not-toml", "empty-side", "no-name", "not-a-table-list"])
def test_a_broken_registry_is_a_clear_error_naming_file_and_problem(tmp_path, body, message):
    with pytest.raises(ValueError, match=message):
        load_registry(_write(tmp_path, body))


def test_registry_side_of_a_users_own_study_is_kept(tmp_path):
    # a study of EU-US talks has sides the seed study does not: they are the user's labels
    path = _write(tmp_path, '[[speaker]]\nname = "Ann Lee"\nside = "EU"\n')
    q = extract_quotes("Ann Lee said the talks went well.", registry=path)
    assert q[["speaker", "side"]].values.tolist() == [["Ann Lee", "EU"]]


def test_registry_speaker_without_a_side_is_unknown(tmp_path):
    path = _write(tmp_path, '[[speaker]]\nname = "Ann Lee"\n')
    assert load_registry(path).side("Ann Lee") == "unknown"


def test_bad_registry_through_extract_quotes_is_the_same_error(tmp_path):
    path = _write(tmp_path, '[[speaker]\nname = "Ann Lee"\n')
    with pytest.raises(ValueError, match=r"bad\.toml.*not valid TOML"):
        extract_quotes("Ann Lee said the talks went well.", registry=path)


def test_registry_with_aliases_as_a_string_is_refused(tmp_path):
    path = _write(tmp_path, '[[speaker]]\nname = "Ann Lee"\nside = "US"\naliases = "Lee"\n')
    with pytest.raises(ValueError, match="aliases"):
        load_registry(path)


def test_an_edited_registry_file_is_read_again(tmp_path):
    path = _write(tmp_path, '[[speaker]]\nname = "Ann Lee"\nside = "US"\n')
    assert extract_quotes("Ann Lee said the talks went well.", registry=path)["side"].tolist() \
        == ["US"]
    path.write_text('[[speaker]]\nname = "Ann Lee"\nside = "EU"\n', encoding="utf-8")
    assert extract_quotes("Ann Lee said the talks went well.", registry=path)["side"].tolist() \
        == ["EU"]


def test_whitespace_other_than_the_space_is_never_printable():
    """normalize_name skips folding whitespace in a printable text with no double space."""
    import re
    import sys

    space = re.compile(r"\s")
    assert all(not chr(c).isprintable() for c in range(sys.maxunicode + 1)
               if c != 0x20 and space.match(chr(c)))
