import dataclasses

import pytest

from communique.settings import SETTINGS, Settings, SettingsError, load_settings


def test_settings_table_and_record_agree():
    fields = {field.name: field.default for field in dataclasses.fields(Settings)}
    assert {setting.name: setting.default for setting in SETTINGS} == fields


def test_load_settings_reads_the_environment_then_overrides():
    settings = load_settings(
        {"COMMUNIQUE_BATCH_SIZE": "4", "COMMUNIQUE_DB": "env.db"}, db="flag.db"
    )
    assert settings.batch_size == 4
    assert settings.db == "flag.db"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"COMMUNIQUE_BATCH_SIZE": "many"}, "expected int"),
        ({"COMMUNIQUE_MAX_BYTES": "-1"}, "negative"),
    ],
)
def test_load_settings_rejects_bad_values_with_the_setting_name(environ, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(environ)


def test_settings_replace_rejects_unknown_names():
    with pytest.raises(SettingsError, match="unknown setting"):
        Settings().replace(colour="blue")
