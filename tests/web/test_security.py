"""Safe on a network (issue 13, problem 7): DEBUG only when asked for, error pages that list
nothing, production settings from the environment with `check --deploy` clean, POSTs that
work behind an HTTPS reverse proxy, login throttling with a sign-in log, idle sessions that
end, a Content-Security-Policy, an administrator's pages in Chinese and a password change."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jixiao.web.org.models import Organisation

from .factory import client_for
from .server import ROOT, Browser, gunicorn, manage, production_env

pytestmark = pytest.mark.django_db
PRODUCTION = {"JIXIAO_HTTPS": "1", "JIXIAO_PROXY": "1", "JIXIAO_ALLOWED_HOSTS": "jixiao.example.gov.cn"}


def setting(name: str, env: dict[str, str]) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**env, "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"})
    return done.stdout.strip()


def test_debug_is_off_unless_asked_for(tmp_path) -> None:  # noqa: ANN001
    env = production_env(tmp_path)
    del env["JIXIAO_DEBUG"]
    assert setting("DEBUG", env) == "False"
    assert setting("DEBUG", {**env, "JIXIAO_DEBUG": "1"}) == "True"
    assert "JIXIAO_DEBUG=1" in (ROOT / "Makefile").read_text(encoding="utf-8")  # make run asks for it


def test_check_deploy_is_clean_in_production_and_not_without_https(tmp_path) -> None:  # noqa: ANN001
    clean = manage(production_env(tmp_path, **PRODUCTION), "check", "--deploy", "--fail-level", "WARNING")
    assert clean.returncode == 0 and "no issues" in clean.stdout, clean.stdout + clean.stderr
    plain = manage(production_env(tmp_path), "check", "--deploy")
    for code in ("W004", "W008", "W012", "W016"):  # what JIXIAO_HTTPS=1 turns on
        assert code in plain.stderr + plain.stdout


@pytest.fixture(scope="module")
def production_server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - the port
    folder = tmp_path_factory.mktemp("production")
    env = production_env(folder, **PRODUCTION)
    assert manage(env, "migrate", "-v0").returncode == 0
    script = ("from django.contrib.auth import get_user_model; "
              "get_user_model().objects.create_user('filer', password='pw-Jixiao-2024')")
    assert manage(env, "shell", "-c", script).returncode == 0
    with gunicorn(env, workers=1) as port:
        yield port, folder


def test_a_post_through_an_https_proxy_is_accepted(production_server: tuple[int, Path]) -> None:
    port, folder = production_server
    proxy = {"Host": "jixiao.example.gov.cn", "X-Forwarded-Proto": "https", "X-Real-IP": "10.1.2.3",
             "X-Forwarded-For": "6.6.6.6"}  # sent by the client, passed on, not believed
    browser = Browser(port, proxy)
    page = browser.request("GET", "/login/")
    assert page.status == 200 and "Secure" in page.headers["Set-Cookie"]
    assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    signed_in = browser.login("filer", "pw-Jixiao-2024", origin="https://jixiao.example.gov.cn")
    assert signed_in.status == 302 and signed_in.headers["Location"] == "/"
    assert browser.request("GET", "/").status == 200
    with sqlite3.connect(folder / "jixiao.sqlite3") as database:  # the sign-in log has the client's address
        assert database.execute("SELECT ip_address FROM axes_accesslog").fetchall() == [("10.1.2.3",)]


def test_plain_http_is_sent_to_https_and_a_foreign_origin_refused(production_server: tuple[int, Path]) -> None:
    port, _ = production_server
    plain = Browser(port, {"Host": "jixiao.example.gov.cn"}).request("GET", "/login/")
    assert plain.status == 301 and plain.headers["Location"] == "https://jixiao.example.gov.cn/login/"
    browser = Browser(port, {"Host": "jixiao.example.gov.cn", "X-Forwarded-Proto": "https"})
    forged = browser.login("filer", "pw-Jixiao-2024", origin="https://evil.example.com")
    assert forged.status == 403 and "页面已过期" in forged.text and "Traceback" not in forged.text


def login(client: Client, password: str) -> int:
    return client.post(reverse("login"), {"username": "filer", "password": password}).status_code


def test_login_is_throttled_and_every_sign_in_logged(world: dict) -> None:
    client = Client()
    assert [login(client, f"wrong{i}") for i in range(4)] == [200] * 4
    assert login(client, "wrong5") == 429
    response = client.post(reverse("login"), {"username": "filer", "password": "pw-Jixiao-2024"})
    assert response.status_code == 429 and "暂时不能登录" in response.content.decode() and "15 分钟后再试" in response.content.decode()
    assert AccessAttempt.objects.get(username="filer").failures_since_start >= 5
    assert AccessFailureLog.objects.filter(username="filer").count() >= 5
    AccessAttempt.objects.all().delete()  # the administrator unlocks
    assert login(Client(), "pw-Jixiao-2024") == 302 and AccessLog.objects.filter(username="filer").exists()


def test_an_idle_session_ends_and_activity_keeps_it(world: dict) -> None:
    client = Client()
    assert login(client, "pw-Jixiao-2024") == 302
    session = Session.objects.get()
    session.expire_date = timezone.now() + timedelta(seconds=30)
    session.save()
    client.get(reverse("queue"))
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=59)  # activity counts
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("queue")).url.startswith(reverse("login"))


def test_error_pages_list_nothing(world: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    for client in (Client(), client_for(world["users"]["filer"])):
        response = client.get("/no/such/page/")
        page = response.content.decode()
        assert response.status_code == 404 and "找不到页面" in page and "admin/" not in page and "URLconf" not in page
    from jixiao.web.evaluations import views

    monkeypatch.setattr(views, "dashboard_data", lambda *a: 1 / 0)
    client = client_for(world["users"]["filer"])
    client.raise_request_exception = False
    response = client.get(reverse("dashboard"))
    assert response.status_code == 500 and "服务器出错" in response.content.decode()
    assert "ZeroDivisionError" not in response.content.decode()


def test_every_page_carries_a_content_security_policy(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    policy = client.get(reverse("dashboard"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src-attr")[0]
    report = client.get(reverse("report", args=[world["own"].pk]))
    assert "sandbox" in report["Content-Security-Policy"] and "default-src 'none'" in report["Content-Security-Policy"]
    assert report["X-Frame-Options"] == "SAMEORIGIN" and client.get(reverse("queue"))["X-Frame-Options"] == "DENY"


def test_the_administrator_manages_users_organisations_and_memberships(world: dict) -> None:
    admin = get_user_model().objects.create_user("admin", password="pw-Jixiao-2024", is_staff=True, is_superuser=True)
    client = client_for(admin)
    index = client.get("/admin/").content.decode()
    assert all(label in index for label in ("组织与人员", "成员与角色", "登录记录", "登录失败记录", "用户"))
    response = client.post("/admin/org/organisation/add/", {"name": "新单位", "kind": "unit", "parent": world["mine"].pk})
    assert response.status_code == 200 and "预算单位的上级只能是：主管部门、财政局" in response.content.decode()
    client.post("/admin/org/organisation/add/", {"name": "新单位", "kind": "unit", "parent": world["department"].pk})
    assert Organisation.objects.get(name="新单位").parent == world["department"]
    assert client_for(world["users"]["filer"]).get("/admin/").status_code == 302  # only staff


def test_a_user_changes_their_password(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    assert "修改密码" in client.get(reverse("queue")).content.decode()
    weak = client.post(reverse("password_change"), {"old_password": "pw-Jixiao-2024", "new_password1": "12345678",
                                                    "new_password2": "12345678"})
    assert weak.status_code == 200 and "密码" in weak.content.decode()
    done = client.post(reverse("password_change"), {"old_password": "pw-Jixiao-2024", "new_password1": "Neues-Passwort-2024",
                                                    "new_password2": "Neues-Passwort-2024"})
    assert done.status_code == 302
    assert login(Client(), "Neues-Passwort-2024") == 302
