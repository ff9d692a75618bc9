import communique


def test_exported_members_are_sorted_and_exist():
    names = [name for name in communique.__all__ if name != "__version__"]
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    for name in communique.__all__:
        assert hasattr(communique, name), name


def test_exported_members_are_the_public_api():
    public = {name for name in vars(communique) if not name.startswith("_")}
    modules = {name for name, value in vars(communique).items() if type(value).__name__ == "module"}
    assert public - modules == set(communique.__all__) - {"__version__"}
