#!/usr/bin/env bash
# The database-backed tests (web app and end to end) again on PostgreSQL: starts a local
# server from Debian's package, makes a user that may create the test database, runs them.
# Skipped, with a note, where PostgreSQL cannot be started; required under CI.
set -u
cd "$(dirname "$0")/.."
fail() { if [ "${CI:-}" = "true" ]; then echo "CI：$1" >&2; exit 1; fi; echo "提示：$1，PostgreSQL 测试跳过"; exit 0; }
command -v pg_ctlcluster >/dev/null 2>&1 || fail "未安装 PostgreSQL"
[ "$(id -u)" = "0" ] || fail "需要 root 启动本地 PostgreSQL"
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || fail "没有 PostgreSQL 集群"
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null || fail "PostgreSQL 无法启动"
for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='jixiao'\"" | grep -q 1 || \
  su postgres -c "psql -qc \"CREATE ROLE jixiao LOGIN PASSWORD 'jixiao' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='jixiao'\"" | grep -q 1 || \
  su postgres -c "createdb -O jixiao jixiao"
echo "在 PostgreSQL 上运行网页应用测试"
DATABASE_URL=postgres://jixiao:jixiao@127.0.0.1:5432/jixiao .venv/bin/python -m pytest tests/web tests/e2e
