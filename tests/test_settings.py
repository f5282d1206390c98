"""Configuration precedence, the choice of backend, and what the cache key depends on."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from hostile import SEED1, invoke
from summarise.extract.cache import cache_key
from summarise.settings import Settings


def test_arguments_beat_summarise_variables_which_beat_openai_ones():
    env = {"OPENAI_MODEL": "gpt-x", "OPENAI_BASE_URL": "http://openai", "OPENAI_API_KEY": "sk-openai",
           "SUMMARISE_MODEL": "qwen", "SUMMARISE_MAX_REASKS": "1"}
    s = Settings.from_env(env)
    assert (s.model, s.base_url, s.max_reasks) == ("qwen", "http://openai", 1)
    assert s.api_key.get_secret_value() == "sk-openai"
    assert Settings.from_env(env, model="deepseek-chat").model == "deepseek-chat"
    assert Settings.from_env(env, model=None).model == "qwen"  # None means "not given"


def test_backend_is_offline_until_a_model_and_an_endpoint_are_configured():
    assert not Settings.from_env({}).use_llm
    assert not Settings.from_env({"SUMMARISE_MODEL": "qwen"}).use_llm
    assert Settings.from_env({"SUMMARISE_MODEL": "qwen", "SUMMARISE_BASE_URL": "http://x/v1"}).use_llm
    assert Settings.from_env({"OPENAI_MODEL": "gpt", "OPENAI_API_KEY": "sk"}).use_llm
    assert not Settings.from_env({"OPENAI_MODEL": "gpt", "OPENAI_API_KEY": "sk"}, backend="offline").use_llm
    assert Settings.from_env({}, backend="llm").use_llm


def test_the_key_is_secret_everywhere_settings_are_shown():
    s = Settings.from_env({"SUMMARISE_API_KEY": "sk-test-SECRET-1"})
    assert "sk-test-SECRET-1" not in repr(s) + str(s.describe()) + s.model_dump_json()


def test_cache_key_changes_with_what_changes_the_answer_but_not_with_the_key():
    base = Settings(model="m", base_url="http://a/v1", api_key="sk-1")
    key = cache_key("正文", base, title=None, published=None, kind=None)
    assert key == cache_key("正文", base.model_copy(update={"api_key": "sk-2"}), title=None, published=None, kind=None)
    for change in ({"model": "n"}, {"base_url": "http://b/v1"}, {"mode": "tools"}, {"temperature": 0.5},
                   {"max_reasks": 1}, {"list_limit": 3}):
        assert key != cache_key("正文", base.model_copy(update=change), title=None, published=None, kind=None), change
    assert key != cache_key("正文。", base, title=None, published=None, kind=None)
    assert key != cache_key("正文", base, title=None, published="2024-01-01", kind=None)


def test_the_package_exports_the_functions_the_readme_shows():
    import summarise.normalise.pipeline  # noqa: F401  (importing the subpackage must not shadow the function)
    from summarise import extract, normalise

    assert callable(normalise) and callable(extract)
    assert normalise("8月1日,某镇召开推进会。").text.startswith("8月1日")


def test_a_document_longer_than_the_limit_is_a_clear_error():
    import pytest

    from summarise import ExtractionError, extract

    with pytest.raises(ExtractionError, match="more than the limit of 1,000"):
        extract("镇长主持会议。" * 300, settings=Settings(backend="offline", max_chars=1000))


def test_modes_backends_and_kinds_are_declared_once() -> None:
    """The CLI, extract(), the Batch-API files and the settings take their choices from one place, and
    the kinds a caller may ask for are the record kinds (plus auto, less the out-of-scope one)."""
    from typing import get_args

    from summarise import settings
    from summarise.schemas import KINDS, Kind

    assert ("auto", *(k for k in KINDS if k != "other")) == settings.KIND_CHOICES
    assert get_args(Kind) == KINDS
    assert get_args(settings.Mode) == settings.MODES and "json_schema" in settings.MODES
    assert settings.BACKENDS == ("auto", "offline", "llm")
    assert Settings.model_fields["mode"].annotation == settings.Mode


@pytest.mark.parametrize("url", ["notaurl", "ftp://127.0.0.1/v1", "http://", "http://127.0.0.1:99999/v1",
                                 "http://127.0.0.1:x/v1"])
def test_an_endpoint_url_no_request_could_use_is_a_configuration_error(url: str) -> None:
    with pytest.raises(ValidationError, match="base_url"):
        Settings.from_env({}, base_url=url)
    result = invoke("extract", str(SEED1), "--model", "m", "--base-url", url, env={"SUMMARISE_CACHE_DIR": "/nonexistent"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("summarise: error: bad configuration: base_url: ") and url in result.stderr
    assert "Value error" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_endpoint_url_with_a_port_and_path_is_kept_as_given() -> None:
    for url in ("http://127.0.0.1:8080/v1", "https://api.example.com/v1", "http://[::1]:8000/v1"):
        assert Settings.from_env({}, base_url=url).base_url == url
