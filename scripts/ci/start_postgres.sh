#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#
#   eval "$(bash scripts/ci/start_postgres.sh)"     # start (or reuse) it; exports the URL
#   bash scripts/ci/start_postgres.sh stop          # stop it and delete its cluster
#
# Idempotent: a second run reuses the running server and the database. It
# creates a cluster in a temporary folder (initdb, trust authentication on
# loopback, C collation), starts it on 127.0.0.1:$COMMUNIQUE_PG_PORT, creates
# the database "communique_test", and prints one line for the shell:
#   export COMMUNIQUE_TEST_POSTGRES=postgresql://communique@127.0.0.1:PORT/communique_test
# Everything else goes to stderr. As root, the server runs as the "postgres"
# user (initdb refuses root). When the server programs are missing and we are
# root, Debian's postgresql package is installed first.
set -euo pipefail

PORT="${COMMUNIQUE_PG_PORT:-54329}"
DIR="${COMMUNIQUE_PG_DIR:-${TMPDIR:-/tmp}/communique-pg-$PORT}"
DB=communique_test
ROLE=communique

log() { echo "start_postgres: $*" >&2; }

find_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
        found="$(dirname "$(command -v pg_ctl)")"
    fi
    echo "$found"
}

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing PostgreSQL from Debian's packages"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN="$(find_bin)"
    fi
fi
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    log "PostgreSQL server programs not found (apt-get install postgresql)"
    exit 1
fi

# As root, run the server programs as the postgres user.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${1:-start}" = stop ]; then
    if [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
    log "stopped and removed $DIR"
    exit 0
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$DIR"
    fi
    chmod 0700 "$DIR"
    log "creating a cluster in $DIR/data"
    if ! as_owner "$BIN/initdb" -D "$DIR/data" -U "$ROLE" -A trust -E UTF8 --locale=C \
        >"$DIR/initdb.log" 2>&1; then
        cat "$DIR/initdb.log" >&2
        log "initdb failed"
        exit 1
    fi
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    log "starting on 127.0.0.1:$PORT"
    # fsync off: a test server holds nothing worth a crash-safe write.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" >&2
fi

psql_admin() {
    "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d postgres -v ON_ERROR_STOP=1 "$@"
}

for _ in $(seq 1 50); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 0.2
done
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
    log "created database $DB"
fi

URL="postgresql://$ROLE@127.0.0.1:$PORT/$DB"
log "ready: $URL"
echo "export COMMUNIQUE_TEST_POSTGRES=$URL"
