#!/usr/bin/env bash
# kea4j's DHCP servers against ISC kea-dhcp4 / kea-dhcp6 (when installed), side by side in the same run, with
# perfdhcp in two network namespaces joined by a veth pair (created here, deleted at the end; needs root and
# perfdhcp from kea-admin).
#   cnf/bench/dhcp.sh [-4|-6] [--backend memfile|postgresql|mysql[,...]] [RATE] [SECONDS] [PERFDHCP OPTIONS...]
#       defaults: -4, memfile, 5000 exchanges/s, 20 s;  e.g.  cnf/bench/dhcp.sh -6 3000 20 -e address-and-prefix
#       cnf/bench/dhcp.sh -4 --backend memfile,postgresql,mysql 1000 20
#   KEA4J_BENCH_JVM="-Dkea4j.workers=8" gives kea4j more packet workers (each waits on the database in turn).
# SQL back ends use the machine's PostgreSQL (127.0.0.1:5432, trust) / MariaDB (127.0.0.1:3306, root): a database
# per server and run, created with Kea's kea-admin db-init and dropped at the end, reached from the server's
# namespace through a veth pair to the host and a socat relay (the database listens on loopback only).
# For each server it prints the rate reached, the exchanges lost and the server's CPU time per exchange
# (utime+stime from /proc), then kea4j's figures as a ratio of Kea's. Needs a build first
# (mvn package -DskipTests). Nothing is pass/fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
family=4
case "${1:-}" in -4) shift ;; -6) family=6; shift ;; esac
backends=memfile
if [ "${1:-}" = --backend ]; then backends=$2; shift 2; fi
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
databases=()
relays=()
cleanup() {
  for db in "${databases[@]}"; do
    case "$db" in
      postgresql:*) psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS ${db#*:} WITH (FORCE)" >/dev/null 2>&1 || true ;;
      mysql:*) mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS ${db#*:}" >/dev/null 2>&1 || true ;;
    esac
  done
  for pid in "${relays[@]}"; do kill "$pid" 2>/dev/null || true; done
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
# the server side reaches the host (its databases) through a veth pair of its own: 198.18.200.1 <-> .2
ip link add "${tag}h" type veth peer name "${tag}n"
ip link set "${tag}n" netns "$srv"
ip addr add 198.18.200.1/30 dev "${tag}h"; ip link set "${tag}h" up
ip -n "$srv" addr add 198.18.200.2/30 dev "${tag}n"; ip -n "$srv" link set "${tag}n" up
sleep 2

# sets ldb to a lease-database element for a back end; a fresh database (Kea's schema, by kea-admin) for SQL ones
lease_database() { # $1 = backend, $2 = lease file / database name
  case "$1" in
    memfile) ldb="{ \"type\": \"memfile\", \"name\": \"$work/$2.csv\", \"lfc-interval\": 0 }" ;;
    postgresql)
      psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $2" >/dev/null
      databases+=("postgresql:$2")
      kea-admin db-init pgsql -h 127.0.0.1 -u postgres -n "$2" >/dev/null 2>&1
      ldb="{ \"type\": \"postgresql\", \"name\": \"$2\", \"host\": \"198.18.200.1\", \"port\": $pg_relay, \"user\": \"postgres\" }" ;;
    mysql)
      mysql -h 127.0.0.1 -u root -e "CREATE DATABASE $2"
      databases+=("mysql:$2")
      kea-admin db-init mysql -h 127.0.0.1 -u root -p '' -n "$2" >/dev/null 2>&1
      ldb="{ \"type\": \"mysql\", \"name\": \"$2\", \"host\": \"198.18.200.1\", \"port\": $my_relay, \"user\": \"root\" }" ;;
    *) echo "unknown backend $1 (memfile, postgresql, mysql)" >&2; exit 1 ;;
  esac
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("198.18.200.1", 0)); print(s.getsockname()[1])'; }
pg_relay=$(free_port); my_relay=$(free_port)
socat TCP-LISTEN:"$pg_relay",bind=198.18.200.1,fork,reuseaddr TCP:127.0.0.1:5432 &
relays+=($!)
socat TCP-LISTEN:"$my_relay",bind=198.18.200.1,fork,reuseaddr TCP:127.0.0.1:3306 &
relays+=($!)

config() { # $1 = the lease-database element; the pools hold more than a run asks for
  if [ "$family" = 4 ]; then cat <<JSON
{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$vs" ] },
    "lease-database": $1,
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
    "lease-database": $1,
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

start_kea4j() { # $1 = lease-database element
  config "$1" > "$work/kea4j.json"
  ip netns exec "$srv" java ${KEA4J_BENCH_JVM:-} -jar "$jar" -c "$work/kea4j.json" > "$work/kea4j.out" 2>&1 &
  for _ in $(seq 1 300); do grep -q "DHCP${family}_STARTED" "$work/kea4j.out" 2>/dev/null && break; sleep 0.2; done
  pgrep -f "$work/kea4j.json" | head -1
}

daemon=kea-dhcp$family
summary=()
for backend in ${backends//,/ }; do
  echo "DHCPv$family on $backend, $rate exchanges/s for $seconds s ${extra[*]}" >&2
  lease_database "$backend" "kea4j_bench_$$_${backend}"
  kpid=$(start_kea4j "$ldb")
  perf 1000 5 > /dev/null   # JIT warm-up
  read -r k_rate k_lost k_cpu < <(run "kea4j ($backend)" "$kpid")
  kill "$kpid"; wait "$kpid" 2>/dev/null || true
  cp "$work/kea4j.out" "/tmp/kea4j-bench-$backend.out"  # kea4j's log of the run, for a look afterwards
  line="$backend: kea4j $k_rate/s, lost $k_lost %, $k_cpu us CPU per exchange"
  if command -v "$daemon" > /dev/null; then
    lease_database "$backend" "kea_bench_$$_${backend}"
    config "$ldb" > "$work/kea.json"
    KEA_PIDFILE_DIR=$work KEA_LOCKFILE_DIR=$work ip netns exec "$srv" "$daemon" -c "$work/kea.json" > "$work/kea.out" 2>&1 &
    sleep 2
    kea=$(pgrep -f "$daemon -c $work/kea.json" | head -1)
    read -r e_rate e_lost e_cpu < <(run "$daemon $($daemon -v) ($backend)" "$kea")
    kill "$kea"; wait "$kea" 2>/dev/null || true
    line="$line | Kea 2.2 $e_rate/s, lost $e_lost %, $e_cpu us | $(awk -v kr="$k_rate" -v er="$e_rate" -v kc="$k_cpu" \
      -v ec="$e_cpu" 'BEGIN{printf "kea4j / Kea: rate %.2f, CPU %.2f", kr/er, kc/ec}')"
  else
    line="$line | $daemon not installed: apt-get install kea-dhcp${family}-server for the comparison"
  fi
  summary+=("$line")
done
echo >&2
printf '%s\n' "${summary[@]}" >&2
