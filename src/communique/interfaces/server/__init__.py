"""``communique serve``: a JSON API and web pages over a store.

``create_app`` builds the app; ``routes/`` holds the JSON API, ``pages/`` the
server-rendered pages, ``templates/`` and ``static/`` what they are drawn with
(every asset local: nothing is fetched from another host).
"""

from communique.interfaces.server.app import create_app

__all__ = ["create_app"]
