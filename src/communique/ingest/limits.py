"""A time limit on one piece of work, so that one hostile input cannot stall a batch.

In the main thread the limit is a ``SIGALRM`` timer; elsewhere (a Dask
worker's task thread, a server thread) a timer thread raises the exception in
the working thread with ``PyThreadState_SetAsyncExc``. Both interrupt Python
code between bytecodes, not a long call into C; the process pool adds a hard
limit for that case (it kills the worker, :mod:`communique.scale.pool`).
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from communique.errors import InputError


class TooSlowError(InputError):
    """An input or article took longer than the ``max_seconds`` setting."""


def too_slow(seconds: float, source: str | None = None) -> TooSlowError:
    return TooSlowError(
        f"took longer than {seconds:g} s (setting max_seconds); skipped", source=source
    )


@contextmanager
def time_limit(seconds: float, source: str | None = None) -> Iterator[None]:
    """Raise :class:`TooSlowError` in the block when it runs longer than ``seconds`` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds, source):
            yield
    else:
        with _async_raise(seconds, source):
            yield


class _Expired(BaseException):
    """Raised into the block; a BaseException so that ``except Exception`` inside cannot eat it."""


@contextmanager
def _alarm(seconds: float, source: str | None) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise too_slow(seconds, source) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_raise(seconds: float, source: str | None) -> Iterator[None]:
    target = threading.get_ident()
    done = threading.Event()
    fired = threading.Event()
    guard = threading.Lock()

    def expire() -> None:
        with guard:
            if not done.is_set():
                fired.set()
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(_Expired)
                )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise too_slow(seconds, source) from None
    finally:
        with guard:
            done.set()
        timer.cancel()
        if fired.is_set():
            # The exception may have been set after the block ended but before ``done``:
            # clear it so that it does not fire later in unrelated code.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
