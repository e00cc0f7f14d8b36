#!/usr/bin/env bash
# Starts the local Neo4j 5.26 Community DBMS in the background and returns once Bolt is ready.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$DIR/target"
MAIN_CLASS="liner.neo4jlocal.Neo4jLocal"

export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
PORT="$NEO4J_BOLT_PORT"
PIDFILE="$TARGET/neo4j-$PORT.pid"
LOG="$TARGET/neo4j-$PORT.log"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Heap and GC are the caller's to change; the page cache is sized separately (NEO4J_PAGECACHE).
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseG1GC}"
# The flags Neo4j's own launcher passes on Java 17: without the opens, Neo4j cannot reach file descriptors
# and direct buffers, and logs "Incorrect file descriptor" warnings on every transaction-log operation.
REQUIRED_OPTS=(
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.nio.maxCachedBufferSize=1024
  -Dlog4j2.disable.jmx=true
  -XX:-OmitStackTraceInFastThrow
  -Dfile.encoding=UTF-8
)

is_ours() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q "$MAIN_CLASS"
}

print_details() {
  grep -E '^Components: |ready on bolt://|^Data home: ' "$LOG" | tail -n 3 || true
  echo "Log: $LOG"
  # Liner's own settings, taken from the ready line so they hold for an instance started earlier too.
  sed -n -E 's|^Neo4j .* ready on (bolt://[^ ]+) \(user ([^,]+), password (.*)\)$|NEO4J_URI=\1 NEO4J_USER=\2 NEO4J_PASSWORD=\3|p' "$LOG" | tail -n 1
}

mkdir -p "$TARGET"

if [[ -f "$PIDFILE" ]]; then
  pid="$(cat "$PIDFILE")"
  if kill -0 "$pid" 2>/dev/null && is_ours "$pid"; then
    echo "Neo4j is already running on port $PORT (pid $pid)"
    print_details
    exit 0
  fi
  rm -f "$PIDFILE"
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT on 127.0.0.1 is already in use by another process; set NEO4J_BOLT_PORT to a free port" >&2
  exit 1
fi

# Rebuild only when the sources changed; the first build downloads Neo4j from Maven Central into ~/.m2.
needs_build() {
  [[ -s "$TARGET/classpath.txt" && -f "$TARGET/classes/liner/neo4jlocal/Neo4jLocal.class" ]] || return 0
  [[ -z "$(find "$DIR/pom.xml" "$DIR/src" -newer "$TARGET/classpath.txt" -print -quit)" ]] || return 0
  # The classpath names jars in the local Maven repository, which may have been cleaned or moved since.
  local jar
  while IFS= read -r -d: jar || [[ -n "$jar" ]]; do
    [[ -f "$jar" ]] || return 0
  done < "$TARGET/classpath.txt"
  return 1
}

(
  flock 9
  if needs_build; then
    echo "Building neo4j-local (the first build downloads Neo4j from Maven Central; this can take minutes) ..."
    # Output goes to a file: Maven 3.8 prints stray colour codes even with -q -B, and only a failure matters.
    if ! mvn -q -B -Dstyle.color=never -f "$DIR/pom.xml" compile dependency:build-classpath \
        -Dmdep.outputFile="$TARGET/classpath.txt" -Dmdep.includeScope=runtime >"$TARGET/build.log" 2>&1; then
      echo "Build failed; see $TARGET/build.log:" >&2
      tail -n 40 "$TARGET/build.log" >&2
      exit 1
    fi
    touch "$TARGET/classpath.txt"
  fi
) 9>"$TARGET/.build.lock"

CLASSPATH_ARG="$TARGET/classes:$(cat "$TARGET/classpath.txt")"

echo "Starting Neo4j on 127.0.0.1:$PORT ..."
cd "$DIR"
# setsid detaches it from this shell's process group, so the caller's Ctrl-C or job cleanup does not reach it.
# shellcheck disable=SC2086
setsid nohup "$JAVA" $JAVA_OPTS "${REQUIRED_OPTS[@]}" -cp "$CLASSPATH_ARG" "$MAIN_CLASS" >"$LOG" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$PIDFILE"

deadline=$((SECONDS + TIMEOUT))
until grep -q ' ready on bolt://' "$LOG"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Neo4j exited before it was ready; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "Neo4j was not ready within ${TIMEOUT}s; stopping it. Last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
    exit 1
  fi
  sleep 0.5
done

echo "Neo4j is running (pid $pid)"
print_details
