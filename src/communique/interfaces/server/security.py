"""Request limits, response headers and the write token.

- Every response carries headers that keep a page's content inert: a Content
  Security Policy allowing scripts, styles and images from this server only
  (no inline script, so text from an article can never run), ``nosniff``, no
  framing, no referrer.
- A request body larger than ``max_bytes`` is refused with 413 before it is
  read whole.
- Writes need ``Authorization: Bearer <api_token>``; with no token set, writes
  are refused (403) and the message says how to set one.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique.interfaces.server.errors import ApiError, error_body

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

NO_TOKEN = (
    "writes are disabled: no API token is configured; set one with the environment "
    "variable COMMUNIQUE_API_TOKEN (e.g. COMMUNIQUE_API_TOKEN=$(openssl rand -hex 16) "
    "communique serve) and send it as 'Authorization: Bearer <token>'"
)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (pure ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``max_bytes``: by Content-Length up front, else while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send, declared)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return (
            f"the request body is larger than {self.max_bytes:,} bytes "
            "(setting max_bytes, COMMUNIQUE_MAX_BYTES)"
        )

    async def _refuse(self, send: Send, declared: bytes) -> None:
        import json

        status = 413 if declared.isdigit() else 400
        message = self._message() if status == 413 else "Content-Length is not a number"
        body = json.dumps(error_body(status, [message])).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """A dependency of every write route."""
    expected: str = request.app.state.communique.settings.api_token
    if not expected:
        raise ApiError(403, NO_TOKEN)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="communique"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401, "this endpoint needs 'Authorization: Bearer <token>'", headers=challenge
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "the token is not the server's API token", headers=challenge)
