#!/usr/bin/env bash
# Stops the local Neo4j started by start.sh for NEO4J_BOLT_PORT (default 7687).
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${NEO4J_BOLT_PORT:-7687}"
PIDFILE="$DIR/target/neo4j-$PORT.pid"
MAIN_CLASS="liner.neo4jlocal.Neo4jLocal"

if [[ ! -f "$PIDFILE" ]]; then
  echo "Neo4j is not running on port $PORT (no pid file)"
  exit 0
fi

pid="$(cat "$PIDFILE")"
# Check the command line too: after a reboot the recorded pid may belong to an unrelated process.
if ! kill -0 "$pid" 2>/dev/null || ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"; then
  echo "Neo4j is not running on port $PORT (stale pid file removed)"
  rm -f "$PIDFILE"
  exit 0
fi

echo "Stopping Neo4j on port $PORT (pid $pid) ..."
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  echo "Neo4j did not stop within 30s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
fi
rm -f "$PIDFILE"
echo "Neo4j stopped"
