"""A real Neo4j 5 community server for development and tests, started by the project itself.

No Docker and no downloads besides Maven Central: the server is the project's own launcher,
built and run by :mod:`watwerkt.launcher`. This module only manages its processes:

- :class:`Neo4jServer` runs one for the length of a ``with`` block (tests). Its stdin is a pipe
  from this process: when this process dies, the pipe closes and the launcher shuts down, so no
  orphan JVM is left behind;
- :func:`start_background`, :func:`stop_background` and :func:`status` keep one development
  server running between commands (``watwerkt neo4j start|stop|status``). Its state lives in
  ``<state_dir>/neo4j.json`` (pid, port, data dir, password; mode 0600), its data in
  ``<state_dir>/neo4j-data`` and its output in ``<state_dir>/neo4j.log``. That server must
  outlive the command that starts it, so it runs in its own session with stdin from /dev/null
  and the launcher's ``--no-stdin-watch`` flag, which turns the stdin-EOF shutdown off; it stops
  on SIGTERM (``stop_background``) only. A stop returns once the port is free again, so a start
  right after it finds the same port free.

The user is always ``neo4j``; the launcher sets its password on every start, from
``WATWERKT_NEO4J_PASSWORD`` in its environment. Neo4j requires at least 8 characters.

Core: it imports nothing of the graph layer, and the neo4j driver only inside functions.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import StoreError
from watwerkt.launcher import (
    DEFAULT_PORT,
    PASSWORD_ENV,
    READY,
    STOP_TIMEOUT,
    USER,
    build_launcher,
    build_lock,
    check_password,
    command,
    file_lock,
    free_port,
    hint_for,
    is_launcher,
    launcher_env,
    log_tail,
    pid_alive,
    port_is_free,
    terminate,
    wait_for_bolt,
    wait_for_port_release,
)

# ---------------------------------------------------------------------------------------------
# a server for the length of a with-block


class Neo4jServer:
    """A Neo4j server owned by this process::

        with Neo4jServer(tmp / "neo4j", password="geheim-wachtwoord") as server:
            driver = GraphDatabase.driver(server.uri, auth=server.auth)

    ``port=None`` picks a free port. ``password=None`` takes ``$WATWERKT_NEO4J_PASSWORD``.
    The launcher's stderr goes to ``<data_dir>/launcher.log``; Neo4j's own logs to
    ``<data_dir>/logs/``.
    """

    def __init__(self, data_dir: Path, port: int | None = None, password: str | None = None):
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.password = check_password(password)
        self.user = USER
        self.process: subprocess.Popen | None = None
        self._stdout_lines: list[str] = []
        self._ready = threading.Event()
        self._serving = False  # READY was printed: the port is bound until the process is gone
        self._reader: threading.Thread | None = None
        self._log_handle = None

    @property
    def uri(self) -> str:
        if self.port is None:
            raise StoreError("the Neo4j server has not been started")
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    @property
    def log_file(self) -> Path:
        return self.data_dir / "launcher.log"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = 120) -> Neo4jServer:
        """Build the launcher if needed, start it, and return once Bolt accepts the password."""
        if self.running:
            return self
        project = build_launcher()
        attempts = 3 if self.port is None else 1  # a picked port can be taken before Neo4j binds
        for attempt in range(attempts):
            port = self.port if attempts == 1 else free_port()
            try:
                self._start_once(project, port, timeout)
                return self
            except StoreError:
                self.port = None if attempts > 1 else self.port
                if attempt + 1 < attempts and "Address already in use" in self._log_text():
                    continue
                raise
        raise AssertionError("unreachable")

    def _start_once(self, project: Path, port: int, timeout: float) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._stdout_lines = []
        self._ready.clear()
        self._log_handle = open(self.log_file, "wb")
        loading = file_lock(build_lock(project), shared=True)
        loading.__enter__()
        try:
            self.process = subprocess.Popen(
                command(project, self.data_dir, port, stdin_watch=True),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log_handle,
                env=launcher_env(self.password), cwd=self.data_dir,
            )
        except OSError as exc:
            loading.__exit__(None, None, None)
            self._close_handles()
            raise StoreError(f"cannot start java: {exc}") from exc
        self.port = port
        self._reader = threading.Thread(target=self._read_stdout, args=(self.process,),
                                        name=f"neo4j-stdout-{port}", daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        try:
            try:
                while not self._ready.wait(0.1):
                    if self.process.poll() is not None:
                        raise StoreError(self._failure(f"the Neo4j launcher exited with code {self.process.returncode} before it was ready"))
                    if time.monotonic() > deadline:
                        raise StoreError(self._failure(f"Neo4j was not ready within {timeout:.0f} s"))
            finally:
                loading.__exit__(None, None, None)
            self._serving = True
            try:
                wait_for_bolt(self.uri, self.password, deadline, lambda: self.process.poll() is None)
            except StoreError as exc:
                raise StoreError(self._failure(exc.message)) from exc
        except BaseException:
            self.stop()
            raise

    def _read_stdout(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self._stdout_lines.append(line)
            if READY.match(line):
                self._ready.set()

    def _log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _failure(self, what: str) -> str:
        log = self._log_text()
        hint = hint_for(log)
        tail = log_tail(log, 8) or "(no output)"
        return f"{what}{'; ' + hint if hint else ''}; launcher stderr ({self.log_file}): {tail}"

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Close stdin, send SIGTERM, wait (SIGKILL after ``timeout`` s). Safe to call twice."""
        process, self.process = self.process, None
        if process is None:
            return
        try:
            if process.stdin:
                with contextlib.suppress(OSError):
                    process.stdin.close()
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(10)
        finally:
            if self._reader is not None:  # the process is gone, so its stdout is at EOF
                self._reader.join(5)
                self._reader = None
            if process.stdout:
                with contextlib.suppress(OSError):
                    process.stdout.close()
            self._close_handles()
        if self._serving and self.port is not None:
            self._serving = False
            wait_for_port_release(self.port)  # the next server may bind it at once

    def _close_handles(self) -> None:
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"running at {self.uri}" if self.running else "stopped"
        return f"Neo4jServer({str(self.data_dir)!r}, {state})"


