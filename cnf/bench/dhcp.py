#!/usr/bin/env python3
"""kea4j against ISC Kea 2.2, side by side in one run: perfdhcp in one network namespace, each server in another
of its own, joined to perfdhcp's by a veth pair of its own (made here, deleted at the end). Needs root, perfdhcp
(kea-admin) and a build (mvn -B package -DskipTests); Kea is compared when kea-dhcp4 / kea-dhcp6 are installed.

kea4j runs as operators run it, through its launcher (cnf/target/bin/kea4j) with the launcher's JVM options for
the one core it is pinned to (--jvm "OPTIONS" replaces them, as KEA4J_OPTS does; --java picks the JVM); no
class-data archive.

For every mode and back end it starts both servers, each pinned to the same core (perfdhcp to another), warms each
up (two runs of WARMUP seconds that are discarded: perfdhcp's DHCPv4 clients are the same every run, so the
measured runs renew the leases of clients met before while the first run only hands out new ones; the second
warm-up run takes each server through that path too; between them the server has 2 s without clients, so that it
meets in its warm-up the fall and rise of load that every measured run begins with: kea4j's JIT recompiles its event
loop once after the first time load falls, and that recompilation belongs in the warm-up, not in the first measured
run), then for every offered rate measures RUNS runs of SECONDS
each per server, the servers taking turns (kea4j, Kea, Kea, kea4j, kea4j, ...) so that both meet the machine in the
same state, and prints the median of each figure: the rate reached, the exchanges lost, perfdhcp's average and
maximum delay, and the server's CPU time per completed exchange (utime + stime from /proc over the measured runs
only); then each server's RSS at the end, kea4j's figures as ratios of Kea's, and the CPU each server used in 5 s
with no clients after the warm-up. While one server is measured the other is stopped (SIGSTOP; SIGCONT after), so
that its timers and housekeeping take nothing from the core they share. Nothing is pass/fail: it prints figures;
every run's figures go to stderr as it ends.

--cold measures a server that has just started instead: for every run (the servers taking turns) the server is
started afresh and perfdhcp begins the moment it logs DHCP4_STARTED / DHCP6_STARTED (no readiness probe, no
warm-up).
--libreload N loads a hooks library (kea4j: the SDK's example hook, built here from cnf/sdk/hook-template; Kea:
its lease_cmds library) and sends `libreload` N times over the control socket, evenly spread, during every
measured run.
--holds also traces the scheduler on the server's core during each run (tracefs, mounted for the run where it is
not) and prints the longest stretch in which the server had a thread ready to run while the core ran another
program's (or the kernel's), with what ran, and how many stretches were over 1 ms: the machine's share of a
largest delay. With --turnaround as well, each run also says what ran on the server's core and on perfdhcp's
during its largest time in the server (from the request's arrival to the reply), the server's threads marked;
--keep-largest DIR also writes the trace's lines of that time (and 5 ms before) to a file in DIR, one a run, where
each switch's prev_state tells whether a server thread was preempted (R) or waited (S: for what woke it next).
--turnaround also captures each run's datagrams on the server's end of its link (tcpdump) and prints the time
each exchange spent in the server, from the kernel's timestamps: its largest and its 99.9th percentile, and how often
replies stopped for over 3 ms while a request waited. perfdhcp's
maximum delay also holds perfdhcp's own stalls (its core taken, its socket read late); this holds only the server's.
The capture costs each server a little CPU per datagram (the kernel's copy to tcpdump).
--halt-poll NS sets, for the benchmark's time, how long an idle core of this machine polls before it halts
(haltpoll's guest_halt_poll_ns, a KVM guest's cpuidle driver; restored after; without it the table says the
machine's own value). Where it is 0, an idle core halts at once and a datagram's wake-up then waits for the
hypervisor to run that core again: the longer a server leaves its core idle, the more often its largest delays are
such waits (see README.md). Both servers meet the same setting.
--floor also measures, in a turn of its own after the servers' in every run (both servers stopped), the machine's
floor: a UDP echo that does no work (cnf/bench/floor.c, built with cc) on the servers' core, in kea4j's namespace,
and a client on perfdhcp's core sending at the same rate for the same time over the same kind of link; the table
then gives the echo's largest round trip beside the servers' largest delays. A server's largest delay near the
echo's is the machine's, not the server's.
--realtime runs what handles the datagrams on the servers' core at the lowest real-time priority (SCHED_FIFO 1,
chrt): Kea's threads; kea4j's receiving and worker threads and the JVM's threads they wait for while stopped (the VM
thread, which runs safepoint operations, and the GC's stop-the-world workers; the compiler threads, the GC's
concurrent ones and housekeeping keep their priority); the floor's echo; perfdhcp and the floor's client at nice
-20 (at a real-time priority perfdhcp's polling kept the kernel's own work on its core from delivering the
datagrams). Other programs of the
machine (its agent, services, kernel threads) then no longer take the servers' core from them while a datagram
waits, and seldom perfdhcp's; what remains of a largest delay is the servers' own (and the hypervisor's). Both
servers meet the same setting; the table says so.

  cnf/bench/dhcp.sh [--modes v4,v6,v6-pd,v4-renew,v6-renew] [--backends memfile,memfile-nopersist,postgresql,mysql]
                    [--rates 1000,5000,9000] [--seconds 20] [--runs 3] [--warmup 10] [--servers kea4j,kea]
                    [--java PATH] [--jvm "OPTIONS"] [--cold] [--libreload N] [--turnaround] [--holds]
                    [--halt-poll NS] [--keep-largest DIR] [--floor] [--realtime]
  (also the older form: cnf/bench/dhcp.sh [-4|-6] [--backend B[,B]] [RATE] [SECONDS] [PERFDHCP OPTIONS...])

SQL back ends use the machine's PostgreSQL (127.0.0.1:5432, trust) / MariaDB (127.0.0.1:3306, root): a database
per server and mode, made by Kea's kea-admin db-init and dropped at the end, reached from the server's namespace
through a veth pair to the host and a socat relay.
"""

