#!/usr/bin/env bash
# Fuzzes every Jazzer target in turn (JAZZER_FUZZ=1: one target per JVM, SECONDS each, 300 by default) and
# prints, per target, the executions and the findings. A finding is written by Jazzer into the
# target's inputs directory (src/test/resources/.../<Class>Inputs/<method>/), where the normal test run (and so
# .ci/run) replays it from then on. Run after a build (mvn install -DskipTests):
#
#   cnf/fuzz/fuzz.sh                      # every target, 5 minutes each
#   cnf/fuzz/fuzz.sh -t 60 core.bundle:org.kea4j.dhcp.PacketFuzzTest#pkt4
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=300
if [ "${1:-}" = "-t" ]; then
  seconds=$2
  shift 2
fi
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(
    core.bundle:org.kea4j.dhcp.PacketFuzzTest#pkt4
    core.bundle:org.kea4j.dhcp.PacketFuzzTest#pkt6
    core.bundle:org.kea4j.dhcp.OptionFuzzTest#standardDefinitions
    core.bundle:org.kea4j.dhcpsrv.cfg.ClassExpressionFuzzTest#parseAndEvaluate
    core.bundle:org.kea4j.core.internal.control.ControlSocketFuzzTest#requests
    core.bundle:org.kea4j.ncr.NcrFuzzTest#datagrams
    dhcp4.bundle:org.kea4j.dhcp4.internal.Dhcp4ConfigFuzzTest#configuration
    dhcp6.bundle:org.kea4j.dhcp6.internal.Dhcp6ConfigFuzzTest#configuration
    memfile.bundle:org.kea4j.memfile.internal.LeaseRowFuzzTest#rows
    ddns.bundle:org.kea4j.ddns.d2.DnsAnswerFuzzTest#answers
    usercheck.bundle:org.kea4j.usercheck.RegistryLineFuzzTest#lines
    core.bundle:org.kea4j.config.HttpListenerFuzzTest#elementsAndHeaders
  )
fi

logs=$(mktemp -d)
status=0
printf '%-70s %14s %10s %s\n' target executions seconds result
for t in "${targets[@]}"; do
  module=${t%%:*}
  test=${t#*:}
  log="$logs/$(echo "$test" | tr '#.' '__').log"
  start=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" mvn -B -o surefire:test -pl "$module" -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    > "$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  # libFuzzer's last status line: "#<executions> DONE ..." (or the last "#<n> pulse/NEW/REDUCE" before a crash)
  runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  if [ $rc -eq 0 ]; then
    result="no finding"
  else
    result="FINDING (log: $log)"
    status=1
  fi
  printf '%-70s %14s %10s %s\n' "$t" "${runs:-?}" "$took" "$result"
done
echo "logs: $logs"
exit $status
