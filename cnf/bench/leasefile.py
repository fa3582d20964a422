#!/usr/bin/env python3
"""Start-up and memory with a large lease file, kea4j beside ISC Kea 2.2 in one run.

Writes a Kea 2.2 DHCPv4 lease file of LEASES active leases (10.0.0.0/8, subnet 1, Kea's CSV columns) and an
empty one, then starts each server on each file, on loopback (unprivileged port, a temporary folder), RUNS times:
kea4j through its launcher (cnf/target/bin/kea4j: its JVM options and class-data archive, written by a first run
that is not counted), Kea as `kea-dhcp4 -c FILE -p PORT` when it is installed. It prints, per server and file:
- kea4j: seconds from exec to the first DHCPOFFER (DISCOVERs every 5 ms); Kea: seconds from exec to its
  DHCP4_STARTED line (Kea answers a relayed DISCOVER at the server port, which a client on loopback cannot take);
- the server's RSS once it is ready and SETTLE seconds have passed (VmRSS from /proc), median of the runs;
and, from the two files, the RSS each server grew by per lease: (RSS with the large file - RSS with the empty one)
/ LEASES. Nothing is pass/fail: it prints figures. Servers are stopped by their PID.

  cnf/bench/leasefile.sh [--leases 1000000] [--runs 3] [--settle 2] [--java PATH] [--servers kea4j,kea]
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tools  # noqa: E402  (the DISCOVER and the launcher's path)

HEADER = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n"


def write_leases(path, count):
    """COUNT active leases from 10.0.0.10 on, each with its own hardware address, ending over the next hour (as
    in the file of a server that has run for a while: the ends spread over the valid lifetime)."""
    now = int(time.time())
    with open(path, "w") as f:
        f.write(HEADER)
        for i in range(count):
            a = (10 << 24) + 10 + i
            f.write("%d.%d.%d.%d,02:00:%02x:%02x:%02x:%02x,,4000,%d,1,0,0,,0,\n" % (
                a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255,
                (i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255, now + 60 + i % 3600))


def config(leases):
    return """{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "lo" ], "dhcp-socket-type": "udp" },
    "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
    "valid-lifetime": 4000,
    "subnet4": [ { "id": 1, "subnet": "10.0.0.0/8", "pools": [ { "pool": "10.0.0.10 - 10.255.255.250" } ] },
                 { "id": 2, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.1.10 - 127.0.1.250" } ] } ] } }
""" % leases


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def started_line(process, log, start, limit):
    """Seconds from START until the server logs DHCP4_STARTED (None if it exits or LIMIT passes)."""
    while time.monotonic() - start < limit and process.poll() is None:
        with open(log, errors="replace") as f:
            if "DHCP4_STARTED" in f.read():
                return time.monotonic() - start
        time.sleep(0.002)
    return None


def run_once(server, leases_file, args, cds):
    """One start of SERVER on a copy of LEASES_FILE: (seconds to ready, RSS in MB once settled)."""
    work = tempfile.mkdtemp(prefix="kea4j-leasefile-")
    try:
        leases = os.path.join(work, "leases4.csv")
        shutil.copyfile(leases_file, leases)
        path = os.path.join(work, "server.json")
        with open(path, "w") as f:
            f.write(config(leases))
        port = tools.free_port(socket.SOCK_DGRAM)
        log = os.path.join(work, "server.out")
        env = dict(os.environ, KEA_PIDFILE_DIR=work, KEA_LOCKFILE_DIR=work, KEA4J_JAVA=args.java,
                   KEA4J_CDS_DIR=cds, KEA4J_DATA_DIR=work)
        command = [tools.LAUNCHER] if server == "kea4j" else ["kea-dhcp4"]
        start = time.monotonic()
        with open(log, "w") as out:
            process = subprocess.Popen(command + ["-c", path, "-p", str(port)], cwd=work, env=env,
                                       stdout=out, stderr=subprocess.STDOUT)
        try:
            ready = (tools.first_offer(process, port, start, 120) if server == "kea4j"
                     else started_line(process, log, start, 120))
            time.sleep(args.settle)
            rss = rss_mb(process.pid) if process.poll() is None else float("nan")
        finally:
            tools.stop(process)
        return ready, rss
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--leases", type=int, default=1000000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--settle", type=float, default=2.0)
    p.add_argument("--java", default="java")
    p.add_argument("--servers", default="kea4j,kea")
    args = p.parse_args()
    servers = [s for s in args.servers.split(",") if s == "kea4j" or shutil.which("kea-dhcp4")]
    files = tempfile.mkdtemp(prefix="kea4j-leasefiles-")
    cds = tempfile.mkdtemp(prefix="kea4j-cds-")
    try:
        empty, full = os.path.join(files, "empty.csv"), os.path.join(files, "full.csv")
        write_leases(empty, 0)
        write_leases(full, args.leases)
        if "kea4j" in servers:
            run_once("kea4j", empty, args, cds)  # writes the class-data archive at its stop: not counted
        figures = {}
        for server in servers:
            for name, leases_file in (("empty", empty), ("full", full)):
                runs = [run_once(server, leases_file, args, cds) for _ in range(args.runs)]
                answered = [r for r, _ in runs if r is not None]
                figures[server, name] = (statistics.median(answered) if answered else float("nan"),
                                         max(answered) if answered else float("nan"),
                                         len(runs) - len(answered), statistics.median(m for _, m in runs))
        print("%-6s | %-22s | %9s | %9s | %s | %8s" % ("server", "lease file", "ready s", "max s", "unready",
                                                       "RSS MB"))
        for (server, name), (ready, worst, unready, rss) in figures.items():
            label = "empty" if name == "empty" else "%d leases" % args.leases
            print("%-6s | %-22s | %9.3f | %9.3f | %7d | %8.1f" % (server, label, ready, worst, unready, rss))
        for server in servers:
            grown = (figures[server, "full"][3] - figures[server, "empty"][3]) * 1024 * 1024 / args.leases
            print("%s: RSS grew by %.0f bytes per lease (ready: %s)" % (
                server, grown, "first DHCPOFFER" if server == "kea4j" else "DHCP4_STARTED logged"))
    finally:
        shutil.rmtree(files, ignore_errors=True)
        shutil.rmtree(cds, ignore_errors=True)


if __name__ == "__main__":
    main()
