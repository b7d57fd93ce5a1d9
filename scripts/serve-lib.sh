# Sourced by browser-check.sh and load-test.sh: a scratch site (WORK, removed on exit) and
# `policydex serve` started on a free loopback port, its address in URL.

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# start_server BIN: indexes $WORK/corpus with BIN (an absolute path), serves it, sets URL.
start_server() {
  local bin="$1"
  (cd "$WORK" && "$bin" index >/dev/null)
  (cd "$WORK" && exec "$bin" serve --port 0 2>"$WORK/serve.log") &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 100); do
    URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1 || true)"
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  echo "the server did not start:"; cat "$WORK/serve.log"; exit 1
}
