#!/usr/bin/env bash
# Make headless Chromium and a CJK font available for the report rendering test.
# Uses Debian's packages only (chromium, fonts-noto-cjk). Exits 0 when both are
# present afterwards, non-zero (with a message on stderr) when they cannot be had.
set -u
have_browser() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
have_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; }

if have_browser && have_cjk_font; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: no apt-get on this machine; install chromium and a CJK font by hand" >&2
    exit 2
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "ensure_chromium: not root and no password-less sudo; cannot install chromium" >&2
        exit 3
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || { echo "ensure_chromium: apt-get update failed" >&2; exit 4; }
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null 2>&1 \
    || $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei fontconfig >/dev/null 2>&1 \
    || { echo "ensure_chromium: apt-get install chromium/fonts failed" >&2; exit 5; }
have_browser && have_cjk_font || { echo "ensure_chromium: chromium or CJK font still missing" >&2; exit 6; }
