"""A real Neo4j 5 community server for development and tests, started by the project itself.

No Docker and no downloads besides Maven Central: ``server/neo4j-launcher`` is a small Maven
project that runs Neo4j embedded with Bolt on ``127.0.0.1:PORT`` (HTTP off, authentication on)
and prints ``READY bolt://127.0.0.1:PORT`` once it serves. See its README for versions, memory
and timings.

- :func:`build_launcher` builds it with Maven, only when the sources changed since the last build;
- :class:`Neo4jServer` runs one for the length of a ``with`` block (tests). Its stdin is a pipe
  from this process: when this process dies, the pipe closes and the launcher shuts down, so no
  orphan JVM is left behind;
- :func:`start_background`, :func:`stop_background` and :func:`status` keep one development
  server running between commands (``watwerkt neo4j start|stop|status``). Its state lives in
  ``<state_dir>/neo4j.json`` (pid, port, data dir, password; mode 0600), its data in
  ``<state_dir>/neo4j-data`` and its output in ``<state_dir>/neo4j.log``. That server must
  outlive the command that starts it, so it runs in its own session with stdin from /dev/null
  and the launcher's ``--no-stdin-watch`` flag, which turns the stdin-EOF shutdown off; it stops
  on SIGTERM (``stop_background``) only.

The user is always ``neo4j``; the launcher sets its password on every start, from
``WATWERKT_NEO4J_PASSWORD`` in its environment. Neo4j requires at least 8 characters.

The neo4j driver is imported inside the functions that need it: importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import StoreError

REPO_ROOT = Path(__file__).resolve().parent.parent
MAIN_CLASS = "org.watwerkt.launcher.Launcher"
PASSWORD_ENV = "WATWERKT_NEO4J_PASSWORD"
USER = "neo4j"
DEFAULT_PORT = 7687
MIN_PASSWORD_LENGTH = 8  # Neo4j 5's dbms.security.auth_minimum_password_length
STOP_TIMEOUT = 20.0
# -Xmx keeps the JVM small; the add-opens flags are the ones the Neo4j server script passes
# (without them the page cache falls back to a slower mode and logs a warning).
JVM_OPTIONS = [
    "-Xmx512m",
    "-Xms128m",
    "-XX:+ExitOnOutOfMemoryError",
    # C1 only: halves the CPU a start costs (about 10 s instead of 17 s on 2 cores) at some cost
    # to long-running queries; undo with WATWERKT_NEO4J_JAVA_OPTS=-XX:TieredStopAtLevel=4
    "-XX:TieredStopAtLevel=1",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
]
_READY = re.compile(r"^READY (bolt://\S+)\s*$", re.M)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_BUILD_STAMP = ".watwerkt-built"


# ---------------------------------------------------------------------------------------------
# building the launcher


def launcher_dir() -> Path:
    """The Maven project: ``WATWERKT_NEO4J_LAUNCHER`` or ``server/neo4j-launcher`` here."""
    env = os.environ.get("WATWERKT_NEO4J_LAUNCHER")
    path = Path(env) if env else REPO_ROOT / "server" / "neo4j-launcher"
    if not (path / "pom.xml").is_file():
        raise StoreError("the Neo4j launcher sources are missing", where=str(path),
                         hint="run from a checkout of the repository or set WATWERKT_NEO4J_LAUNCHER")
    return path


def java_executable() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and os.access(Path(home) / "bin" / "java", os.X_OK):
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def missing_tools() -> str | None:
    """Why the launcher cannot be built or run here (Java or Maven missing), or None."""
    missing = [] if java_executable() else ["Java 17+ (java)"]
    try:
        need_maven = _is_stale(launcher_dir())
    except StoreError:
        need_maven = True
    if need_maven and not shutil.which("mvn"):
        missing.append("Maven (mvn)")
    if missing:
        return " and ".join(missing) + " not found on PATH"
    return None


def _sources(project: Path) -> Iterator[Path]:
    yield project / "pom.xml"
    src = project / "src"
    if src.is_dir():
        yield from (p for p in src.rglob("*") if p.is_file())


def _is_stale(project: Path) -> bool:
    target = project / "target"
    stamp = target / _BUILD_STAMP
    lib = target / "lib"
    if not stamp.is_file() or not (target / "classes").is_dir() or not lib.is_dir():
        return True
    if not any(lib.glob("neo4j-*.jar")):
        return True
    built = stamp.stat().st_mtime
    return any(p.stat().st_mtime > built for p in _sources(project))


@contextlib.contextmanager
def _file_lock(path: Path, *, shared: bool = False) -> Iterator[None]:
    """An advisory lock. Exclusive: two processes never build (or start one state dir) at once;
    shared: held by a launcher start until READY, so no build swaps its classes meanwhile."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# Maven's closing advice and Java stack frames say nothing about the cause: left out of tails
