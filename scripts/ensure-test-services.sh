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

# Containment connectors' real peers (issue 16; reference §8.0): slapd, redis-server, nftables in a
# network namespace, sshd. Each suite starts its own on a free loopback port. slapd's post-install
# must not build a default directory.
need=()
for pair in slapd:slapd ldapadd:ldap-utils redis-server:redis-server nft:nftables ip:iproute2 python3:python3 sshd:openssh-server ssh-keygen:openssh-client; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "ensure-test-services: installing ${need[*]} for the containment connector suites" >&2
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -d web ] && [ "${BREACHDESK_SKIP_WEB_TESTS:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "ensure-test-services: installing Debian's chromium for the web tests" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
