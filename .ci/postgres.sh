# Starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports DATABASE_URL.
start_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then echo "DATABASE_URL already set"; return 0; fi
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then echo "PostgreSQL not installed: its tests will be skipped"; return 0; fi
  local dir=/tmp/roleplay-pg
  local port=55432
  # A cluster left by an earlier run on this machine is stopped and replaced.
  if [ -f "$dir/data/postmaster.pid" ]; then su postgres -c "$bindir/pg_ctl -D $dir/data -m fast -w stop" >/dev/null 2>&1 || true; fi
  rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
  su postgres -c "$bindir/initdb -D $dir/data -U postgres -A trust" >/dev/null
  su postgres -c "$bindir/pg_ctl -D $dir/data -o '-c listen_addresses=127.0.0.1 -p $port -k $dir' -l $dir/log -w start" >/dev/null
  su postgres -c "$bindir/createdb -h 127.0.0.1 -p $port -U postgres roleplay_test"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/roleplay_test"
  echo "PostgreSQL ready: $DATABASE_URL"
}
