#!/usr/bin/env bash
# Loads the policydex page in headless Chromium as a user would (scripts/browser_check.py):
# a who-question typed, a task, a unit and a diff opened; screenshots in .build/screenshots/
# (or $SCREENSHOTS).
# Run by `make test`. Without Chromium it says the check was skipped and how to install it.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$CHROMIUM" ]; then
  echo "browser check skipped: no Chromium on this machine (install it with: sudo apt-get install -y chromium fonts-wqy-zenhei)"
  exit 0
fi
BIN="${POLICYDEX_BIN:-.build/debug/policydex}"
[ -x "$BIN" ] || swift build --product policydex >/dev/null

. scripts/serve-lib.sh

# The samples, an edition pair for the diff, and a notice whose text holds markup.
mkdir -p "$WORK/corpus"
cp corpus/* "$WORK/corpus/"
cp Tests/Fixtures/diff/qingchuan_2024.txt Tests/Fixtures/diff/qingchuan_2025.txt "$WORK/corpus/"
cat > "$WORK/corpus/markup.txt" <<'EOF'
恶意标记测试区卫生健康委员会关于印发2024年测试工作要点的通知

一、开展恶意标记测试<script>alert(1)</script>工作，核对页面显示"><img src=x onerror=window.__pwned=1>的原样文字。（牵头单位：办公室）
EOF
start_server "$(realpath "$BIN")"

python3 scripts/browser_check.py "$CHROMIUM" "$URL" "${SCREENSHOTS:-.build/screenshots}"
