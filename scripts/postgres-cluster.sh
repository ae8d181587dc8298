#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a free loopback port, for the tests, the load test and trying two web nodes.
#   scripts/postgres-cluster.sh start DIR    initdb in DIR (once), start it, print its connection string
#   scripts/postgres-cluster.sh restart DIR  stop it at once (-m immediate, as a crash) and start it on the same port
#   scripts/postgres-cluster.sh stop DIR     stop it and delete DIR
# Debian's postgresql package provides the binaries; as root the cluster runs as the package's 'postgres' account
# (PostgreSQL refuses to run as root). It listens on 127.0.0.1 only and trusts local connections: tests only.
set -euo pipefail

action="${1:-}"
dir="${2:-}"
if [[ -z "$action" || -z "$dir" ]]; then
  echo "usage: $0 start|restart|stop DIR" >&2
  exit 2
fi

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "PostgreSQL is not installed: run scripts/install.sh --tests (Debian's postgresql package)." >&2
  exit 1
fi

as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  mkdir -p "$dir"
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
      chown postgres "$dir"
      runuser -u postgres -- test -w "$dir" \
        || { echo "The postgres account cannot reach $dir: its parent folders must be searchable by others (use a folder such as /tmp/NAME)." >&2; exit 1; }
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  [[ -f "$dir/port" ]] || free_port >"$dir/port"
  local port
  port="$(cat "$dir/port")"
  # fsync off: a throw-away cluster trades durability against an OS crash for speed; a killed server still recovers.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200"
}

stop() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m "${1:-fast}" -w stop >/dev/null 2>&1 || true
  fi
}

case "$action" in
  start) start ;;
  restart) stop immediate; start ;;
  stop) stop fast; rm -rf "$dir" ;;
  *) echo "unknown action '$action': use start, restart or stop" >&2; exit 2 ;;
esac
