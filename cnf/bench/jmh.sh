#!/usr/bin/env bash
# Runs kea4j's JMH microbenchmarks (they live beside the code they measure, in the test sources).
#   cnf/bench/jmh.sh [REGEXP] [JMH OPTIONS...]      e.g.  cnf/bench/jmh.sh HookPoint
# Needs a build first (mvn install -DskipTests). Prints JMH's table; nothing is pass/fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
filter=${1:-.}
shift || true
for module in core.bundle dhcp4.bundle dhcp6.bundle memfile.bundle; do
  [ -f "$root/$module/target/test-classes/META-INF/BenchmarkList" ] || continue
  grep -q "$filter" "$root/$module/target/test-classes/META-INF/BenchmarkList" 2>/dev/null || continue
  cp_file=$(mktemp)
  mvn -q -o -f "$root/$module/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
  cp="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$cp_file")"
  rm -f "$cp_file"
  echo "== $module"
  java -cp "$cp" org.openjdk.jmh.Main "$filter" "$@"
done
