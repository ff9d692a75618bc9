"""The JSON API under ``/api``: one module per kind of record."""

from __future__ import annotations

from fastapi import APIRouter

from communique.interfaces.server.routes import actors, articles, events, exports, extract

api = APIRouter(prefix="/api")
for module in (articles, extract, events, actors, exports):
    api.include_router(module.router)

__all__ = ["api"]
