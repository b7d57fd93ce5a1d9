#!/usr/bin/env bash
# Load benchmark of `policydex serve` with wrk on loopback (not a test: prints figures).
# 200 connections of mixed who/search/unit requests for 30 s, then again while
# `policydex index --rebuild` runs in another process over the same index.
# usage: scripts/load-test.sh [BIN] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-.build/release/policydex}")"
SECONDS_EACH="${2:-30}"
command -v wrk >/dev/null || { echo "load test needs wrk (sudo apt-get install -y wrk)"; exit 1; }
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/corpus"
cp corpus/* "$WORK/corpus/"
cp Tests/Fixtures/diff/*.txt "$WORK/corpus/"
(cd "$WORK" && "$BIN" index >/dev/null)
(cd "$WORK" && exec "$BIN" serve --port 0 2>"$WORK/serve.log") &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1 || true)"; [ -n "$URL" ] && break; sleep 0.1; done
[ -n "$URL" ] || { cat "$WORK/serve.log"; exit 1; }
echo "corpus: $(ls "$WORK/corpus" | wc -l) notices; server $URL; $(nproc) cores"
echo "== 200 connections, ${SECONDS_EACH} s, mixed who/search/unit"
wrk -t2 -c200 -d"${SECONDS_EACH}s" --latency -s scripts/load-mix.lua "$URL" | grep -E "requests|latency|Requests/sec|Non-2xx"
echo "== the same while 'policydex index --rebuild' runs in another process (repeatedly)"
( end=$((SECONDS + SECONDS_EACH)); while [ $SECONDS -lt $end ]; do (cd "$WORK" && "$BIN" index --rebuild >/dev/null); done ) &
REBUILD_PID=$!
wrk -t2 -c200 -d"${SECONDS_EACH}s" --latency -s scripts/load-mix.lua "$URL" | grep -E "requests|latency|Requests/sec|Non-2xx"
wait "$REBUILD_PID" || true
grep -i "locked\|error" "$WORK/serve.log" | head -5 || true
