"""The Java launcher of the Neo4j development server: build it, its command line, its processes.

``server/neo4j-launcher`` is a small Maven project that runs Neo4j 5 community embedded, with
Bolt on ``127.0.0.1:PORT`` only (HTTP off, authentication on, no file or URL access from
Cypher) and prints ``READY bolt://127.0.0.1:PORT`` once it serves. See its README.

- :func:`build_launcher` builds it with Maven, only when the sources changed since the last build;
- :func:`command` is the ``java`` command line that runs it;
- the rest are the small process and port helpers :mod:`watwerkt.devserver` uses.

This is core: it manages files and processes and imports nothing of the graph. The neo4j
driver is imported only inside :func:`wait_for_bolt`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
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
READY = re.compile(r"^READY (bolt://\S+)\s*$", re.M)
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
def file_lock(path: Path, *, shared: bool = False) -> Iterator[None]:
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


def log_tail(text: str, lines: int = 12) -> str:
    """The last meaningful lines of ``text`` on one line, for an error message."""
    kept = [ln.strip() for ln in _ANSI.sub("", text).splitlines()]
    kept = [ln for ln in kept if ln and not _NOISE.match(ln)]
    return " | ".join(kept[-lines:])


def build_lock(project: Path) -> Path:
    return project / "target" / ".build.lock"


def build_launcher(quiet: bool = True) -> Path:
    """Build the launcher if needed (``mvn -q -B package -DskipTests``); return its folder.

    Nothing runs when ``target/`` is newer than ``pom.xml`` and ``src/``; Maven keeps the
    Neo4j jars in ``~/.m2`` between builds. With ``quiet=False`` Maven's output goes to stderr.
    """
    project = launcher_dir()
    with file_lock(build_lock(project)):
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
            tail = log_tail(done.stdout or "") if quiet else "see Maven's output above"
            raise StoreError(f"building the Neo4j launcher failed (mvn exit {done.returncode}): {tail}",
                             where=str(project))
        stamp = project / "target" / _BUILD_STAMP
        stamp.write_text(f"built in {time.time() - started:.1f} s\n", encoding="utf-8")
        # the stamp must be newer than every source, even one touched during the build
        newest = max(p.stat().st_mtime for p in _sources(project))
        os.utime(stamp, (max(newest, time.time()),) * 2)
    return project


def command(project: Path, data_dir: Path, port: int, *, stdin_watch: bool) -> list[str]:
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
    """Whether a server could listen on ``127.0.0.1:port`` now.

    With ``SO_REUSEADDR``, as Neo4j's Bolt server (Netty) binds: connections of a stopped
    server that linger in TIME_WAIT do not count, a socket that still listens does.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_for_port_release(port: int, timeout: float = 10.0) -> bool:
    """Until nothing listens on ``127.0.0.1:port`` any more (True), or ``timeout`` s passed."""
    deadline = time.monotonic() + timeout
    while True:
        if port_is_free(port):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def check_password(password: str | None) -> str:
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    if not password:
        raise StoreError("no Neo4j password given", hint=f"pass one or set {PASSWORD_ENV}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StoreError(f"the Neo4j password must have at least {MIN_PASSWORD_LENGTH} characters")
    return password


def launcher_env(password: str) -> dict[str, str]:
    env = dict(os.environ)
    env[PASSWORD_ENV] = password
    return env


def wait_for_bolt(uri: str, password: str, deadline: float, alive) -> None:
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


def hint_for(log: str) -> str | None:
    if "UnsupportedClassVersionError" in log:
        return "Neo4j 5.26 needs Java 17 or newer"
    if "Address already in use" in log or "PortBindException" in log:
        return "the port is taken; choose another with --port"
    return None


def pid_alive(pid: int) -> bool:
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


def is_launcher(pid: int) -> bool:
    """Whether ``pid`` is alive and (where /proc tells) really our launcher, not a reused pid."""
    if not pid_alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.is_dir():
        try:
            return MAIN_CLASS.encode() in cmdline.read_bytes()
        except OSError:
            return False
    return True


def terminate(pid: int, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.05)
