#!/usr/bin/env bash
# Debian packages jixiao uses beyond Python: LibreOffice (read .doc/.wps, write PDF),
# CJK fonts (PDF output), poppler-utils (PDF → PNG for the pictures in docs/), chromium
# (end-to-end tests, driven by Playwright by its path) and PostgreSQL (the web tests again).
# Installs them when missing and the machine allows (root with apt-get); otherwise says
# which tests will be skipped. Under CI they are required.
set -u
PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils chromium postgresql"
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 \
    && command -v pg_ctlcluster >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装系统依赖：$PACKAGES"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
  exit $?
fi
if [ "${CI:-}" = "true" ]; then
  echo "CI 需要 $PACKAGES，但本机无法自动安装" >&2
  exit 1
fi
echo "提示：未安装 LibreOffice / chromium / PostgreSQL，相关测试将跳过（Debian：sudo apt-get install $PACKAGES）"
