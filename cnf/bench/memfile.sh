#!/usr/bin/env bash
# Memfile figures: persisted adds per second (1 and 4 threads), load time, heap and RSS per lease of a
# 1,000,000-lease file. Needs a build first (mvn install -DskipTests).   cnf/bench/memfile.sh [LEASES] [ADDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module=$root/memfile.bundle
cp_file=$(mktemp)
mvn -q -o -f "$module/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="$module/target/test-classes:$module/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
# a quiet logger: the benchmark prints its own figures
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile=/dev/null \
  -cp "$cp" org.kea4j.memfile.internal.MemfileBenchmark "$@"
