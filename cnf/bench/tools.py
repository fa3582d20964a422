#!/usr/bin/env python3
"""Start-to-answer times of kea4j's command-line tools (ctl over the Unix socket and over HTTP, client -4/-6), and
of the server itself: from exec of the launcher (cnf/target/bin/kea4j, its JVM options and class-data archive) to the
first DHCPOFFER, on an empty lease file, the first start of the jar (which writes the archive at its stop) apart from
the later ones.

Starts kea4j.jar on loopback (Dhcp4, Dhcp6 and a Control-agent on free ports, in a temporary folder), waits until
it answers, then runs each tool --runs times and prints, per tool, the median and the largest wall-clock time from
exec to exit (the JVM's start included) and how many lines it wrote on stderr. The server is stopped by its PID.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "cnf", "target", "kea4j.jar")
LAUNCHER = os.path.join(ROOT, "cnf", "target", "bin", "kea4j")


def free_port(kind):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(command):
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return time.monotonic() - start, done


def discover():
    """A DHCPDISCOVER as a relay on 127.0.0.1 sends it (giaddr set), for a random client."""
    mac = bytes([2] + [random.randrange(256) for _ in range(5)])
    fixed = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 1, 1, 6, 1, random.randrange(1 << 32), 0, 0, bytes(4), bytes(4),
                        bytes(4), socket.inet_aton("127.0.0.1"), mac + bytes(10), bytes(64), bytes(128))
    return fixed + b"\x63\x82\x53\x63" + bytes([53, 1, 1, 255])


def first_offer(server, port, start, limit):
    """Seconds from START until the server on loopback answers a DISCOVER (sent every 5 ms); None if it exits or
    LIMIT seconds pass."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.bind(("127.0.0.1", 0))
        client.settimeout(0.005)
        while time.monotonic() - start < limit and server.poll() is None:
            try:
                client.sendto(discover(), ("127.0.0.1", port))
                client.recvfrom(2048)
                return time.monotonic() - start
            except socket.timeout:
                pass
            except ConnectionRefusedError:
                time.sleep(0.005)
    return None


def stop(server):
    """SIGTERM to the server (by its PID), then a bounded wait; SIGKILL if it does not end."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def start_to_offer(java, cds_dir):
    """Seconds from exec of the launcher to the first DHCPOFFER (DISCOVERs every 5 ms), and the seconds to stop."""
    work = tempfile.mkdtemp(prefix="kea4j-start-")
    port = free_port(socket.SOCK_DGRAM)
    config = os.path.join(work, "kea4j.json")
    with open(config, "w") as f:
        json.dump({"Dhcp4": {"interfaces-config": {"interfaces": ["lo"]},
                             "lease-database": {"type": "memfile", "name": os.path.join(work, "leases4.csv")},
                             "subnet4": [{"id": 1, "subnet": "127.0.0.0/8",
                                          "pools": [{"pool": "127.0.1.10 - 127.0.1.250"}]}]}}, f)
    env = dict(os.environ, KEA4J_JAVA=java, KEA4J_CDS_DIR=cds_dir, KEA4J_DATA_DIR=work)
    start = time.monotonic()
    server = subprocess.Popen([LAUNCHER, "-c", config, "-p", str(port)], cwd=work, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        answered = first_offer(server, port, start, 60)
    finally:
        stopping = time.monotonic()
        stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return answered, time.monotonic() - stopping


def server_start(java, runs):
    """Prints the launcher's start to first answer: the first start of this jar (no archive yet), then the others."""
    cds = tempfile.mkdtemp(prefix="kea4j-cds-")
    try:
        first, first_stop = start_to_offer(java, cds)
        later = [start_to_offer(java, cds) for _ in range(max(runs, 1))]
    finally:
        shutil.rmtree(cds, ignore_errors=True)
    answered = [a for a, _ in later if a is not None]
    print("%-28s | %8s | %8s | %s" % ("server (launcher)", "median s", "max s", "unanswered starts / stop s"))
    print("%-28s | %8.3f | %8.3f | %d / %.2f" % ("exec to first OFFER, first", first or float("nan"),
                                                 first or float("nan"), first is None, first_stop))
    print("%-28s | %8.3f | %8.3f | %d / %.2f" % ("exec to first OFFER, later", statistics.median(answered or [0]),
                                                 max(answered or [0]), len(later) - len(answered),
                                                 statistics.median(s for _, s in later)))
    return (first is None) + len(later) - len(answered)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--java", default=shutil.which("java") or "java")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="kea4j-tools-")
    dhcp, http = free_port(socket.SOCK_DGRAM), free_port(socket.SOCK_STREAM)
    sock = os.path.join(work, "ctrl.sock")
    config = os.path.join(work, "kea4j.json")
    with open(config, "w") as f:
        json.dump({
            "Dhcp4": {"interfaces-config": {"interfaces": ["lo"]},
                      "lease-database": {"type": "memfile", "name": os.path.join(work, "leases4.csv")},
                      "subnet4": [{"id": 1, "subnet": "127.0.0.0/8", "pools": [{"pool": "127.0.1.10 - 127.0.1.250"}]}]},
            "Dhcp6": {"interfaces-config": {"interfaces": ["lo"]},
                      "lease-database": {"type": "memfile", "name": os.path.join(work, "leases6.csv")},
                      "subnet6": [{"id": 1, "subnet": "2001:db8:1::/64", "interface": "lo",
                                   "pools": [{"pool": "2001:db8:1::100 - 2001:db8:1::1ff"}]}]},
            "Control-agent": {"http-host": "127.0.0.1", "http-port": http}}, f)
    tool = [args.java, "-jar", JAR]
    server = subprocess.Popen(tool + ["-c", config, "-p", str(dhcp), "--control-socket", sock], cwd=work,
                              stdout=open(os.path.join(work, "server.log"), "w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            _, ready = timed(tool + ["ctl", "http://127.0.0.1:%d/" % http, "version-get"])
            if ready.returncode == 0:
                break
            time.sleep(0.2)
        else:
            sys.exit("the server did not answer within 60 s; its log: " + os.path.join(work, "server.log"))
        tools = {
            "ctl SOCKET version-get": tool + ["ctl", sock, "version-get"],
            "ctl http://... version-get": tool + ["ctl", "http://127.0.0.1:%d/" % http, "version-get"],
            "client -4 (DORA)": tool + ["client", "-4", "--server", "127.0.0.1:%d" % dhcp],
            "client -6 (SARR)": tool + ["client", "-6", "--server", "[::1]:%d" % dhcp],
        }
        print("kea4j tools, start to answer (%s, %d runs, %s)" % (args.java, args.runs, time.strftime("%Y-%m-%d")))
        print("%-28s | %8s | %8s | %s" % ("tool", "median s", "max s", "failed runs / stderr lines"))
        failed = 0
        for name, command in tools.items():
            times, bad, stderr_lines = [], 0, 0
            for run in range(args.runs):
                seconds, done = timed(command + (["--hwaddr", "02:00:00:00:%02x:%02x" % (run // 256, run % 256)]
                                                 if "-4" in command else []))
                times.append(seconds)
                bad += done.returncode != 0
                stderr_lines += len([l for l in done.stderr.splitlines() if l.strip()])
            failed += bad
            print("%-28s | %8.3f | %8.3f | %d / %d" % (name, statistics.median(times), max(times), bad, stderr_lines))
        server.send_signal(signal.SIGTERM)
        server.wait(20)
        failed += server_start(args.java, args.runs)
        sys.exit(1 if failed else 0)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
