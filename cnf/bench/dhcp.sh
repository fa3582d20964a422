#!/usr/bin/env bash
# kea4j against ISC Kea 2.2 side by side: see cnf/bench/dhcp.py (python3 cnf/bench/dhcp.py --help).
exec python3 "$(dirname "$0")/dhcp.py" "$@"
