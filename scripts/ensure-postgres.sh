#!/bin/sh
# Install the Debian `postgresql` package for the PostgreSQL store and worker tests
# (test/store/postgres.test.ts, test/worker.test.ts) when `initdb` cannot be found, on PATH or under
# /usr/lib/postgresql/*/bin. Idempotent and quiet: does nothing when the binaries are there. Needs
# root (or sudo) and the Debian mirrors; exits non-zero with a message when it cannot install.
set -eu

have_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && return 0
  done
  return 1
}

if have_initdb; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=''
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO='sudo -n'
else
  echo "ensure-postgres: initdb is missing and installing PostgreSQL needs root (apt-get install postgresql)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: initdb is missing and apt-get is not available; install PostgreSQL by hand" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# the server binaries only; the tests start their own clusters, not the packaged service
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null

if ! have_initdb; then
  echo "ensure-postgres: apt-get finished but initdb is still missing" >&2
  exit 1
fi
