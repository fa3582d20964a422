#!/usr/bin/env bash
# kea4j's DHCP servers against ISC kea-dhcp4 / kea-dhcp6 (when installed), side by side in the same run, with
# perfdhcp in two network namespaces joined by a veth pair (created here, deleted at the end; needs root and
# perfdhcp from kea-admin).
#   cnf/bench/dhcp.sh [-4|-6] [RATE] [SECONDS] [PERFDHCP OPTIONS...]
#       defaults: -4, 5000 exchanges/s, 20 s;  e.g.  cnf/bench/dhcp.sh -6 3000 20 -e address-and-prefix
# For each server it prints the rate reached, the exchanges lost and the server's CPU time per exchange
# (utime+stime from /proc), then kea4j's figures as a ratio of Kea's. Needs a build first
# (mvn package -DskipTests). Nothing is pass/fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
family=4
case "${1:-}" in -4) shift ;; -6) family=6; shift ;; esac
rate=${1:-5000}
seconds=${2:-20}
shift 2 || shift $# || true
extra=("$@")
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
for ns in "$srv" "$cli"; do ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0; done
ip link add "$vs" type veth peer name "$vc"
ip link set "$vs" netns "$srv"; ip link set "$vc" netns "$cli"
ip -n "$srv" addr add 192.0.2.1/24 dev "$vs"; ip -n "$cli" addr add 192.0.2.2/24 dev "$vc"
ip -n "$srv" addr add 2001:db8:1::1/64 dev "$vs"
for x in "$srv:$vs" "$cli:$vc"; do ip -n "${x%%:*}" link set lo up; ip -n "${x%%:*}" link set "${x#*:}" up; done
sleep 2

config() { # $1 = lease file; the pools hold more than a run asks for
  if [ "$family" = 4 ]; then cat <<JSON
{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$vs" ] },
    "lease-database": { "type": "memfile", "name": "$1", "lfc-interval": 0 },
    "valid-lifetime": 4000,
    "subnet4": [ { "id": 1, "subnet": "10.0.0.0/8", "relay": { "ip-address": "192.0.2.2" },
                   "pools": [ { "pool": "10.0.0.10 - 10.255.255.250" } ] },
                 { "id": 2, "subnet": "192.0.2.0/24" } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "WARN", "output_options": [ { "output": "stdout" } ] } ] } }
JSON
  else cat <<JSON
{ "Dhcp6": {
    "interfaces-config": { "interfaces": [ "$vs" ] },
    "server-id": { "type": "LL", "persist": false },
    "lease-database": { "type": "memfile", "name": "$1", "lfc-interval": 0 },
    "preferred-lifetime": 3000, "valid-lifetime": 4000,
    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "$vs",
                   "pools": [ { "pool": "2001:db8:1::1:0 - 2001:db8:1::ff:ffff" } ],
                   "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 64 } ] } ],
    "loggers": [ { "name": "kea-dhcp6", "severity": "WARN", "output_options": [ { "output": "stdout" } ] } ] } }
JSON
  fi
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
perf() { ip netns exec "$cli" perfdhcp -"$family" -l "$vc" -r "$1" -p "$2" -R 16000000 "${extra[@]}" 2>&1 || true; }
first=$([ "$family" = 4 ] && echo DISCOVER-OFFER || echo SOLICIT-ADVERTISE)
second=$([ "$family" = 4 ] && echo REQUEST-ACK || echo REQUEST-REPLY)

# prints "rate lost% us/exchange" and a readable report on stderr
run() { # $1 = name, $2 = pid of the server
  local name=$1 pid=$2 before after out sent acks hz rate_reached lost cpu
  before=$(cpu_ticks "$pid")
  out=$(perf "$rate" "$seconds")
  after=$(cpu_ticks "$pid")
  sent=$(echo "$out" | awk -v s="$first" '$0 ~ "Statistics for: " s {f=1} f&&/sent packets/{print $3; exit}')
  acks=$(echo "$out" | awk -v s="$second" '$0 ~ "Statistics for: " s {f=1} f&&/received packets/{print $3; exit}')
  hz=$(getconf CLK_TCK)
  rate_reached=$(echo "$out" | awk '/^Rate:/{print $2; exit}')
  lost=$(awk -v s="${sent:-0}" -v a="${acks:-0}" 'BEGIN{printf "%.3f", (s > 0 ? (s-a)*100/s : 100)}')
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v a="${acks:-0}" 'BEGIN{printf "%.1f", t*1e6/hz/(a>0?a:1)}')
  echo "$name: rate $rate_reached exchanges/s (asked $rate), $sent started, $acks completed, lost $lost %," \
       "server CPU $cpu us per exchange" >&2
  echo "$rate_reached $lost $cpu"
}

start_kea4j() {
  config "$work/kea4j-leases.csv" > "$work/kea4j.json"
  ip netns exec "$srv" java -jar "$jar" -c "$work/kea4j.json" > "$work/kea4j.out" 2>&1 &
  for _ in $(seq 1 300); do grep -q "DHCP${family}_STARTED" "$work/kea4j.out" 2>/dev/null && break; sleep 0.2; done
  pgrep -f "$work/kea4j.json" | head -1
}

echo "DHCPv$family, $rate exchanges/s for $seconds s ${extra[*]}" >&2
kpid=$(start_kea4j)
perf 1000 5 > /dev/null   # JIT warm-up
read -r k_rate k_lost k_cpu < <(run kea4j "$kpid")
kill "$kpid"; wait 2>/dev/null || true

daemon=kea-dhcp$family
if command -v "$daemon" > /dev/null; then
  config "$work/kea-leases.csv" > "$work/kea.json"
  KEA_PIDFILE_DIR=$work KEA_LOCKFILE_DIR=$work ip netns exec "$srv" "$daemon" -c "$work/kea.json" > "$work/kea.out" 2>&1 &
  sleep 2
  kea=$(pgrep -f "$daemon -c $work/kea.json" | head -1)
  read -r e_rate e_lost e_cpu < <(run "$daemon $($daemon -v)" "$kea")
  kill "$kea"; wait 2>/dev/null || true
  awk -v kr="$k_rate" -v er="$e_rate" -v kc="$k_cpu" -v ec="$e_cpu" -v kl="$k_lost" -v el="$e_lost" 'BEGIN{
    printf "kea4j / Kea: rate %.2f, CPU per exchange %.2f (below 1: kea4j uses less), loss %s %% vs %s %%\n",
           kr/er, kc/ec, kl, el }' >&2
else
  echo "$daemon not installed: apt-get install kea-dhcp${family}-server for the comparison" >&2
fi
