#!/usr/bin/env bash
# kea4j's DHCPv4 server against ISC kea-dhcp4 (when installed), side by side, with perfdhcp in two network
# namespaces joined by a veth pair (created here and deleted at the end; needs root, perfdhcp from kea-admin).
#   cnf/bench/dhcp4.sh [RATE] [SECONDS]       defaults: 5000 exchanges/s for 20 s
# For each server it prints the rate reached, the exchanges lost and the server's CPU time per exchange
# (utime+stime from /proc). Needs a build first (mvn package -DskipTests). Nothing is pass/fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rate=${1:-5000}
seconds=${2:-20}
jar=$root/cnf/target/kea4j.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
tag=b$$
srv=${tag}s; cli=${tag}c; vs=${tag}vs; vc=${tag}vc
work=$(mktemp -d)
cleanup() {
  for ns in "$srv" "$cli"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$srv"; ip netns add "$cli"
ip link add "$vs" type veth peer name "$vc"
ip link set "$vs" netns "$srv"; ip link set "$vc" netns "$cli"
ip -n "$srv" addr add 192.0.2.1/24 dev "$vs"; ip -n "$cli" addr add 192.0.2.2/24 dev "$vc"
for x in "$srv:$vs" "$cli:$vc"; do ip -n "${x%%:*}" link set lo up; ip -n "${x%%:*}" link set "${x#*:}" up; done

config() { # $1 = lease file; the pool holds more addresses than a run asks for
  cat <<JSON
{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$vs" ] },
    "lease-database": { "type": "memfile", "name": "$1", "lfc-interval": 0 },
    "valid-lifetime": 4000,
    "subnet4": [ { "id": 1, "subnet": "10.0.0.0/8", "relay": { "ip-address": "192.0.2.2" },
                   "pools": [ { "pool": "10.0.0.10 - 10.255.255.250" } ] },
                 { "id": 2, "subnet": "192.0.2.0/24" } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "WARN", "output_options": [ { "output": "stdout" } ] } ] } }
JSON
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() { # $1 = name, $2 = pid of the server
  local name=$1 pid=$2 before after out sent acks
  before=$(cpu_ticks "$pid")
  out=$(ip netns exec "$cli" perfdhcp -4 -l "$vc" -r "$rate" -p "$seconds" -R 16000000 2>&1 || true)
  after=$(cpu_ticks "$pid")
  sent=$(echo "$out" | awk '/Statistics for: DISCOVER-OFFER/{f=1} f&&/sent packets/{print $3; exit}')
  acks=$(echo "$out" | awk '/Statistics for: REQUEST-ACK/{f=1} f&&/received packets/{print $3; exit}')
  local hz; hz=$(getconf CLK_TCK)
  echo "$name: $(echo "$out" | grep '^Rate:')"
  echo "$name: $sent exchanges started, $acks ACKs, lost $(awk -v s="$sent" -v a="$acks" 'BEGIN{printf "%.3f", (s-a)*100/s}') %"
  echo "$name: server CPU $(awk -v t=$((after - before)) -v hz="$hz" -v a="$acks" 'BEGIN{printf "%.1f", t*1e6/hz/(a>0?a:1)}') us per exchange"
}

config "$work/kea4j-leases4.csv" > "$work/kea4j.json"
ip netns exec "$srv" java -jar "$jar" -c "$work/kea4j.json" > "$work/kea4j.out" 2>&1 &
for _ in $(seq 1 300); do grep -q DHCP4_STARTED "$work/kea4j.out" 2>/dev/null && break; sleep 0.2; done
kpid=$(pgrep -f "$work/kea4j.json" | head -1)
ip netns exec "$cli" perfdhcp -4 -l "$vc" -r 1000 -p 5 -R 16000000 > /dev/null 2>&1 || true   # JIT warm-up
run kea4j "$kpid"
kill "$kpid"; wait 2>/dev/null || true

if command -v kea-dhcp4 > /dev/null; then
  config "$work/kea-leases4.csv" > "$work/kea.json"
  KEA_PIDFILE_DIR=$work KEA_LOCKFILE_DIR=$work ip netns exec "$srv" kea-dhcp4 -c "$work/kea.json" > "$work/kea.out" 2>&1 &
  sleep 2
  kea=$(pgrep -f "kea-dhcp4 -c $work/kea.json" | head -1)
  run "kea-dhcp4 $(kea-dhcp4 -v)" "$kea"
  kill "$kea"; wait 2>/dev/null || true
else
  echo "kea-dhcp4 not installed: apt-get install kea-dhcp4-server for the comparison"
fi
