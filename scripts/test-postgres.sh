#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL cluster (Debian's postgresql: initdb + pg_ctl) on a free
# loopback port, exports PORTAL_TEST_POSTGRES (a connection string to its maintenance database) and removes the
# cluster when the run ends, whether it passed, failed or was interrupted. If the cluster cannot start, the run
# fails with the reason: the provider-sensitive tests never silently skip PostgreSQL.

portal_pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "test-postgres: PostgreSQL's initdb was not found (Debian package postgresql)." >&2
    return 1
  fi

  PORTAL_PG_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  local port password as=()
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" > "$PORTAL_PG_DIR/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package created.
    id postgres >/dev/null 2>&1 || { echo "test-postgres: running as root and there is no postgres user." >&2; return 1; }
    chown -R postgres "$PORTAL_PG_DIR"
    as=(runuser -u postgres --)
  fi

  if ! "${as[@]}" "$bin/initdb" -D "$PORTAL_PG_DIR/data" -U portal --pwfile="$PORTAL_PG_DIR/pwfile" \
      --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PORTAL_PG_DIR/initdb.log" 2>&1; then
    echo "test-postgres: initdb failed:" >&2; cat "$PORTAL_PG_DIR/initdb.log" >&2; return 1
  fi

  # A test cluster: durability traded for speed (nothing here outlives the run); connections for parallel test hosts.
  if ! "${as[@]}" "$bin/pg_ctl" -D "$PORTAL_PG_DIR/data" -l "$PORTAL_PG_DIR/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PORTAL_PG_DIR -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    echo "test-postgres: the server did not start:" >&2; cat "$PORTAL_PG_DIR/server.log" >&2; return 1
  fi

  PORTAL_PG_CTL=("${as[@]}" "$bin/pg_ctl" -D "$PORTAL_PG_DIR/data")
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=portal;Password=$password;Database=postgres"
  export PORTAL_TEST_PG_BIN="$bin"
  echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

portal_pg_stop() {
  if [ -n "${PORTAL_PG_DIR:-}" ] && [ -d "$PORTAL_PG_DIR" ]; then
    "${PORTAL_PG_CTL[@]}" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$PORTAL_PG_DIR"
  fi
}