import argparse
import contextlib
import os
import re
import shutil
import select
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "cnf", "target", "kea4j.jar")
LAUNCHER = os.path.join(ROOT, "cnf", "target", "bin", "kea4j")
HZ = os.sysconf("SC_CLK_TCK")
# seconds without clients between the two warm-up runs (see the description above)
WARMUP_PAUSE = 2
SERVER_CORE, PERFDHCP_CORE = 0, 1  # the servers run on one core, perfdhcp on the other
CLIENT_PRIORITY, SERVER_PRIORITY = [], []  # --realtime: perfdhcp and the floor's client; the floor's echo
# --realtime: the threads of each server that receive, handle and answer datagrams, or that they wait for (Kea: all
# of its few; kea4j: its receiving and worker threads, and the JVM's threads that work while they are stopped: the
# VM thread, which runs safepoint operations, and the GC's stop-the-world workers)
PACKET_THREADS = {"kea4j": re.compile(r"kea-dhcp[46]-(io|worke)|VM Thread$|GC Thread#"), "kea": re.compile(r"")}
TAG = "b%d" % os.getpid()
CLI = TAG + "c"


class Link:
    """A server's network namespace and its veth pair to perfdhcp's: its own IPv4 subnet (192.0.N.0/24, perfdhcp's
    end .2, the server's .1), the same IPv6 addresses on every link, and for SQL back ends a veth pair to the
    host (198.18.200.4N+1/30 the host's end)."""

    def __init__(self, number):
        self.ns, self.vs, self.vc = "%ss%d" % (TAG, number), "%svs%d" % (TAG, number), "%svc%d" % (TAG, number)
        self.net = "192.0.%d" % (2 + number)
        self.host_end = "198.18.200.%d" % (4 * number + 1)
        self.server_end = "198.18.200.%d" % (4 * number + 2)
        self.host_if, self.ns_if = "%sh%d" % (TAG, number), "%sn%d" % (TAG, number)


LINKS = {"kea4j": Link(0), "kea": Link(1)}

MODES = {
    # mode: (family, perfdhcp options, exchanges whose answers complete the client's work)
    "v4": (4, [], ["REQUEST-ACK"]),
    "v6": (6, [], ["REQUEST-REPLY"]),
    "v6-pd": (6, ["-e", "prefix-only"], ["REQUEST-REPLY"]),
    "v4-renew": (4, ["-f", "{half}"], ["REQUEST-ACK", "RENEW-ACK"]),
    "v6-renew": (6, ["-f", "{half}", "-F", "{tenth}"], ["REQUEST-REPLY", "RENEW-REPLY", "RELEASE-REPLY"]),
}


def sh(*command, check=True, **kw):
    return subprocess.run(list(command), check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def netns_setup(need_host_link):
    sh("ip", "netns", "add", CLI)
    sh("ip", "-n", CLI, "link", "set", "lo", "up")
    for link in LINKS.values():
        sh("ip", "netns", "add", link.ns)
        sh("ip", "-n", link.ns, "link", "set", "lo", "up")
    for ns in [CLI] + [link.ns for link in LINKS.values()]:
        sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0",
           "net.ipv6.conf.default.accept_dad=0")
    for link in LINKS.values():
        sh("ip", "link", "add", link.vs, "type", "veth", "peer", "name", link.vc)
        sh("ip", "link", "set", link.vs, "netns", link.ns)
        sh("ip", "link", "set", link.vc, "netns", CLI)
        sh("ip", "-n", link.ns, "addr", "add", link.net + ".1/24", "dev", link.vs)
        sh("ip", "-n", CLI, "addr", "add", link.net + ".2/24", "dev", link.vc)
        sh("ip", "-n", link.ns, "addr", "add", "2001:db8:1::1/64", "dev", link.vs)
        sh("ip", "-n", link.ns, "link", "set", link.vs, "up")
        sh("ip", "-n", CLI, "link", "set", link.vc, "up")
        if need_host_link:
            sh("ip", "link", "add", link.host_if, "type", "veth", "peer", "name", link.ns_if)
            sh("ip", "link", "set", link.ns_if, "netns", link.ns)
            sh("ip", "addr", "add", link.host_end + "/30", "dev", link.host_if)
            sh("ip", "link", "set", link.host_if, "up")
            sh("ip", "-n", link.ns, "addr", "add", link.server_end + "/30", "dev", link.ns_if)
            sh("ip", "-n", link.ns, "link", "set", link.ns_if, "up")


def netns_cleanup():
    for ns in [link.ns for link in LINKS.values()] + [CLI]:
        pids = sh("ip", "netns", "pids", ns, check=False).stdout.split()
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        sh("ip", "netns", "del", ns, check=False)


