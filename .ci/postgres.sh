#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the shared-server tests and print the URL
# to export as GATEHOUSE_TEST_PG. Usage: export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)
set -euo pipefail
PORT="${GATEHOUSE_PG_PORT:-55432}"
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/gatehouse-pg.XXXXXX)
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
  chown postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi
as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
# A port already taken (a server left running by an earlier run on this machine) is skipped: the
# next free one of ten is used, and the URL printed says which.
for _ in $(seq 10); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  echo "port $PORT is taken; trying $((PORT + 1))" >&2
  PORT=$((PORT + 1))
done
as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_owner "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres gatehouse_test
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/gatehouse_test"
