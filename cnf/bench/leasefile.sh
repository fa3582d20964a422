#!/usr/bin/env bash
# Start-up and RSS per lease with a large lease file, kea4j beside Kea 2.2: see cnf/bench/leasefile.py (--help).
exec python3 "$(dirname "$0")/leasefile.py" "$@"