def free_port(address):
    s = socket.socket()
    s.bind((address, 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Databases:
    """Fresh SQL databases for the servers, and the relays that reach them from the server namespace."""

    def __init__(self):
        self.made = []
        self.relays = {}
        self.processes = []

    def relay(self, engine, address):
        """A port on ADDRESS (the host's end of a server's link) that leads to the engine on 127.0.0.1."""
        if (engine, address) not in self.relays:
            port = free_port(address)
            target = 5432 if engine == "postgresql" else 3306
            self.processes.append(subprocess.Popen(
                ["socat", "TCP-LISTEN:%d,bind=%s,fork,reuseaddr" % (port, address), "TCP:127.0.0.1:%d" % target],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            self.relays[(engine, address)] = port
        return self.relays[(engine, address)]

    def lease_database(self, backend, name, work, link):
        if backend == "memfile":
            return '{ "type": "memfile", "name": "%s/%s.csv", "lfc-interval": 0 }' % (work, name)
        if backend == "memfile-nopersist":
            return '{ "type": "memfile", "persist": false }'
        if backend == "postgresql":
            sh("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", "CREATE DATABASE " + name)
            self.made.append((backend, name))
            sh("kea-admin", "db-init", "pgsql", "-h", "127.0.0.1", "-u", "postgres", "-n", name)
            user = "postgres"
        elif backend == "mysql":
            sh("mysql", "-h", "127.0.0.1", "-u", "root", "-e", "CREATE DATABASE " + name)
            self.made.append((backend, name))
            sh("kea-admin", "db-init", "mysql", "-h", "127.0.0.1", "-u", "root", "-p", "", "-n", name)
            user = "root"
        else:
            sys.exit("unknown back end %s (memfile, memfile-nopersist, postgresql, mysql)" % backend)
        return ('{ "type": "%s", "name": "%s", "host": "%s", "port": %d, "user": "%s" }'
                % (backend, name, link.host_end, self.relay(backend, link.host_end), user))

    def cleanup(self):
        for backend, name in self.made:
            if backend == "postgresql":
                sh("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c",
                   "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name, check=False)
            else:
                sh("mysql", "-h", "127.0.0.1", "-u", "root", "-e", "DROP DATABASE IF EXISTS " + name, check=False)
        for p in self.processes:
            p.kill()
            p.wait()


def config(family, lease_database, link, severity="WARN", extra=""):
    """The server's configuration on its LINK; extra: more members of the DhcpN element (each followed by a comma)."""
    logger = "kea-dhcp%d" % family
    if family == 4:
        return """{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "%s" ] },
    "lease-database": %s, %s
    "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
    "subnet4": [ { "id": 1, "subnet": "10.0.0.0/8", "relay": { "ip-address": "%s.2" },
                   "pools": [ { "pool": "10.0.0.10 - 10.255.255.250" } ] },
                 { "id": 2, "subnet": "%s.0/24" } ],
    "loggers": [ { "name": "%s", "severity": "%s", "output_options": [ { "output": "stdout" } ] } ] } }
""" % (link.vs, lease_database, extra, link.net, link.net, logger, severity)
    return """{ "Dhcp6": {
    "interfaces-config": { "interfaces": [ "%s" ] },
    "server-id": { "type": "LL", "persist": false },
    "lease-database": %s, %s
    "preferred-lifetime": 3000, "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                   "pools": [ { "pool": "2001:db8:1::1:0 - 2001:db8:1::ff:ffff" } ],
                   "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 64 } ] } ],
    "loggers": [ { "name": "%s", "severity": "%s", "output_options": [ { "output": "stdout" } ] } ] } }
""" % (link.vs, lease_database, extra, link.vs, logger, severity)


def perfdhcp(family, rate, seconds, options, link):
    command = ["ip", "netns", "exec", CLI, "taskset", "-c", str(PERFDHCP_CORE)] + CLIENT_PRIORITY + [
        "perfdhcp", "-%d" % family, "-l", link.vc, "-r", str(rate), "-p", str(seconds), "-R", "16000000"]
    half, tenth = max(1, rate // 2), max(1, rate // 10)
    command += [o.format(half=half, tenth=tenth) for o in options]
    return sh(*command, check=False, timeout=seconds + 60).stdout


def parse(output, completing):
    """Per exchange: sent, received, average and maximum delay (ms)."""
    blocks = {}
    for m in re.finditer(r"\*\*\*Statistics for: (\S+)\*\*\*(.*?)(?=\*\*\*|\Z)", output, re.S):
        body = m.group(2)

        def number(label):
            n = re.search(r"^" + label + r": ([0-9.]+)", body, re.M)
            return float(n.group(1)) if n else 0.0
        blocks[m.group(1)] = {"sent": number("sent packets"), "received": number("received packets"),
                              "avg": number("avg delay"), "max": number("max delay")}
    first = next(iter(blocks.values()), {"sent": 0})
    started = first["sent"] + sum(blocks[k]["sent"] for k in completing[1:] if k in blocks)
    completed = sum(blocks[k]["received"] for k in completing if k in blocks)
    rate = re.search(r"^Rate: ([0-9.]+)", output, re.M)
    return {"started": started, "completed": completed,
            "rate": float(rate.group(1)) if rate else 0.0,
            "lost": (started - completed) * 100.0 / started if started else 100.0,
            "avg": max((b["avg"] for b in blocks.values()), default=0.0),
            "max": max((b["max"] for b in blocks.values()), default=0.0)}


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


class Server:
    def __init__(self, name, family, config_text, work, java, jvm, control=None):
        self.name = name
        self.link = LINKS[name]
        self.control = control
        path = os.path.join(work, name + ".json")
        with open(path, "w") as f:
            f.write(config_text)
        self.log = os.path.join(work, name + ".out")
        env = dict(os.environ, KEA_PIDFILE_DIR=work, KEA_LOCKFILE_DIR=work)
        if name == "kea4j":
            # the launcher execs the JVM: the PID below is the server's
            env.update(KEA4J_JAVA=shutil.which(java) or java, KEA4J_CDS_DIR="off")
            if jvm:
                env["KEA4J_OPTS"] = " ".join(jvm)
            else:
                env.pop("KEA4J_OPTS", None)
            command = [LAUNCHER, "-c", path]
        else:
            command = ["kea-dhcp%d" % family, "-c", path]
        with open(self.log, "w") as out:
            self.process = subprocess.Popen(["ip", "netns", "exec", self.link.ns, "taskset", "-c", str(SERVER_CORE)] + command,
                                            stdout=out, stderr=subprocess.STDOUT, env=env)
        self.pid = self.process.pid  # ip netns exec and taskset exec the server: the same process

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def await_answers(family, link, limit=90):
    """Readiness is an answered exchange, not a log line."""
    deadline = time.time() + limit
    while time.time() < deadline:
        if parse(perfdhcp(family, 10, 1, [], link), MODES["v%d" % family][2])["completed"] > 0:
            return True
    return False


def command(sock, name):
    """A control command over the server's Unix socket; its answer's result (None when unanswered)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(30)
            s.connect(sock)
            s.sendall(b'{ "command": "%s" }' % name.encode())
            answer = b""
            while b"result" not in answer or answer.count(b"{") > answer.count(b"}"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        found = re.search(rb'"result"\s*:\s*(\d+)', answer)
        return int(found.group(1)) if found else None
    except OSError:
        return None


def reloading(server, times, seconds):
    """Sends libreload TIMES times, evenly over SECONDS, on a thread; its results are appended to a list returned."""
    results = []

    def run():
        for i in range(times):
            time.sleep(seconds / (times + 1))
            results.append(command(server.control, "libreload"))
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, results


def socket_drops(ns):
    """Datagrams the kernel dropped in namespace NS because a UDP socket's receive buffer was full (IPv4 and IPv6)."""
    out = sh("ip", "netns", "exec", ns, "cat", "/proc/net/snmp", "/proc/net/snmp6", check=False).stdout
    udp = [line.split() for line in out.splitlines() if line.startswith("Udp:")]
    drops = int(udp[1][udp[0].index("RcvbufErrors")]) if len(udp) == 2 else 0
    drops += sum(int(line.split()[1]) for line in out.splitlines() if line.startswith("Udp6RcvbufErrors"))
    return drops


class Capture:
    """--turnaround: the server's own time per exchange. tcpdump records the DHCP datagrams on the server's end of
    its link (kernel timestamps: a request as it reaches the server's namespace, a reply as the server sends it),
    from before perfdhcp starts until after it ends; each reply is paired with the earliest unanswered request of its
    transaction ID. What perfdhcp measures also holds perfdhcp's own delays (its core taken, its socket read late);
    this holds only the server's (its core taken by other programs included)."""

    def __init__(self, family, link, work):
        self.family = family
        self.path = os.path.join(work, "capture.pcap")
        ports = "port 67 or port 68" if family == 4 else "port 546 or port 547"
        self.process = subprocess.Popen(["ip", "netns", "exec", link.ns, "tcpdump", "-i", link.vs, "-n", "-s", "128",
                                         "-B", "32768", "-w", self.path, "udp and (%s)" % ports],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # it is capturing once it says it listens (within 10 s, or the run goes on without it)
        ready, _, _ = select.select([self.process.stderr], [], [], 10)
        said = self.process.stderr.readline() if ready else "nothing within 10 s"
        self.listening = "listening on" in said
        if not self.listening:
            print("tcpdump is not capturing on %s: %s" % (link.vs, said.strip()), file=sys.stderr)

    def stop(self):
        """Stops tcpdump; (times in the server in ms, requests left unanswered, datagrams the capture dropped, the
        largest time's request and reply moments in CLOCK_REALTIME seconds or None, the silences: see
        turnarounds())."""
        self.process.send_signal(signal.SIGINT)
        try:
            report = self.process.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            self.process.kill()
            report = self.process.communicate()[1]
        dropped = re.search(r"(\d+) packets? dropped by kernel", report)
        times, unanswered, largest, silences = (turnarounds(self.path, self.family) if self.listening
                                                 else ([], 0, None, (0, 0.0)))
        if os.path.exists(self.path):
            os.unlink(self.path)
        return times, unanswered, int(dropped.group(1)) if dropped else 0, largest, silences


def turnarounds(path, family):
    """From a pcap file of DHCP datagrams on Ethernet: each answered request's time in the server (ms), the
    number of requests left unanswered, the largest time's (request, reply) moments (None if none), and the
    silences: stretches over 3 ms in which no reply left while a request waited (their number, the longest in ms).
    A request is a BOOTREQUEST (DHCPv4) or a client's message (DHCPv6); a
    reply a BOOTREPLY, or an ADVERTISE or REPLY."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return [], 0, None, (0, 0.0)
    order = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    scale = 1e-9 if struct.unpack_from(order + "I", data)[0] == 0xa1b23c4d else 1e-6
    waiting, times, offset, largest = {}, [], 24, None
    last_reply, silences, longest_silence = None, 0, 0.0
    while offset + 16 <= len(data):
        seconds, fraction, length = struct.unpack_from(order + "III", data, offset)
        packet = data[offset + 16:offset + 16 + length]
        offset += 16 + length
        ethertype = struct.unpack_from("!H", packet, 12)[0] if len(packet) >= 14 else 0
        if ethertype == 0x0800 and family == 4:
            dhcp = 14 + (packet[14] & 15) * 4 + 8
            if len(packet) < dhcp + 8:
                continue
            key, reply = packet[dhcp + 4:dhcp + 8], packet[dhcp] == 2
        elif ethertype == 0x86dd and family == 6:
            dhcp = 14 + 40 + 8
            if len(packet) < dhcp + 4:
                continue
            key, reply = packet[dhcp + 1:dhcp + 4], packet[dhcp] in (2, 7)
        else:
            continue
        moment = seconds + fraction * scale
        if not reply:
            waiting.setdefault(key, []).append(moment)
        elif waiting.get(key):
            arrived = waiting[key].pop(0)
            times.append((moment - arrived) * 1000.0)
            if largest is None or moment - arrived > largest[1] - largest[0]:
                largest = (arrived, moment)
            if last_reply is not None and moment - last_reply > 0.003 and arrived <= last_reply:
                silences, longest_silence = silences + 1, max(longest_silence, (moment - last_reply) * 1000.0)
            last_reply = moment
    return times, sum(len(v) for v in waiting.values()), largest, (silences, longest_silence)


TRACEFS = "/sys/kernel/tracing"
EVENT = re.compile(r"^\s*(.*?)-(\d+)\s+\[(\d+)\]\s+\S+\s+(\d+\.\d+): (sched_switch|sched_wakeup): (.*)$")
SWITCH = re.compile(r"prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) "
                    r"==> next_comm=(.*?) next_pid=(\d+) ")
WAKEUP = re.compile(r"comm=.*? pid=(\d+) ")


class Holds:
    """--holds: what kept the server from its core. The kernel's scheduler events on the server's core during the
    run (tracefs, in an instance of its own, removed after): a hold is a stretch in which one of the server's
    threads was ready to run (woken, or preempted while running) and the core ran another program's thread (or
    the kernel's) until one of the server's ran again. Per run: the longest hold and what ran in it, how many held
    it over 1 ms, and how many the trace did not show the end of (see holds()). The trace's clock is CLOCK_MONOTONIC,
    so that a moment of the capture (CLOCK_REALTIME) can be found in it (during())."""

    def __init__(self, pid, core, keep=None, name="server"):
        self.pid, self.core, self.keep, self.name = pid, core, keep, name
        self.lines, self.own = [], set()
        self.realtime_offset = time.time() - time.clock_gettime(time.CLOCK_MONOTONIC)
        self.mounted_here = not os.path.exists(os.path.join(TRACEFS, "instances"))
        if self.mounted_here:
            sh("mount", "-t", "tracefs", "nodev", TRACEFS)
        self.dir = os.path.join(TRACEFS, "instances", TAG)
        try:
            os.mkdir(self.dir)
            settings = [("buffer_size_kb", "65536"), ("trace_clock", "mono"),
                        ("events/sched/sched_switch/filter", "CPU == %d || CPU == %d" % (core, PERFDHCP_CORE)),
                        ("events/sched/sched_wakeup/filter", "target_cpu == %d" % core),
                        ("events/sched/sched_switch/enable", "1"), ("events/sched/sched_wakeup/enable", "1"),
                        ("tracing_on", "1")]
            for name, value in settings:
                with open(os.path.join(self.dir, name), "w") as f:
                    f.write(value)
        except OSError:
            self.remove()
            raise

    def stop(self):
        """Ends the trace; what holds() says of it."""
        try:
            with open(os.path.join(self.dir, "tracing_on"), "w") as f:
                f.write("0")
            self.own = {int(t) for t in os.listdir("/proc/%d/task" % self.pid)}
            with open(os.path.join(self.dir, "trace"), errors="replace") as f:
                self.lines = f.readlines()
            return holds(self.lines, self.own, self.core)
        finally:
            self.remove()

    def during(self, start, end):
        """What ran on the server's core and on perfdhcp's between two CLOCK_REALTIME moments, after stop():
        "name ms, ..." for each (the server's threads marked), longest first."""
        said = []
        if self.keep:
            self.write(start, end)
        for core in (self.core, PERFDHCP_CORE):
            ran = running(self.lines, core, start - self.realtime_offset, end - self.realtime_offset)
            said.append("core %d: %s" % (core, ", ".join(
                "%s%s %.1f" % (name, " (server)" if pid in self.own else "", ms)
                for (pid, name), ms in sorted(ran.items(), key=lambda item: -item[1]) if ms >= 0.05) or "-"))
        return "; ".join(said)

    def write(self, start, end):
        """--keep-largest: the trace's lines from 5 ms before START to END (CLOCK_REALTIME) in a file of their own."""
        low, high = start - self.realtime_offset - 0.005, end - self.realtime_offset
        name = "%s-largest-%s%s.trace" % (self.name, time.strftime("%H%M%S", time.gmtime(start)),
                                           ("%.3f" % (start % 1))[1:])
        with open(os.path.join(self.keep, name), "w") as out:
            out.writelines(line for line in self.lines
                           if (event := EVENT.match(line)) and low <= float(event.group(4)) <= high)

    def remove(self):
        """Removes the trace instance (its events off first), and tracefs where this run mounted it."""
        untrace()
        if self.mounted_here:
            sh("umount", TRACEFS, check=False)


def untrace():
    """Removes this benchmark's trace instance, if there is one (also that of an interrupted --holds run)."""
    left = os.path.join(TRACEFS, "instances", TAG)
    if os.path.isdir(left):
        for name in ("tracing_on", "events/sched/sched_switch/enable", "events/sched/sched_wakeup/enable"):
            with open(os.path.join(left, name), "w") as f:
                f.write("0")
        os.rmdir(left)


def holds(lines, own, core):
    """From the text of a trace of sched_switch and sched_wakeup on one CORE: (the longest stretch in ms in which a
    thread of OWN was ready and only others ran, what ran longest in it, the number of stretches, those over 1 ms,
    those whose end the trace did not show, the events the trace lost). The switches away from some tasks are not in
    the trace (seen here: the threads of this machine's PID 1); where the next event shows another task on the core,
    the switch was missed: a stretch that it may have ended is left out (counted as not shown), never guessed."""
    longest, holder, seen, over, unshown, lost = 0.0, "", 0, 0, 0, 0
    current, since, ready, held_since, ran = None, 0.0, set(), None, {}
    names = {}

    def charge(until):
        """Counts the time the current task has run since SINCE to the stretch under way, if there is one."""
        if held_since is not None and current not in own:
            name = names.get(current, "?")
            ran[name] = ran.get(name, 0.0) + until - max(since, held_since)
    for line in lines:
        if line.startswith("#"):
            counts = re.search(r"entries-in-buffer/entries-written: (\d+)/(\d+)", line)
            lost = int(counts.group(2)) - int(counts.group(1)) if counts else lost
            continue
        event = EVENT.match(line)
        if not event:
            continue
        task, moment, kind, fields = int(event.group(2)), float(event.group(4)), event.group(5), event.group(6)
        if int(event.group(3)) == core and task != current and current is not None:  # a switch the trace missed
            charge(moment)
            current, since = task, moment
            if held_since is not None and task in own:
                unshown += 1
                held_since, ran = None, {}
        if kind == "sched_switch":
            switch = SWITCH.match(fields)
            if not switch or int(event.group(3)) != core:  # the trace also holds perfdhcp's core (during())
                continue
            prev, state, nxt = int(switch.group(2)), switch.group(3), int(switch.group(5))
            names[prev], names[nxt] = switch.group(1), switch.group(4)
            charge(moment)  # the task switched away from, prev, is the current one (a missed switch is made up above)
            if prev in own and state.startswith("R"):
                ready.add(prev)
            else:  # asleep: a wake-up while it was still running (going to sleep) is no longer pending
                ready.discard(prev)
            ready.discard(nxt)
            current, since = nxt, moment
            if nxt in own and held_since is not None:
                held = (moment - held_since) * 1000.0
                seen += 1
                over += held > 1.0
                if held > longest:
                    longest, holder = held, max(ran, key=ran.get, default="")
                held_since, ran = None, {}
            elif nxt not in own and ready and held_since is None:
                held_since = moment
        else:
            wakeup = WAKEUP.match(fields)
            woken = int(wakeup.group(1)) if wakeup else -1
            if woken in own and woken != current:
                ready.add(woken)
                if current not in own and held_since is None:
                    held_since = moment
    return longest, holder, seen, over, unshown, lost


def running(lines, core, start, end):
    """From the text of a trace of sched_switch on one CORE: the ms each task ((pid, name)) ran on it between two
    moments of the trace's clock (the task on the core before the first switch in them: the one that switch left)."""
    ran, current, since = {}, None, start
    for line in lines:
        event = EVENT.match(line)
        if not event or event.group(5) != "sched_switch" or int(event.group(3)) != core:
            continue
        moment = float(event.group(4))
        switch = SWITCH.match(event.group(6))
        if not switch or moment < start:
            continue
        task = (int(switch.group(2)), switch.group(1)) if current is None else current
        ran[task] = ran.get(task, 0.0) + (min(moment, end) - since) * 1000.0
        if moment >= end:
            return ran
        current, since = (int(switch.group(5)), switch.group(4)), moment
    if current is not None:
        ran[current] = ran.get(current, 0.0) + (end - since) * 1000.0
    return ran


HALT_POLL = "/sys/module/haltpoll/parameters/guest_halt_poll_ns"


def halt_poll_now():
    """haltpoll's guest_halt_poll_ns as it is now."""
    with open(HALT_POLL) as f:
        return f.read().strip()


def halt_poll(value):
    """Sets haltpoll's guest_halt_poll_ns (--halt-poll); returns the value it had."""
    before = halt_poll_now()
    with open(HALT_POLL, "w") as f:
        f.write(str(value))
    return before


def percentile(ordered, fraction):
    """The value at FRACTION of an ORDERED list (0.0 for none)."""
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def measured_run(server, family, rate, args, options, completing):
    """One measured run against SERVER; its figures.
    Also counts where the kernel dropped datagrams for want of room: at the server's socket or at perfdhcp's."""
    before = cpu_ticks(server.pid)
    drops_before = socket_drops(server.link.ns), socket_drops(CLI)
    reloads = reloading(server, args.libreload, args.seconds) if args.libreload else None
    capture = Capture(family, server.link, args.work) if args.turnaround else None
    tracing = Holds(server.pid, SERVER_CORE, args.keep_largest, server.name) if args.holds else None
    figures = parse(perfdhcp(family, rate, args.seconds, options, server.link), completing)
    ticks = cpu_ticks(server.pid) - before
    figures["cpu"] = ticks * 1e6 / HZ / figures["completed"] if figures["completed"] else 0.0
    drops = socket_drops(server.link.ns) - drops_before[0], socket_drops(CLI) - drops_before[1]
    inside = ""
    if tracing:
        figures["held"], holder, seen, over, unshown, lost = tracing.stop()
        inside += ("; the server's core taken from it %d times: longest %.1f ms (%s), %d over 1 ms, %d not shown by "
                   "the trace, %d trace events lost" % (seen, figures["held"], holder or "-", over, unshown, lost))
    if capture:  # read after the counters: reading the capture takes a second or two
        times, unanswered, dropped, largest, silences = capture.stop()
        times.sort()
        figures["server_max"], figures["server_999"] = times[-1] if times else 0.0, percentile(times, 0.999)
        inside += ("; in the server (captured): %d answered, max %.1f ms, 99.9th percentile %.2f ms, %d unanswered, "
                   "%d the capture missed" % (len(times), figures["server_max"], figures["server_999"], unanswered,
                                              dropped))
        inside += "; replies stopped for over 3 ms while a request waited: %d times, the longest %.1f ms" % silences
        if tracing and largest:
            inside += "; during the largest (from %s): %s" % (
                time.strftime("%H:%M:%S", time.gmtime(largest[0])) + ("%.3f" % (largest[0] % 1))[1:],
                tracing.during(*largest))
    if reloads:
        reloads[0].join(60)
        answered = [r for r in reloads[1] if r == 0]
        print("%s: %d of %d libreload commands succeeded during the run" % (server.name, len(answered),
                                                                            args.libreload), file=sys.stderr)
    print("  %s %d/s run: lost %.3f %%, delay avg %.2f ms max %.1f ms, CPU %.1f us per exchange; dropped for a full "
          "receive buffer: %d at the server, %d at perfdhcp%s" % (server.name, rate, figures["lost"], figures["avg"],
                                                                  figures["max"], figures["cpu"], drops[0], drops[1],
                                                                  inside), file=sys.stderr)
    return figures


def build_floor(work):
    """--floor: cnf/bench/floor.c built into WORK; the program's path."""
    if not shutil.which("cc"):
        sys.exit("--floor needs a C compiler (apt-get install gcc libc6-dev)")
    program = os.path.join(work, "floor")
    sh("cc", "-O2", "-pthread", "-o", program, os.path.join(ROOT, "cnf", "bench", "floor.c"))
    return program


def floor_run(program, rate, seconds):
    """One run of the machine's floor (--floor): floor.c's echo on the servers' core in kea4j's namespace, its client
    on perfdhcp's core in perfdhcp's, at RATE for SECONDS; its figures: the largest round trip as "max" (what it sent and what came back it prints)."""
    link = LINKS["kea4j"]
    echo = subprocess.Popen(["ip", "netns", "exec", link.ns, "taskset", "-c", str(SERVER_CORE)] + SERVER_PRIORITY
                            + [program, "echo", link.net + ".1"], stdout=subprocess.PIPE, text=True)
    try:
        port = echo.stdout.readline().strip()
        if not port.isdigit():
            sys.exit("floor's echo did not start")
        said = sh("ip", "netns", "exec", CLI, "taskset", "-c", str(PERFDHCP_CORE), *CLIENT_PRIORITY, program, "client",
                  link.net + ".1", port, str(rate), str(seconds)).stdout
    finally:
        echo.kill()
        echo.wait()
    counts = re.search(r"sent (\d+) answered (\d+) largest ([0-9.]+) ms over 1 ms (\d+) over 4 ms (\d+) over 8 ms "
                       r"(\d+)", said)
    if not counts:
        sys.exit("floor's client said: " + said)
    figures = {"max": float(counts.group(3))}
    print("  echo (the floor) %d/s run: sent %s, answered %s, largest round trip %.1f ms; over 1 ms %s, over 4 ms %s, "
          "over 8 ms %s" % (rate, counts.group(1), counts.group(2), figures["max"], counts.group(4), counts.group(5),
                            counts.group(6)), file=sys.stderr)
    return figures


def cold_runs(made, mode, backend, family, rate, args, jvm, work, options, completing):
    """--cold: every run starts the server afresh, the servers taking turns; the medians by (name, rate)."""
    cold = {name: [] for name in made}
    for number in range(1, args.runs + 1):
        for name, (config_text, control) in made.items():
            server = Server(name, family, config_text, work, args.java, jvm, control)
            try:
                if await_started(server, family):
                    cold[name].append(measured_run(server, family, rate, args, options, completing))
                    print("%s %s %s cold run %d: lost %.3f %%, delay max %.1f ms" % (
                        mode, backend, name, number, cold[name][-1]["lost"], cold[name][-1]["max"]),
                        file=sys.stderr)
                else:
                    print("%s did not start; its log: %s" % (name, open(server.log).read()[-2000:]),
                          file=sys.stderr)
            finally:
                server.stop()
                shutil.copy(server.log, "/tmp/%s-bench-%s-%s-cold%d.out" % (name, mode, backend, number))
    results = {}
    for name, runs in cold.items():
        if runs:
            f = results[(name, rate)] = median(runs)
            print("%s %s %s cold %d/s: lost %.3f %%, delay max %.1f ms" % (
                mode, backend, name, rate, f["lost"], f["max"]), file=sys.stderr)
    return results


def warm_runs(made, mode, backend, family, rates, args, jvm, work, options, completing, memory):
    """Starts every server, warms each up, then measures the runs of each rate, the servers taking turns; the
    medians by (name, rate). Appends each server's RSS at the end, and the CPU it used in 5 s without clients after
    the warm-up, to MEMORY."""
    servers = []
    try:
        for name, (config_text, control) in made.items():
            server = Server(name, family, config_text, work, args.java, jvm, control)
            servers.append(server)
            if not await_answers(family, server.link):
                print("%s did not answer; its log: %s" % (name, open(server.log).read()[-2000:]), file=sys.stderr)
                servers.pop().stop()
                shutil.copy(server.log, "/tmp/%s-bench-%s-%s.out" % (name, mode, backend))
            elif args.realtime:
                print("%s: at SCHED_FIFO 1: %s" % (name, ", ".join(realtime(server))), file=sys.stderr)
        for server in servers:  # warm-up, discarded: the clients' first leases, a pause, then the same clients back
            perfdhcp(family, min(rates), args.warmup, options, server.link)
            time.sleep(WARMUP_PAUSE)
            perfdhcp(family, min(rates), args.warmup, options, server.link)
        before = {server: cpu_ticks(server.pid) for server in servers}
        time.sleep(5)
        idle = {server: cpu_ticks(server.pid) - before[server] for server in servers}
        results = {}
        for rate in rates:
            runs = {server.name: [] for server in servers}
            floors = []
            for number in range(args.runs):
                for server in servers if number % 2 == 0 else servers[::-1]:  # the others stopped meanwhile
                    with stopped(other for other in servers if other is not server):
                        runs[server.name].append(measured_run(server, family, rate, args, options, completing))
                if args.floor_program:
                    with stopped(servers):
                        floors.append(floor_run(args.floor_program, rate, args.seconds))
            if floors:
                results[("floor", rate)] = median(floors)
            for server in servers:
                f = results[(server.name, rate)] = median(runs[server.name])
                print("%s %s %s %d/s: rate %.0f, lost %.3f %%, delay avg %.2f ms max %.1f ms, CPU %.1f us per "
                      "exchange" % (mode, backend, server.name, rate, f["rate"], f["lost"], f["avg"], f["max"],
                                    f["cpu"]), file=sys.stderr)
        for server in servers:
            memory.append((mode, backend, server.name, rss_mb(server.pid), idle[server] * 1000.0 / HZ))
        return results
    finally:
        for server in servers:
            server.stop()
            shutil.copy(server.log, "/tmp/%s-bench-%s-%s.out" % (server.name, mode, backend))


def realtime(server):
    """--realtime: the SERVER's threads that handle datagrams (PACKET_THREADS) at SCHED_FIFO 1; their names."""
    names = []
    for task in sorted(os.listdir("/proc/%d/task" % server.pid), key=int):
        try:
            with open("/proc/%d/task/%s/comm" % (server.pid, task)) as f:
                name = f.read().strip()
        except OSError:
            continue  # the thread ended meanwhile
        if PACKET_THREADS[server.name].match(name):
            sh("chrt", "-f", "-p", "1", task)
            names.append(name)
    if not names:
        sys.exit("--realtime: %s has no thread named like %s" % (server.name, PACKET_THREADS[server.name].pattern))
    return names


@contextlib.contextmanager
def stopped(servers):
    """The SERVERS stopped (SIGSTOP) for the time of the block, continued after: an idle server's timers and
    housekeeping would take the core the measured one has."""
    servers = list(servers)
    for server in servers:
        os.kill(server.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for server in servers:
            os.kill(server.pid, signal.SIGCONT)


def median(runs):
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def await_started(server, family, limit=90):
    """The moment the server logs DHCPn_STARTED (Kea's message, kea4j's too)."""
    deadline = time.time() + limit
    while time.time() < deadline and server.process.poll() is None:
        with open(server.log, errors="replace") as f:
            if "DHCP%d_STARTED" % family in f.read():
                return True
        time.sleep(0.002)
    return False


def example_hook(work):
    """The SDK's example hook built from cnf/sdk/hook-template (needs kea4j's API installed by mvn install)."""
    project = os.path.join(work, "hook-template")
    shutil.copytree(os.path.join(ROOT, "cnf", "sdk", "hook-template"), project,
                    ignore=shutil.ignore_patterns("target"))
    sh("mvn", "-B", "-q", "-o", "package", "-DskipTests", cwd=project)
    return os.path.join(project, "target", "example-hook-1.0.0.jar")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--modes", default="v4")
    p.add_argument("--backends", "--backend", default="memfile")
    p.add_argument("--rates", default="5000")
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmup", type=int, default=10)  # seconds, twice
    p.add_argument("--servers", default="kea4j,kea")
    p.add_argument("--java", default="java")
    p.add_argument("--jvm", default=os.environ.get("KEA4J_BENCH_JVM", ""))
    p.add_argument("--cold", action="store_true")
    p.add_argument("--libreload", type=int, default=0)
    p.add_argument("--turnaround", action="store_true")
    p.add_argument("--holds", action="store_true")
    p.add_argument("--halt-poll", type=int, default=None)
    p.add_argument("--keep-largest", default=None)
    p.add_argument("--floor", action="store_true")
    p.add_argument("--realtime", action="store_true")
    p.add_argument("legacy", nargs="*", help=argparse.SUPPRESS)
    argv = sys.argv[1:]
    family_flag = argv.pop(0) if argv and argv[0] in ("-4", "-6") else None
    args, unknown = p.parse_known_args(argv)
    extra = []
    if family_flag or args.legacy:  # the older form: [-4|-6] [--backend B] [RATE] [SECONDS] [PERFDHCP OPTIONS...]
        legacy = args.legacy
        args.modes = "v" + (family_flag or "-4")[1]
        if legacy and legacy[0].isdigit():
            args.rates = legacy.pop(0)
        if legacy and legacy[0].isdigit():
            args.seconds = int(legacy.pop(0))
        extra = legacy + unknown
    elif unknown:
        sys.exit("unknown options: %s" % " ".join(unknown))
    if args.keep_largest:
        if not (args.holds and args.turnaround):
            sys.exit("--keep-largest needs --holds and --turnaround")
        os.makedirs(args.keep_largest, exist_ok=True)
    if os.geteuid() != 0:
        sys.exit("needs root (network namespaces)")
    if "kea4j" in args.servers and not (os.path.exists(JAR) and os.path.exists(LAUNCHER)):
        sys.exit("build first: mvn -B package -DskipTests")
    modes = args.modes.split(",")
    backends = args.backends.split(",")
    rates = [int(r) for r in args.rates.split(",")]
    servers = args.servers.split(",")
    jvm = args.jvm.split()
    work = args.work = tempfile.mkdtemp()
    if args.floor and args.cold:
        sys.exit("--floor goes with warm runs, not --cold")
    if args.realtime:
        if args.cold:
            sys.exit("--realtime goes with warm runs, not --cold")
        if not shutil.which("chrt"):
            sys.exit("--realtime needs chrt (apt-get install util-linux)")
        CLIENT_PRIORITY[:], SERVER_PRIORITY[:] = ["nice", "-n", "-20"], ["chrt", "-f", "1"]
    args.floor_program = build_floor(work) if args.floor else None
    if args.turnaround and not shutil.which("tcpdump"):
        sys.exit("--turnaround needs tcpdump (apt-get install tcpdump)")
    if args.halt_poll is not None and not os.path.exists(HALT_POLL):
        sys.exit("--halt-poll needs the haltpoll cpuidle driver (a KVM guest's): no %s" % HALT_POLL)
    databases = Databases()
    rows, memory = [], []
    hook_jar = example_hook(work) if args.libreload and "kea4j" in servers else None
    args.halt_poll_before = None
    try:
        if args.halt_poll is not None:
            args.halt_poll_before = halt_poll(args.halt_poll)
        netns_setup(any(b in ("postgresql", "mysql") for b in backends))
        time.sleep(1)
        for mode in modes:
            family, options, completing = MODES[mode]
            options = options + extra
            for backend in backends:
                made = {}  # name: (configuration, control socket)
                for name in servers:
                    if name == "kea" and not shutil.which("kea-dhcp%d" % family):
                        print("kea-dhcp%d not installed: apt-get install kea-dhcp%d-server" % (family, family),
                              file=sys.stderr)
                        continue
                    db = databases.lease_database(backend, "%s_bench_%d_%s_%s" % (
                        name, os.getpid(), mode.replace("-", "_"), backend.replace("-", "_")), work, LINKS[name])
                    control = os.path.join(work, "%s-%s-%s.sock" % (name, mode, backend))
                    extra_config = ""
                    if args.libreload:
                        library = (hook_jar if name == "kea4j" else
                                   "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so")
                        extra_config = ('"control-socket": { "socket-type": "unix", "socket-name": "%s" }, '
                                        '"hooks-libraries": [ { "library": "%s" } ], ' % (control, library))
                    made[name] = (config(family, db, LINKS[name], "INFO" if args.cold else "WARN", extra_config),
                                  control)
                if args.cold:
                    results = cold_runs(made, mode, backend, family, rates[0], args, jvm, work, options, completing)
                else:
                    results = warm_runs(made, mode, backend, family, rates, args, jvm, work, options, completing,
                                        memory)
                for rate in rates[:1] if args.cold else rates:
                    rows.append((mode, backend, rate, results.get(("kea4j", rate)), results.get(("kea", rate)),
                                 results.get(("floor", rate))))
    finally:
        if args.halt_poll_before is not None:
            halt_poll(args.halt_poll_before)
        databases.cleanup()
        netns_cleanup()
        untrace()
        shutil.rmtree(work, ignore_errors=True)
    report(rows, memory, args)


def report(rows, memory, args):
    def cells(f):
        if f is None:
            return "%8s %8s %8s %8s %8s" % ("-", "-", "-", "-", "-")
        return "%8.0f %7.3f%% %8.2f %8.1f %8.1f" % (f["rate"], f["lost"], f["avg"], f["max"], f["cpu"])

    def ms(f, key):
        return "%.1f" % f[key] if f else "-"

    def inside(f):
        return "%8.1f / %6.2f" % (f["server_max"], f["server_999"]) if f and "server_max" in f else "%17s" % "-"
    print()
    if args.cold:
        print("medians of %d runs of %d s, each begun when a freshly started server logged DHCPn_STARTED; "
              "server on core %d, perfdhcp on core %d; %s"
              % (args.runs, args.seconds, SERVER_CORE, PERFDHCP_CORE, time.strftime("%Y-%m-%d")))
    else:
        print("medians of %d runs of %d s, after a 2 x %d s warm-up (%g s apart)%s; both servers on core %d, "
              "taking turns, perfdhcp on core %d; %s"
              % (args.runs, args.seconds, args.warmup, WARMUP_PAUSE,
                 ", libreload %d times in every run" % args.libreload if args.libreload else "",
                 SERVER_CORE, PERFDHCP_CORE, time.strftime("%Y-%m-%d")))
    if args.realtime:
        print("at SCHED_FIFO 1 (--realtime): Kea's threads, kea4j's receiving and worker threads, VM thread and GC "
              "stop-the-world workers (not its compiler and concurrent GC threads), the floor's echo; perfdhcp and the "
              "floor's client at nice -20")
    if args.halt_poll is not None:
        print("idle cores polled up to %d ns before they halted (haltpoll's guest_halt_poll_ns: %s before, restored)"
              % (args.halt_poll, args.halt_poll_before))
    elif os.path.exists(HALT_POLL):
        print("idle cores polled up to %s ns before they halted (haltpoll's guest_halt_poll_ns, as the machine had it)"
              % halt_poll_now())
    head = "%8s %8s %8s %8s %8s" % ("rate/s", "lost", "avg ms", "max ms", "CPU us")
    print("%-9s %-18s %7s | kea4j %s | Kea 2.2 %s | CPU ratio | max-delay ratio"
          % ("mode", "back end", "offered", head, head))
    for mode, backend, rate, k, e, _ in rows:
        cpu = "%9.2f" % (k["cpu"] / e["cpu"]) if k and e and e["cpu"] else "%9s" % "-"
        delay = "%15.2f" % (k["max"] / e["max"]) if k and e and e["max"] else "%15s" % "-"
        print("%-9s %-18s %7d |       %s |         %s | %s | %s" % (mode, backend, rate, cells(k), cells(e), cpu, delay))
    if args.holds:
        print("the longest the server's core was taken from it while it had work (kernel trace; medians of the runs'"
              " figures):")
        print("%-9s %-18s %7s | kea4j ms | Kea 2.2 ms" % ("mode", "back end", "offered"))
        for mode, backend, rate, k, e, _ in rows:
            print("%-9s %-18s %7d | %8s | %10s" % (mode, backend, rate, ms(k, "held"), ms(e, "held")))
    if args.turnaround:
        print("the largest time in the server (captured on its link; medians of the runs' figures):")
        print("%-9s %-18s %7s | kea4j max / 99.9%% ms | Kea 2.2 max / 99.9%% ms | max ratio"
              % ("mode", "back end", "offered"))
        for mode, backend, rate, k, e, _ in rows:
            ratio = ("%9.2f" % (k["server_max"] / e["server_max"]) if k and e and e.get("server_max") else
                     "%9s" % "-")
            print("%-9s %-18s %7d |    %s |      %s | %s" % (mode, backend, rate, inside(k), inside(e), ratio))
    if args.floor:
        print("the machine's floor: a UDP echo that does no work, on the servers' core, at the same rate, in a turn of its"
              " own (medians of the runs' largest round trip):")
        print("%-9s %-18s %7s | echo max ms | kea4j max ms | Kea 2.2 max ms" % ("mode", "back end", "offered"))
        for mode, backend, rate, k, e, floor in rows:
            print("%-9s %-18s %7d | %11s | %12s | %14s" % (mode, backend, rate, ms(floor, "max"), ms(k, "max"),
                                                            ms(e, "max")))
    for mode, backend, name, rss, idle_ms in memory:
        print("RSS at the end: %s %s %s %.0f MB; CPU in 5 s with no clients: %.0f ms"
              % (mode, backend, name, rss, idle_ms))


if __name__ == "__main__":
    main()