# ---------------------------------------------------------------------------------------------
# a background development server, kept between commands


STATE_FILE = "neo4j.json"


def default_state_dir() -> Path:
    """``$XDG_STATE_HOME/watwerkt`` or ``~/.local/state/watwerkt``."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "watwerkt"


@dataclass(frozen=True)
class ServerStatus:
    """What ``status`` found: ``running`` is False when no live launcher has the recorded pid."""

    running: bool
    state_dir: Path
    pid: int | None = None
    port: int | None = None
    data_dir: Path | None = None
    started: str | None = None
    password: str | None = None

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.port}" if self.port else None

    @property
    def auth(self) -> tuple[str, str] | None:
        return (USER, self.password) if self.password else None

    @property
    def log_file(self) -> Path:
        return self.state_dir / "neo4j.log"


def _read_state(state_dir: Path) -> dict:
    path = state_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StoreError(f"unreadable Neo4j state file: {exc}", where=str(path),
                         hint="stop any running server by hand and delete the file") from exc
    return data if isinstance(data, dict) else {}


def _write_state(state_dir: Path, state: dict) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / STATE_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # it holds the password
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(tmp, path)


def _status_from(state_dir: Path, state: dict) -> ServerStatus:
    pid = state.get("pid")
    running = isinstance(pid, int) and is_launcher(pid)
    data_dir = state.get("data_dir")
    return ServerStatus(
        running=running, state_dir=state_dir, pid=pid if running else None,
        port=state.get("port"), data_dir=Path(data_dir) if data_dir else None,
        started=state.get("started") if running else None, password=state.get("password"),
    )


def status(state_dir: Path | None = None) -> ServerStatus:
    """The background server's state; a dead pid in the state file counts as stopped."""
    state_dir = Path(state_dir) if state_dir is not None else default_state_dir()
    return _status_from(state_dir, _read_state(state_dir))


