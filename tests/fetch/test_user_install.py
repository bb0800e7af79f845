"""A user's install works: fresh venv, the interpreter's own pip, no dev extras, real fetch.

``make test`` installs ``.[dev]`` with every tool; a user runs ``python3 -m venv`` and
``pip install .`` with whatever pip the interpreter bundles. This test does exactly that, from
a copy of the tracked files (nothing in the work tree that git does not know leaks in), and
fetches a feed with an article page from a server on 127.0.0.1: the article's text must be
stored, which needs every run-time dependency of trafilatura/jusText installed. The bundled
library must come along too (a first start works with no network).

The venv with the dependencies is kept in the user's cache directory
(``$XDG_CACHE_HOME/fancompanion-tests/user-install-<key>``, like pip's own download cache, so a
fresh clone on the same machine finds it), keyed on pyproject.toml and the interpreter: when the
dependencies change it is built anew from nothing. Each run re-installs only the project itself
into it, under a file lock (two checkouts testing at once take turns).
"""

from __future__ import annotations

import contextlib
import ensurepip
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.fetch.conftest import FEEDS, Reply, Server

ROOT = Path(__file__).resolve().parents[2]
RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def _key() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fancompanion-tests"


@contextlib.contextmanager
def taking_turns() -> Iterator[None]:
    """One test run at a time uses the shared venv (it is re-installed in place)."""
    cache_dir().mkdir(parents=True, exist_ok=True)
    with (cache_dir() / "user-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def clean_copy(target: Path) -> Path:
    """The files git tracks (a fresh clone's), copied from the work tree."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode == 0 and listed.stdout:
        names = [n for n in listed.stdout.decode().split("\0") if n]
    else:  # not a git checkout (an unpacked sdist): the project's own files
        names = ["pyproject.toml", "README.md"]
        names += [str(p.relative_to(ROOT)) for p in (ROOT / "fancompanion").rglob("*")]
    for name in names:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def user_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FANCOMPANION_", "PYTHON"))}
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / "data")
    env.pop("VIRTUAL_ENV", None)
    return env


def pip(venv: Path, *args: str, env: dict[str, str], cwd: Path) -> None:
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *args],
        capture_output=True,
        text=True,
        env={**env, "HOME": os.environ.get("HOME", env["HOME"])},  # pip's own download cache
        cwd=cwd,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def users_venv(source: Path, env: dict[str, str], cwd: Path) -> Path:
    venv = cache_dir() / f"user-install-{_key()}"
    if not (venv / "ready").exists():
        for old in cache_dir().glob("user-install-*"):  # other pyprojects' venvs: not kept
            shutil.rmtree(old, ignore_errors=True)
        made = subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, check=False
        )
        assert made.returncode == 0, made.stderr
        pip(venv, str(source), env=env, cwd=cwd)  # what a user types: no extras
        # Later runs rebuild only the project, in place (an isolated build env costs ~30 s)
        pip(venv, "setuptools>=68", "wheel", env=env, cwd=cwd)
        (venv / "ready").touch()
    else:  # the dependencies are those of this pyproject.toml: only the project changes
        flags = ("--no-deps", "--force-reinstall", "--no-build-isolation")
        pip(venv, *flags, str(source), env=env, cwd=cwd)
    return venv


def run_app(venv: Path, *argv: str, env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [str(venv / "bin" / "fancompanion"), *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_a_users_plain_install_fetches_news_with_the_article_text(
    server: Server, tmp_path: Path
) -> None:
    body = (FEEDS / "rss.xml").read_text(encoding="utf-8").replace("{base}", server.url)
    server.route("/rss.xml", Reply(200, body.encode(), RSS_TYPE))
    server.route("/articles/ritter", Reply(200, (FEEDS / "article.html").read_bytes(), HTML_TYPE))
    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    with taking_turns():
        venv = users_venv(clean_copy(tmp_path / "clone"), env, cwd=home)
        check_the_install(venv, server, env, home)


def check_the_install(venv: Path, server: Server, env: dict[str, str], home: Path) -> None:
    pip_version = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert pip_version.startswith(f"pip {ensurepip.version()} ")  # the bundled pip, as is
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = {p["name"].lower() for p in json.loads(installed)}
    assert "fancompanion" in names
    assert not names & {"pytest", "mypy", "ruff", "hypothesis"}  # no dev tools for users

    code, out, err = run_app(venv, "shows", "--json", env=env, cwd=home)
    assert code == 0, err
    assert "Jessica Jones" in {s["name"] for s in json.loads(out)}  # the bundled library came along
    code, _, err = run_app(venv, "feeds", "add", f"{server.url}/rss.xml", env=env, cwd=home)
    assert code == 0, err
    code, out, err = run_app(venv, "fetch", "--news", env=env, cwd=home)

    assert code == 0, err
    assert out.strip() == "0 shows updated, 2 new news items, 0 errors"
    assert "html_clean" not in err
    code, out, err = run_app(venv, "news", "--json", env=env, cwd=home)
    assert code == 0, err
    ritter = next(n for n in json.loads(out) if "Krysten Ritter" in n["title"])
    assert "Alias Investigations" in ritter["text"]  # the article page's own text
    assert "Cookie settings" not in ritter["text"]
