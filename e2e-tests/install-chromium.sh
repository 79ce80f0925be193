#!/usr/bin/env bash
# Installs Debian's chromium, chromedriver and a Chinese font for the browser tests (PhoneBrowser) when the machine
# lacks them. Run by the e2e-tests build before its tests; needs root or sudo and the Debian package mirrors.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "The browser tests need Debian's chromium, chromium-driver and fonts-wqy-zenhei, and this account can" >&2
    echo "install nothing. Install them once as root, then run the tests again:" >&2
    echo "  apt-get install chromium chromium-driver fonts-wqy-zenhei" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
echo "installing chromium, chromium-driver and fonts-wqy-zenhei from the Debian mirrors (once per machine)"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-wqy-zenhei
