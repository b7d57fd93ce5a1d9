#!/usr/bin/env bash
# Checks (default) or rewrites (--write) README.md's `$ policydex …` examples from real output.
# Run by `make test` (check), so an example cannot drift from what the command prints.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${POLICYDEX_BIN:-.build/debug/policydex}"
[ -x "$BIN" ] || swift build --product policydex >/dev/null
exec python3 scripts/readme_examples.py "$BIN" "$@"