_NOISE = re.compile(r"^(\[ERROR\]\s*(-> \[Help|To see the full|Re-run Maven|For more information|\[Help \d|$)"
                    r"|at \S+\(.*\)$|\.\.\. \d+ more$)")


def _tail(text: str, lines: int = 12) -> str:
    """The last meaningful lines of ``text`` on one line, for an error message."""
    kept = [ln.strip() for ln in _ANSI.sub("", text).splitlines()]
    kept = [ln for ln in kept if ln and not _NOISE.match(ln)]
    return " | ".join(kept[-lines:])


def _build_lock(project: Path) -> Path:
    return project / "target" / ".build.lock"


def build_launcher(quiet: bool = True) -> Path:
    """Build the launcher if needed (``mvn -q -B package -DskipTests``); return its folder.

    Nothing runs when ``target/`` is newer than ``pom.xml`` and ``src/``; Maven keeps the
    Neo4j jars in ``~/.m2`` between builds. With ``quiet=False`` Maven's output goes to stderr.
    """
    project = launcher_dir()
    with _file_lock(_build_lock(project)):
        if not _is_stale(project):
            return project
        why = missing_tools()
        if why:
            raise StoreError(f"cannot build the Neo4j launcher: {why}",
                             hint="install a JDK 17+ and Maven 3.8+, e.g. apt-get install openjdk-17-jdk-headless maven")
        (project / "target" / _BUILD_STAMP).unlink(missing_ok=True)
        started = time.time()
        try:
            done = subprocess.run(
                ["mvn", "-q", "-B", "package", "-DskipTests"], cwd=project,
                stdin=subprocess.DEVNULL, text=True, errors="replace",
                stdout=subprocess.PIPE if quiet else None,
                stderr=subprocess.STDOUT if quiet else None,
                timeout=1800,
            )
        except subprocess.TimeoutExpired as exc:
            raise StoreError("building the Neo4j launcher with Maven took more than 30 minutes",
                             where=str(project)) from exc
        if done.returncode != 0:
            tail = _tail(done.stdout or "") if quiet else "see Maven's output above"
            raise StoreError(f"building the Neo4j launcher failed (mvn exit {done.returncode}): {tail}",
                             where=str(project))
        stamp = project / "target" / _BUILD_STAMP
        stamp.write_text(f"built in {time.time() - started:.1f} s\n", encoding="utf-8")
        # the stamp must be newer than every source, even one touched during the build
        newest = max(p.stat().st_mtime for p in _sources(project))
        os.utime(stamp, (max(newest, time.time()),) * 2)
    return project


def _command(project: Path, data_dir: Path, port: int, *, stdin_watch: bool) -> list[str]:
    java = java_executable()
    if not java:
        raise StoreError("cannot start Neo4j: Java 17+ (java) not found on PATH")
    classpath = os.pathsep.join([str(project / "target" / "classes"), str(project / "target" / "lib" / "*")])
    extra = shlex.split(os.environ.get("WATWERKT_NEO4J_JAVA_OPTS", ""))  # e.g. -Xmx2g (the last -Xmx wins)
    cmd = [java, *JVM_OPTIONS, *extra, "-cp", classpath, MAIN_CLASS, "--data", str(data_dir), "--port", str(port)]
    if not stdin_watch:
        cmd.append("--no-stdin-watch")
    return cmd


