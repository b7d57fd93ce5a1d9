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
. scripts/serve-lib.sh
mkdir -p "$WORK/corpus"
cp corpus/* "$WORK/corpus/"
cp Tests/Fixtures/diff/*.txt "$WORK/corpus/"
start_server "$BIN"
echo "corpus: $(ls "$WORK/corpus" | wc -l) notices; server $URL; $(nproc) cores"
echo "== 200 connections, ${SECONDS_EACH} s, mixed who/search/unit"
wrk -t2 -c200 -d"${SECONDS_EACH}s" --latency -s scripts/load-mix.lua "$URL" | grep -E "requests|latency|Requests/sec|Non-2xx"
echo "== the same while 'policydex index --rebuild' runs in another process (repeatedly)"
( end=$((SECONDS + SECONDS_EACH)); while [ $SECONDS -lt $end ]; do (cd "$WORK" && "$BIN" index --rebuild >/dev/null); done ) &
REBUILD_PID=$!
wrk -t2 -c200 -d"${SECONDS_EACH}s" --latency -s scripts/load-mix.lua "$URL" | grep -E "requests|latency|Requests/sec|Non-2xx"
wait "$REBUILD_PID" || true
grep -i "locked\|error" "$WORK/serve.log" | head -5 || true