def start_background(state_dir: Path | None = None, *, port: int | None = None,
                     password: str | None = None, timeout: float = 120) -> ServerStatus:
    """Start the development server unless it runs already; return its status.

    Port: ``port``, else the last one used if free, else 7687 if free, else any free port.
    Password: ``password``, else ``$WATWERKT_NEO4J_PASSWORD``, else the last one used, else a
    new random one; it is kept in the state file (mode 0600).
    """
    state_dir = Path(state_dir) if state_dir is not None else default_state_dir()
    state_dir.mkdir(parents=True, exist_ok=True)
    with file_lock(state_dir / "neo4j.lock"):
        state = _read_state(state_dir)
        current = _status_from(state_dir, state)
        if current.running:
            return current
        password = password or os.environ.get(PASSWORD_ENV) or state.get("password") \
            or secrets.token_urlsafe(18)
        password = check_password(password)
        if port is None:
            previous = state.get("port")
            if isinstance(previous, int) and port_is_free(previous):
                port = previous
            elif port_is_free(DEFAULT_PORT):
                port = DEFAULT_PORT
            else:
                port = free_port()
        elif not port_is_free(port):
            raise StoreError(f"port {port} on 127.0.0.1 is already in use", hint="choose another with --port")
        data_dir = Path(state.get("data_dir") or state_dir / "neo4j-data").resolve()
        project = build_launcher()
        data_dir.mkdir(parents=True, exist_ok=True)
        log_file = state_dir / "neo4j.log"
        loading = file_lock(build_lock(project), shared=True)
        loading.__enter__()
        with open(log_file, "wb") as log:
            try:
                # own session and /dev/null for stdin: it must outlive this process, so the
                # launcher's stdin-EOF shutdown is switched off with --no-stdin-watch.
                process = subprocess.Popen(
                    command(project, data_dir, port, stdin_watch=False),
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                    env=launcher_env(password), cwd=data_dir, start_new_session=True,
                )
            except OSError as exc:
                loading.__exit__(None, None, None)
                raise StoreError(f"cannot start java: {exc}") from exc
        state = {"pid": process.pid, "port": port, "data_dir": str(data_dir), "password": password,
                 "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        _write_state(state_dir, state)
        uri = f"bolt://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout

        def fail(what: str) -> StoreError:
            terminate(process.pid)
            with contextlib.suppress(ChildProcessError, OSError):
                process.wait(1)
            _write_state(state_dir, {**state, "pid": None, "started": None})
            log_text = log_file.read_text(encoding="utf-8", errors="replace")
            hint = hint_for(log_text)
            return StoreError(f"{what}{'; ' + hint if hint else ''}; log ({log_file}): "
                              f"{log_tail(log_text, 8) or '(no output)'}")

        try:
            while True:
                text = log_file.read_text(encoding="utf-8", errors="replace")
                if READY.search(text):
                    break
                if process.poll() is not None:
                    raise fail(f"the Neo4j launcher exited with code {process.returncode} before it was ready")
                if time.monotonic() > deadline:
                    raise fail(f"Neo4j was not ready within {timeout:.0f} s")
                time.sleep(0.1)
        finally:
            loading.__exit__(None, None, None)
        try:
            wait_for_bolt(uri, password, deadline, lambda: process.poll() is None)
        except StoreError as exc:
            raise fail(exc.message) from exc
        # this process will exit without waiting: keep Popen from warning about it
        process.returncode = 0
        return _status_from(state_dir, state)


def stop_background(state_dir: Path | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the development server (SIGTERM, SIGKILL after ``timeout`` s).

    Returns whether one was running. The port, data dir and password stay in the state file
    for the next start.
    """
    state_dir = Path(state_dir) if state_dir is not None else default_state_dir()
    if not (state_dir / STATE_FILE).is_file():
        return False
    with file_lock(state_dir / "neo4j.lock"):
        state = _read_state(state_dir)
        if not state:
            return False
        current = _status_from(state_dir, state)
        if current.running and current.pid is not None:
            terminate(current.pid, timeout)
            if pid_alive(current.pid):
                raise StoreError(f"Neo4j (pid {current.pid}) did not stop")
            port = state.get("port")
            # a start right after this stop must find the port free: wait until it is released
            if isinstance(port, int) and not wait_for_port_release(port):
                raise StoreError(f"Neo4j (pid {current.pid}) stopped, but port {port} on 127.0.0.1 is still in use")
        if state.get("pid") is not None:
            _write_state(state_dir, {**state, "pid": None, "started": None})
        return current.running


def connection(state_dir: Path | None = None) -> tuple[str, tuple[str, str]]:
    """``(uri, (user, password))`` of the running development server, for ``GraphDatabase.driver``."""
    current = status(state_dir)
    if not current.running or current.uri is None or current.auth is None:
        raise StoreError("the Neo4j development server is not running", hint="start it with `watwerkt neo4j start`")
    return current.uri, current.auth
