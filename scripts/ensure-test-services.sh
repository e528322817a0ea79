#!/usr/bin/env bash
# Makes sure what the test suite needs is installed and running (DESIGN.md §5):
# PostgreSQL for the dialect contract suite, and — when the web tests exist — Debian's Chromium.
# Safe to run repeatedly; installs only what is missing (needs root for apt-get).
set -euo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "ensure-test-services: installing PostgreSQL" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_up; then
  echo "ensure-test-services: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! pg_up; then echo "ensure-test-services: PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; fi
# Tests connect as postgres over TCP without a password (trust), as on the CI machines.
if ! psql -h 127.0.0.1 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
  echo "ensure-test-services: cannot connect as postgres@127.0.0.1 without a password; set BREACHDESK_TEST_PG_URL" >&2
fi

if [ -d web ] && [ "${BREACHDESK_SKIP_WEB_TESTS:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "ensure-test-services: installing Debian's chromium for the web tests" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
