#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a free loopback port, with TLS from a
# test CA made here (server certificate for localhost), for the sync tests.
# PostgreSQL refuses to run as root: the cluster belongs to `postgres`.
# Sourced by .ci/run; exports HAVEN_TEST_PG_URL (the hub administrator) and
# HAVEN_TEST_PG_CA (the CA certificate). Stop it with `pg_stop_test_cluster`.
set -euo pipefail

if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 openssl >/dev/null
fi
PGBIN=/usr/lib/postgresql/15/bin
PGROOT=$(mktemp -d /tmp/haven-pg.XXXXXX)
chown postgres:postgres "$PGROOT"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ADMIN_PW=$(openssl rand -hex 16)

# The centre's own CA and the hub's certificate (localhost and 127.0.0.1).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Haven test CA" \
  -keyout "$PGROOT/ca.key" -out "$PGROOT/ca.pem" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$PGROOT/server.key" -out "$PGROOT/server.csr" >/dev/null 2>&1
printf "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n" > "$PGROOT/ext.cnf"
openssl x509 -req -in "$PGROOT/server.csr" -CA "$PGROOT/ca.pem" -CAkey "$PGROOT/ca.key" -CAcreateserial \
  -days 2 -extfile "$PGROOT/ext.cnf" -out "$PGROOT/server.pem" >/dev/null 2>&1
# A certificate of the same CA whose time is over (valid until yesterday).
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$PGROOT/expired.key" -out "$PGROOT/expired.csr" >/dev/null 2>&1
openssl x509 -req -in "$PGROOT/expired.csr" -CA "$PGROOT/ca.pem" -CAkey "$PGROOT/ca.key" -CAcreateserial \
  -days -1 -extfile "$PGROOT/ext.cnf" -out "$PGROOT/expired.pem" >/dev/null 2>&1
# A certificate from another CA, for the "wrong certificate" test.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Other CA" \
  -keyout "$PGROOT/other.key" -out "$PGROOT/other-ca.pem" >/dev/null 2>&1
chown postgres:postgres "$PGROOT"/server.* "$PGROOT"/ca.pem
chmod 600 "$PGROOT/server.key"
chmod 644 "$PGROOT/ca.pem" "$PGROOT/other-ca.pem"

echo "$ADMIN_PW" > "$PGROOT/pw"
chown postgres:postgres "$PGROOT/pw"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U haven_admin --pwfile="$PGROOT/pw" -A scram-sha-256 >/dev/null
rm -f "$PGROOT/pw"
cat >> "$PGROOT/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGROOT'
ssl = on
ssl_cert_file = '$PGROOT/server.pem'
ssl_key_file = '$PGROOT/server.key'
ssl_min_protocol_version = 'TLSv1.2'
fsync = off
CONF
# TLS only: a plain connection is refused by the server itself.
cat > "$PGROOT/data/pg_hba.conf" <<HBA
local   all  all                 scram-sha-256
hostssl all  all  127.0.0.1/32   scram-sha-256
hostnossl all all 127.0.0.1/32   reject
HBA
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -t 60 start >/dev/null
runuser -u postgres -- env PGPASSWORD="$ADMIN_PW" "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U haven_admin -d postgres -qc "CREATE DATABASE haven_hub" >/dev/null

# Whatever happened above, the hub must answer before the tests count on it.
runuser -u postgres -- env PGPASSWORD="$ADMIN_PW" "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U haven_admin -d haven_hub -qtAc "SELECT 1" >/dev/null || return 1

export HAVEN_TEST_PG_URL="postgres://haven_admin:$ADMIN_PW@localhost:$PGPORT/haven_hub?sslmode=verify-full"
export HAVEN_TEST_PG_CA="$PGROOT/ca.pem"
export HAVEN_TEST_PG_OTHER_CA="$PGROOT/other-ca.pem"
export HAVEN_TEST_PG_DUMP="$PGBIN/pg_dump"
export HAVEN_TEST_PG_ROOT="$PGROOT"

pg_stop_test_cluster() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
