"""Configuration: explicit arguments, then SUMMARISE_* environment variables, then OPENAI_* ones."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

Backend = Literal["auto", "offline", "llm"]
Mode = Literal["json_schema", "tools", "json", "md_json"]  # how the answer's JSON is asked for (instructor's modes)
KindChoice = Literal["auto", "meeting_report", "policy_lecture"]  # what a document may be asked to be read as
BACKENDS: tuple[Backend, ...] = get_args(Backend)
MODES: tuple[Mode, ...] = get_args(Mode)
KIND_CHOICES: tuple[KindChoice, ...] = get_args(KindChoice)

# setting name -> environment variables consulted in order (first set wins)
_ENV: dict[str, tuple[str, ...]] = {
    "backend": ("SUMMARISE_BACKEND",),
    "model": ("SUMMARISE_MODEL", "OPENAI_MODEL"),
    "base_url": ("SUMMARISE_BASE_URL", "OPENAI_BASE_URL"),
    "api_key": ("SUMMARISE_API_KEY", "OPENAI_API_KEY"),
    "mode": ("SUMMARISE_MODE",),
    "max_reasks": ("SUMMARISE_MAX_REASKS",),
    "timeout": ("SUMMARISE_TIMEOUT",),
    "cache_dir": ("SUMMARISE_CACHE_DIR",),
    "no_cache": ("SUMMARISE_NO_CACHE",),
    "token_cap": ("SUMMARISE_TOKEN_CAP",),
    "temperature": ("SUMMARISE_TEMPERATURE",),
    "max_tokens": ("SUMMARISE_MAX_TOKENS",),
    "list_limit": ("SUMMARISE_LIST_LIMIT",),
    "max_chars": ("SUMMARISE_MAX_CHARS",),
    "text_limit": ("SUMMARISE_TEXT_LIMIT",),
    "context_chars": ("SUMMARISE_CONTEXT_CHARS",),
    "cross_check": ("SUMMARISE_CROSS_CHECK",),
}


class Settings(BaseModel):
    """Everything that configures extraction. `Settings.from_env(**overrides)` resolves it."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    backend: Backend = Field("auto", description="auto: the LLM when a model and endpoint are configured, else offline")
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    mode: Mode = "json_schema"
    max_reasks: int = Field(2, ge=0, le=10, description="validation re-asks after the first answer")
    max_attempts: int = Field(4, ge=1, le=10, description="tries per HTTP call for transient errors")
    max_wait: float = Field(60.0, gt=0, description="seconds to spend retrying one call, at most")
    timeout: float = Field(120.0, gt=0, description="seconds per HTTP request")
    temperature: float = 0.0
    max_tokens: int = Field(4096, ge=256)
    token_cap: int | None = Field(None, ge=1, description="stop re-asking a document past this many tokens")
    context_chars: int = Field(12000, ge=500, description="split documents longer than this at paragraph boundaries")
    max_chars: int = Field(200_000, ge=1000, description="refuse documents longer than this after cleaning")
    list_limit: int | None = Field(None, ge=1, description="tighter maxItems in the schema sent to the model (small local models)")
    text_limit: int | None = Field(None, ge=8, description="tighter maxLength for strings in the schema sent to the model")
    cache_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_cache_dir("summarise")))
    no_cache: bool = False
    refresh: bool = False
    cross_check: bool = Field(False, description=(
        "also run the offline extractor on an LLM document and list what it finds that the answer lacks "
        "(provenance.possibly_missed); the CLI turns it on, the library leaves it to the caller"))

    @field_validator("base_url")
    @classmethod
    def _an_http_url(cls, url: str | None) -> str | None:
        """A URL no request could use is a configuration error now, not a retried network failure later."""
        if url is None:
            return None
        try:
            parts = urlsplit(url)
            port = parts.port  # raises when out of range or not a number
        except ValueError as exc:
            raise ValueError(f"{url!r} is not a URL ({exc})") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{url!r} needs http:// or https:// and a host, e.g. http://127.0.0.1:8080/v1")
        del port
        return url

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Arguments win over SUMMARISE_* variables, which win over OPENAI_* ones."""
        source: Mapping[str, str] = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name, keys in _ENV.items():
            for key in keys:
                if source.get(key):
                    values[name] = source[key]
                    break
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def use_llm(self) -> bool:
        if self.backend == "offline":
            return False
        if self.backend == "llm":
            return True
        return bool(self.model and (self.base_url or self.api_key))

    def describe(self) -> dict[str, Any]:
        """Settings safe to log or store: the API key is never included."""
        return self.model_dump(mode="json", exclude={"api_key"})