# ---------------------------------------------------------------------------------------------
# small helpers


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _check_password(password: str | None) -> str:
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    if not password:
        raise StoreError("no Neo4j password given", hint=f"pass one or set {PASSWORD_ENV}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StoreError(f"the Neo4j password must have at least {MIN_PASSWORD_LENGTH} characters")
    return password


def _launcher_env(password: str) -> dict[str, str]:
    env = dict(os.environ)
    env[PASSWORD_ENV] = password
    return env


def _wait_for_bolt(uri: str, password: str, deadline: float, alive) -> None:
    """Until ``driver.verify_connectivity()`` succeeds; ``alive()`` False ends the wait."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    last: Exception | None = None
    while time.monotonic() < deadline and alive():
        try:
            with GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=5) as driver:
                driver.verify_connectivity()
            return
        except AuthError as exc:
            raise StoreError(f"Neo4j at {uri} refused the password for user {USER}: {exc.message}") from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            last = exc
            time.sleep(0.2)
    raise StoreError(f"Neo4j at {uri} accepted no Bolt connection: {last}")


def _hint_for(log: str) -> str | None:
    if "UnsupportedClassVersionError" in log:
        return "Neo4j 5.26 needs Java 17 or newer"
    if "Address already in use" in log or "PortBindException" in log:
        return "the port is taken; choose another with --port"
    return None


def _pid_alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError):
        # reap it if it is our own child that has exited (otherwise it lingers as a zombie)
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _is_launcher(pid: int) -> bool:
    """Whether ``pid`` is alive and (where /proc tells) really our launcher, not a reused pid."""
    if not _pid_alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.is_dir():
        try:
            return MAIN_CLASS.encode() in cmdline.read_bytes()
        except OSError:
            return False
    return True


def _terminate(pid: int, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.05)


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
        self.password = _check_password(password)
        self.user = USER
        self.process: subprocess.Popen | None = None
        self._stdout_lines: list[str] = []
        self._ready = threading.Event()
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
        loading = _file_lock(_build_lock(project), shared=True)
        loading.__enter__()
        try:
            self.process = subprocess.Popen(
                _command(project, self.data_dir, port, stdin_watch=True),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log_handle,
                env=_launcher_env(self.password), cwd=self.data_dir,
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
            try:
                _wait_for_bolt(self.uri, self.password, deadline, lambda: self.process.poll() is None)
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
            if _READY.match(line):
                self._ready.set()

    def _log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _failure(self, what: str) -> str:
        log = self._log_text()
        hint = _hint_for(log)
        tail = _tail(log, 8) or "(no output)"
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
    running = isinstance(pid, int) and _is_launcher(pid)
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
    with _file_lock(state_dir / "neo4j.lock"):
        state = _read_state(state_dir)
        current = _status_from(state_dir, state)
        if current.running:
            return current
        password = password or os.environ.get(PASSWORD_ENV) or state.get("password") \
            or secrets.token_urlsafe(18)
        password = _check_password(password)
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
        loading = _file_lock(_build_lock(project), shared=True)
        loading.__enter__()
        with open(log_file, "wb") as log:
            try:
                # own session and /dev/null for stdin: it must outlive this process, so the
                # launcher's stdin-EOF shutdown is switched off with --no-stdin-watch.
                process = subprocess.Popen(
                    _command(project, data_dir, port, stdin_watch=False),
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                    env=_launcher_env(password), cwd=data_dir, start_new_session=True,
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
            _terminate(process.pid)
            with contextlib.suppress(ChildProcessError, OSError):
                process.wait(1)
            _write_state(state_dir, {**state, "pid": None, "started": None})
            log_text = log_file.read_text(encoding="utf-8", errors="replace")
            hint = _hint_for(log_text)
            return StoreError(f"{what}{'; ' + hint if hint else ''}; log ({log_file}): "
                              f"{_tail(log_text, 8) or '(no output)'}")

        try:
            while True:
                text = log_file.read_text(encoding="utf-8", errors="replace")
                if _READY.search(text):
                    break
                if process.poll() is not None:
                    raise fail(f"the Neo4j launcher exited with code {process.returncode} before it was ready")
                if time.monotonic() > deadline:
                    raise fail(f"Neo4j was not ready within {timeout:.0f} s")
                time.sleep(0.1)
        finally:
            loading.__exit__(None, None, None)
        try:
            _wait_for_bolt(uri, password, deadline, lambda: process.poll() is None)
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
    with _file_lock(state_dir / "neo4j.lock"):
        state = _read_state(state_dir)
        if not state:
            return False
        current = _status_from(state_dir, state)
        if current.running and current.pid is not None:
            _terminate(current.pid, timeout)
            if _pid_alive(current.pid):
                raise StoreError(f"Neo4j (pid {current.pid}) did not stop")
        if state.get("pid") is not None:
            _write_state(state_dir, {**state, "pid": None, "started": None})
        return current.running


def connection(state_dir: Path | None = None) -> tuple[str, tuple[str, str]]:
    """``(uri, (user, password))`` of the running development server, for ``GraphDatabase.driver``."""
    current = status(state_dir)
    if not current.running or current.uri is None or current.auth is None:
        raise StoreError("the Neo4j development server is not running", hint="start it with `watwerkt neo4j start`")
    return current.uri, current.auth
