#!/usr/bin/env sh
# The lead search's SQL alone (no HTTP, no service): EXPLAIN ANALYZE of leads.sql's list_leads for each search
# over many generated leads on the embedded PostgreSQL, as moeen_app under row-level security.
# Usage: bench/lead-search-explain.sh [leads=100000] [runs=50] [--plans]
#   prints p50/p99/max of the statement's execution time per search; --plans adds the plans (and the plans
#   inside crm_lead_page, through auto_explain). Maven flags (e.g. -o) through MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile -Dliquibase.analytics.enabled=false >&2
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.LeadSearchExplain \
  -Dexec.args="$*" -Dliquibase.analytics.enabled=false
