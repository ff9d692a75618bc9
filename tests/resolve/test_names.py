import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.resolve.names import name_key, same_person_name, slug, surname_key, word_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelensky", "Zelenskiy"),
        ("Orbán", "Orban"),
        ("Yury", "Yuri"),
        ("Yuriy", "Yuri"),
        ("Karoline", "Caroline"),
        ("Sergei", "Sergey"),
        ("Dmitriev", "Dmitriyev"),
    ],
)
def test_word_key_merges_transliterations(a, b):
    assert word_key(a) == word_key(b)


@pytest.mark.parametrize(("a", "b"), [("Putin", "Rutte"), ("Lavrov", "Lavrova"), ("Xi", "Li")])
def test_word_key_keeps_different_names_apart(a, b):
    assert word_key(a) != word_key(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vladimir Putin", "Putin", True),
        ("Yury Ushakov", "Yuri Ushakov", True),
        ("J. Vance", "JD Vance", True),
        ("Sergei Lavrov", "Maria Lavrov", False),
        ("Donald Trump", "Donald Tusk", False),
        ("Mr Witkoff", "Steve Witkoff", True),
    ],
)
def test_same_person_name_needs_surname_and_compatible_given_names(a, b, same):
    assert same_person_name(a, b) is same


def test_surname_key_is_the_last_word():
    assert surname_key("Volodymyr Zelenskyy") == surname_key("Zelensky")


def test_slug_is_ascii():
    assert slug("Viktor Orbán") == "viktor-orban"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúüñ -", max_size=30))
def test_name_key_ignores_case_and_accents(name):
    import unicodedata

    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    assert name_key(name.upper()) == name_key(plain)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15))
def test_word_key_is_idempotent(word):
    assert word_key(word_key(word)) == word_key(word)
