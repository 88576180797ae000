"""The app as it runs in production: gunicorn in its own processes on a fresh SQLite file,
with the environment a deployment sets, and a small HTTP client that keeps cookies and
sends the CSRF token and the headers a reverse proxy adds."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode

ROOT = Path(__file__).parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET = "x9#kQ2!vLp7@Zr4$Tn8%Wm1^Yb6&Hc3*Jd5(Fg0)Ks2-Ne7+Ua9=Qi4~Pl8"


def production_env(folder: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DATABASE_URL", "DJANGO_"))}
    return {**env, "JIXIAO_DATA": str(folder), "DATABASE_URL": f"sqlite:///{folder / 'jixiao.sqlite3'}",
            "JIXIAO_SECRET_KEY": SECRET, "JIXIAO_DEBUG": "0", **extra}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], workers: int = 2, threads: int = 2) -> Iterator[int]:
    """Serve on a free port; yields the port."""
    port = _free_port()
    log = open(Path(env["JIXIAO_DATA"]) / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen([str(GUNICORN), "jixiao.web.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                               "--threads", str(threads), "--timeout", "120"], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


class Browser:
    """Cookies, CSRF token and fixed headers (those a proxy adds) for one user."""

    def __init__(self, port: int, headers: dict[str, str] | None = None) -> None:
        self.port, self.headers, self.cookies = port, headers or {}, SimpleCookie()

    def request(self, method: str, path: str, data: dict[str, str] | None = None,
                headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode({"csrfmiddlewaretoken": self.token(), **data})
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")  # type: ignore[attr-defined]
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response

    def token(self) -> str:
        return self.cookies["csrftoken"].value if "csrftoken" in self.cookies else ""

    def login(self, username: str, password: str, origin: str | None = None) -> http.client.HTTPResponse:
        self.request("GET", "/login/")
        headers = {"Origin": origin, "Referer": f"{origin}/login/"} if origin else {}
        return self.request("POST", "/login/", {"username": username, "password": password}, headers)


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return match[1] if match else ""
