#!/usr/bin/env bash
# A PostgreSQL 15 primary with a streaming replica on loopback, for the
# failover test (tests/it/hub_failover.rs). It reuses the test CA and server
# certificate of the cluster .ci/pg.sh started (HAVEN_TEST_PG_ROOT) and
# never touches that cluster.
#   pg-pair.sh start DIR [solo]  primary + replica (pg_basebackup), or a primary alone; writes DIR/env
#   pg-pair.sh sync DIR on|off  synchronous replication on the primary
#   pg-pair.sh cut DIR      the replica stops receiving (an async lag window)
#   pg-pair.sh promote DIR  the primary dies (immediate stop), the replica is promoted
#   pg-pair.sh stop DIR     stops both and removes DIR
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
cmd=$1
DIR=$2
as_pg() { runuser -u postgres -- "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

case "$cmd" in
start)
  : "${HAVEN_TEST_PG_ROOT:?source .ci/pg.sh first}"
  mkdir -p "$DIR"; chown postgres:postgres "$DIR"
  cp "$HAVEN_TEST_PG_ROOT/server.pem" "$HAVEN_TEST_PG_ROOT/server.key" "$DIR/"
  chown postgres:postgres "$DIR/server.pem" "$DIR/server.key"; chmod 600 "$DIR/server.key"
  P1=$(free_port); P2=$(free_port)
  PW=$(openssl rand -hex 16)
  echo "$PW" > "$DIR/pw"; chown postgres:postgres "$DIR/pw"
  as_pg "$PGBIN/initdb" -D "$DIR/primary" -U haven_admin --pwfile="$DIR/pw" -A scram-sha-256 >/dev/null
  rm -f "$DIR/pw"
  cat >> "$DIR/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $P1
unix_socket_directories = '$DIR'
ssl = on
ssl_cert_file = '$DIR/server.pem'
ssl_key_file = '$DIR/server.key'
wal_level = replica
max_wal_senders = 4
fsync = off
CONF
  cat > "$DIR/primary/pg_hba.conf" <<HBA
local   all          all                 scram-sha-256
local   replication  all                 scram-sha-256
hostssl all          all  127.0.0.1/32   scram-sha-256
hostssl replication  all  127.0.0.1/32   scram-sha-256
hostnossl all        all  127.0.0.1/32   reject
HBA
  as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w -t 60 start >/dev/null
  as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P1" -U haven_admin -d postgres -qc "CREATE DATABASE haven_hub" >/dev/null
  if [ "${3:-}" = solo ]; then
    printf 'P1=%s\nP2=\nPW=%s\n' "$P1" "$PW" > "$DIR/env"
    exit 0
  fi
  as_pg env PGPASSWORD="$PW" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U haven_admin -D "$DIR/replica" -X stream -c fast >/dev/null
  cat >> "$DIR/replica/postgresql.conf" <<CONF
port = $P2
primary_conninfo = 'host=127.0.0.1 port=$P1 user=haven_admin password=$PW sslmode=require application_name=replica'
CONF
  as_pg touch "$DIR/replica/standby.signal"
  as_pg "$PGBIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w -t 60 start >/dev/null
  printf 'P1=%s\nP2=%s\nPW=%s\n' "$P1" "$P2" "$PW" > "$DIR/env"
  ;;
sync)
  . "$DIR/env"
  if [ "$3" = on ]; then v="'replica'"; else v="''"; fi
  as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P1" -U haven_admin -d postgres -qc "ALTER SYSTEM SET synchronous_standby_names = $v" >/dev/null
  as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P1" -U haven_admin -d postgres -qtAc "SELECT pg_reload_conf()" >/dev/null
  ;;
cut)
  . "$DIR/env"
  as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P2" -U haven_admin -d postgres -qc "ALTER SYSTEM SET primary_conninfo = ''" >/dev/null
  as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P2" -U haven_admin -d postgres -qtAc "SELECT pg_reload_conf()" >/dev/null
  # Until the primary no longer streams to it.
  for _ in $(seq 1 100); do
    n=$(as_pg env PGPASSWORD="$PW" "$PGBIN/psql" -h "$DIR" -p "$P1" -U haven_admin -d postgres -qtAc "SELECT count(*) FROM pg_stat_replication")
    [ "$n" = 0 ] && break
    sleep 0.2
  done
  ;;
promote)
  as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$DIR/replica" -w -t 60 promote >/dev/null
  ;;
stop)
  as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$DIR/replica" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  ;;
*) echo "usage: $0 start|sync|cut|promote|stop DIR" >&2; exit 2 ;;
esac
