#!/usr/bin/env bash
# Start-to-answer times of ctl and client: see cnf/bench/tools.py (python3 cnf/bench/tools.py --help).
exec python3 "$(dirname "$0")/tools.py" "$@"
