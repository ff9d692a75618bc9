"""One error shape for every error the server returns.

Every JSON error is::

    {"ok": false, "status": 404, "code": "not_found",
     "error": "no article with id 'ab12' in the store",
     "errors": ["no article with id 'ab12' in the store"]}

``error`` is every message of ``errors`` joined with "; " (a validation error
can have several). A browser asking for a page gets the same fields as an
HTML page with the same status. ``tests/server/test_error_shape.py`` hits
every route with bad input and checks the shape.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.errors import (
    CommuniqueError,
    InputError,
    NotFoundError,
    StoreError,
    StoreLockedError,
)
from communique.interfaces.server.templating import templates

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error a route raises on purpose, with its status and message(s)."""

    def __init__(self, status: int, *messages: str, headers: dict[str, str] | None = None) -> None:
        super().__init__("; ".join(messages))
        self.status = status
        self.messages = list(messages)
        self.headers = headers


def error_body(status: int, messages: list[str]) -> dict[str, Any]:
    messages = [m for m in messages if m] or [CODES.get(status, "error").replace("_", " ")]
    return {
        "ok": False,
        "status": status,
        "code": CODES.get(status, "error"),
        "error": "; ".join(messages),
        "errors": messages,
    }


def wants_html(request: Request) -> bool:
    """A browser on a page gets an HTML error; the API and every other client get JSON."""
    path = request.url.path
    if path.startswith(("/api", "/static")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, messages: list[str], headers: Mapping[str, str] | None = None
) -> Response:
    body = error_body(status, messages)
    if wants_html(request):
        return templates.TemplateResponse(
            request,
            "error.html",
            {"error": body, "section": ""},
            status_code=status,
            headers=headers,
        )
    return JSONResponse(body, status_code=status, headers=headers)


PATTERN_HINTS: dict[str, str] = {}
"""What a pattern means in words (``params`` registers its own), for messages people read."""


def _message(problem: dict[str, Any]) -> str:
    ctx = problem.get("ctx") or {}
    kind = problem.get("type")
    if kind == "json_invalid":
        return f"the body is not valid JSON ({ctx.get('error', 'cannot be parsed')})"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_HINTS:
        return f"expected {PATTERN_HINTS[ctx['pattern']]}, got {problem.get('input')!r}"
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"])  # our own validators' words, without pydantic's prefix
    return str(problem.get("msg", "invalid"))


def validation_messages(error: RequestValidationError) -> list[str]:
    """One line per problem: where it is (``query.limit``) and what is wrong."""
    out = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()))
        message = _message(problem)
        out.append(f"{where}: {message}" if where else message)
    return out


FASTAPI_BODY_ERROR = "There was an error parsing the body"


def _body_message(cause: BaseException | None) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return "body: the body is not valid JSON (its bytes are not UTF-8, UTF-16 or UTF-32 text)"
    return f"body: the body cannot be read as JSON ({type(cause).__name__ if cause else 'unknown'})"


def _status_of(error: CommuniqueError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, InputError):
        return 422
    if isinstance(error, StoreError):
        return 503
    return 400


def install(app: FastAPI) -> None:
    """Route every kind of failure through :func:`error_response`."""

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 400 and error.detail == FASTAPI_BODY_ERROR:
            # FastAPI's words for a body json.loads cannot even decode; say it like the others
            return error_response(request, 422, [_body_message(error.__cause__)])
        return error_response(request, error.status_code, [str(error.detail)], error.headers)

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(request, 422, validation_messages(error))

    async def on_api(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(request, error.status, error.messages, error.headers)

    async def on_library(request: Request, error: Exception) -> Response:
        assert isinstance(error, CommuniqueError)
        status = _status_of(error)
        headers = {"Retry-After": "5"} if isinstance(error, StoreLockedError) else None
        if status >= 500:
            log.warning("store unavailable: %s", error)
        return error_response(request, status, [error.message], headers)

    async def on_crash(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, ["internal error; the server log has the details"])

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ApiError, on_api)
    app.add_exception_handler(CommuniqueError, on_library)
    app.add_exception_handler(Exception, on_crash)
