package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.PdPoolConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_ADDRESS6_ALLOC_ERROR;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_ADDRESS6_ALLOC_FAIL;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HOOK_LEASE6_EXTEND_SKIP;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HOOK_LEASE6_SELECT_SKIP;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HR_RESERVED_ADDR_GRANTED;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HR_RESERVED_PREFIX_GRANTED;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HR_REVOKED_ADDR6_LEASE;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HR_REVOKED_PREFIX6_LEASE;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;

/**
 * Chooses and stores IPv6 leases, addresses (IA_NA) and delegated prefixes (IA_PD): the client's
 * reservation, its existing leases, its hints, or the next free resource of the pools (iterative
 * allocator), reusing expired leases and revoking leases of resources now reserved for someone else.
 * Thread-safe in the way {@link AllocEngine4} is.
 */
public final class AllocEngine6 {

    private final Hook leaseSelect;
    private final Hook leaseRenew;
    private final Hook leaseRebind;
    private final KeaLogger log;
    private final ConcurrentHashMap<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[512];

    public AllocEngine6(HooksManager hooks, String loggerRoot) {
        this.leaseSelect = hooks.hook(Dhcp6Hooks.LEASE6_SELECT);
        this.leaseRenew = hooks.hook(Dhcp6Hooks.LEASE6_RENEW);
        this.leaseRebind = hooks.hook(Dhcp6Hooks.LEASE6_REBIND);
        this.log = KeaLogger.get(loggerRoot + ".dhcpsrv");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Takes a configuration's subnets: forgets the allocator position of subnets no longer configured, and starts
     * that of a subnet new to it after the highest address (prefix) {@code leases} holds in its pools (see
     * {@link AllocEngine4#configured}).
     *
     * @param leases the lease database, or null (positions start at the first address)
     */
    public void configured(java.util.Collection<Subnet6Config> subnets, LeaseMgr leases) {
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (Subnet6Config s : subnets) {
            keep.add(s.id() + "/NA");
            keep.add(s.id() + "/PD");
        }
        cursors.keySet().retainAll(keep);
        if (leases == null) {
            return;
        }
        java.util.Map<String, Cursor> changed = new java.util.HashMap<>();
        java.util.Map<String, Cursor> fresh = new java.util.HashMap<>();
        for (Subnet6Config s : subnets) {
            for (LeaseType type : List.of(LeaseType.NA, LeaseType.PD)) {
                String key = s.id() + "/" + type;
                Cursor known = cursors.get(key);
                if (!(type == LeaseType.NA ? s.pools() : s.pdPools()).isEmpty()
                        && (known == null || !known.serves(s, type))) {
                    Cursor c = new Cursor(s, type, known);
                    changed.put(key, c);
                    if (known == null) {
                        fresh.put(key, c);
                    }
                }
            }
        }
        if (!fresh.isEmpty()) {
            for (Lease6 l : leases.getLeases6()) { // one pass for all new subnets
                Cursor c = fresh.get(l.subnetId() + "/" + l.type());
                if (c != null) {
                    c.resumeAfter(l);
                }
            }
        }
        cursors.putAll(changed);
    }

    /** The client's leases of this IA in the subnet. */
    public static List<Lease6> existing(ClientContext6 ctx) {
        return ctx.leaseMgr().getLeases6(ctx.type(), ctx.duid(), ctx.iaid(), ctx.subnet().id());
    }

    /**
     * Offers (SOLICIT) or grants (REQUEST, and RENEW of an IA without leases) one lease for the IA. For a client
     * of a shared network the IA's lease or reservation in any of its subnets comes first, then what it asks for
     * wherever it lies in the network, then the pools of each subnet in turn (Kea's rules).
     *
     * @return the leases of the IA (empty when none could be given)
     */
    public List<Lease6> allocate(ClientContext6 ctx) {
        try {
            // the IA's leases (and reservation) in any subnet it may be served from, each judged in its subnet
            for (Subnet6Config s : ctx.candidates()) {
                ClientContext6 c = ctx.in(s);
                List<Lease6> usable = new ArrayList<>();
                for (Lease6 l : existing(c)) {
                    if (reservedForOther(c, l.address(), l.prefixLength())) {
                        revoke(c, l);
                    } else if (reservedForClient(c, l) || inAllowedPool(c, l)) {
                        usable.add(l);
                    }
                }
                Lease6 reserved = reservedLease(c, usable);
                if (reserved != null) {
                    return List.of(reserved);
                }
                if (!usable.isEmpty()) {
                    return List.of(refresh(c, usable.get(0)));
                }
            }
            for (ClientContext6.Hint hint : ctx.hints()) {
                for (Subnet6Config s : ctx.candidates()) {
                    ClientContext6 c = ctx.in(s);
                    Lease6 l = tryResource(c, hint.address(), ctx.type() == LeaseType.PD
                            ? (hint.length() == 0 ? delegatedLengthAt(c, hint.address()) : hint.length()) : 128);
                    if (l != null) {
                        return List.of(l);
                    }
                }
            }
            for (Subnet6Config s : ctx.candidates()) {
                Lease6 l = fromPools(ctx.in(s));
                if (l != null) {
                    return List.of(l);
                }
            }
            return List.of();
        } catch (LeaseMgrException | UnsupportedOperationException e) {
            log.log(DHCPSRV_ADDRESS6_ALLOC_ERROR, e.getMessage());
            return List.of();
        }
    }

    /**
     * Extends the client's leases of the IA (RENEW, REBIND), in whichever subnet of its shared network they are,
     * through lease6_renew / lease6_rebind, revoking those reserved for another client.
     *
     * @return the extended leases (with their new lifetimes; the old ones when a callout skipped)
     */
    public List<Lease6> extend(ClientContext6 ctx) {
        List<Lease6> out = new ArrayList<>();
        try {
            for (Subnet6Config s : ctx.candidates()) {
                ClientContext6 c = ctx.in(s);
                for (Lease6 l : existing(c)) {
                    if (reservedForOther(c, l.address(), l.prefixLength())) {
                        revoke(c, l);
                        continue;
                    }
                    if (!reservedForClient(c, l) && !inAllowedPool(c, l)) {
                        // Kea: a lease that no pool of the subnet holds any more (after a reconfiguration) is
                        // removed; the reply gives it lifetimes 0 and the client a lease from the pools
                        if (!c.fakeAllocation()) {
                            c.leaseMgr().deleteLease6(l.type(), l.address());
                        }
                        continue;
                    }
                    Lease6 extended = extendOne(c, l);
                    if (extended != null) {
                        out.add(extended);
                    }
                }
            }
        } catch (LeaseMgrException e) {
            log.log(DHCPSRV_ADDRESS6_ALLOC_ERROR, e.getMessage());
        }
        return out;
    }

    // ------------------------------------------------------------------ reservations

    private static boolean reservationsApply(ClientContext6 ctx) {
        return ctx.hosts() != null && !ctx.hosts().isEmpty() && ctx.subnet().reservationFlags().inSubnet();
    }

    private static boolean reservedForOther(ClientContext6 ctx, InetAddress address, int length) {
        if (!reservationsApply(ctx)) {
            return false;
        }
        Reservation6Config r = ctx.hosts().byResource(ctx.subnet().id(), address, length);
        // by identifier, not identity: a hosts database reads a new copy of a reservation at each look-up
        return r != null && (ctx.reservation() == null || !r.identifier().equals(ctx.reservation().identifier()));
    }

    private static boolean reservedForClient(ClientContext6 ctx, Lease6 l) {
        Reservation6Config r = ctx.reservation();
        if (r == null) {
            return false;
        }
        if (l.type() == LeaseType.PD) {
            return r.prefixes().contains(new Prefix(l.address(), l.prefixLength()));
        }
        return r.addresses().contains(l.address());
    }

    /** Grants (or renews) the first usable reserved resource of the client's reservation. */
    private Lease6 reservedLease(ClientContext6 ctx, List<Lease6> usable) {
        Reservation6Config r = ctx.reservation();
        if (r == null || !reservationsApply(ctx)) {
            return null;
        }
        List<Prefix> resources = new ArrayList<>();
        if (ctx.type() == LeaseType.NA) {
            for (Inet6Address a : r.addresses()) {
                resources.add(new Prefix(a, 128));
            }
        } else {
            resources.addAll(r.prefixes());
        }
        for (Lease6 l : usable) {
            if (resources.contains(new Prefix(l.address(), ctx.type() == LeaseType.NA ? 128 : l.prefixLength()))) {
                return refresh(ctx, l);
            }
        }
        for (Prefix p : resources) {
            if (ctx.type() == LeaseType.NA && !ctx.subnet().prefix().contains(p.network())) {
                continue; // a delegated prefix lies outside the subnet, an address must not
            }
            Lease6 l = tryResource(ctx, p.network(), p.length());
            if (l != null) {
                if (!ctx.fakeAllocation()) {
                    if (ctx.type() == LeaseType.NA) {
                        log.log(DHCPSRV_HR_RESERVED_ADDR_GRANTED, Addresses.format(p.network()), ctx.duid());
                    } else {
                        log.log(DHCPSRV_HR_RESERVED_PREFIX_GRANTED, Addresses.format(p.network()), p.length(),
                                ctx.duid());
                    }
                }
                return l;
            }
        }
        return null;
    }

    private void revoke(ClientContext6 ctx, Lease6 l) {
        if (ctx.fakeAllocation()) {
            return;
        }
        Reservation6Config owner = ctx.hosts().byResource(ctx.subnet().id(), l.address(), l.prefixLength());
        String ownerId = owner == null ? "?" : org.kea4j.dhcp.Hex.colons(owner.identifier().value());
        ctx.leaseMgr().deleteLease6(l.type(), l.address());
        if (l.type() == LeaseType.NA) {
            log.log(DHCPSRV_HR_REVOKED_ADDR6_LEASE, Addresses.format(l.address()), ctx.duid(), ownerId);
        } else {
            log.log(DHCPSRV_HR_REVOKED_PREFIX6_LEASE, Addresses.format(l.address()), l.prefixLength(), ctx.duid(),
                    ownerId);
        }
    }

    // ------------------------------------------------------------------ pools

    private static boolean inAllowedPool(ClientContext6 ctx, Lease6 lease) {
        return inAllowedPool(ctx, lease.addressHigh(), lease.addressLow(), lease.prefixLength());
    }

    private static boolean inAllowedPool(ClientContext6 ctx, InetAddress address, int length) {
        byte[] a = address.getAddress();
        return a.length == 16 && inAllowedPool(ctx, Addresses.half(a, 0), Addresses.half(a, 8), length);
    }

    /** Whether a pool of the subnet holds the address (or delegates the prefix) and admits the client's classes. */
    private static boolean inAllowedPool(ClientContext6 ctx, long high, long low, int length) {
        if (ctx.type() == LeaseType.NA) {
            for (PoolConfig p : ctx.subnet().pools()) {
                if (p.range().contains(high, low)) {
                    return p.clientClass() == null || ctx.classes().contains(p.clientClass());
                }
            }
            return false;
        }
        for (PdPoolConfig p : ctx.subnet().pdPools()) {
            if (p.delegates(high, low, length)) {
                return p.clientClass() == null || ctx.classes().contains(p.clientClass());
            }
        }
        return false;
    }

    private static int delegatedLengthAt(ClientContext6 ctx, InetAddress address) {
        for (PdPoolConfig p : ctx.subnet().pdPools()) {
            if (p.prefix().contains(address)) {
                return p.delegatedLength();
            }
        }
        return 0;
    }

    /** Tries one address or prefix of the pools (or reserved for the client): new, reused or the client's own. */
    private Lease6 tryResource(ClientContext6 ctx, InetAddress address, int length) {
        if (!(address instanceof Inet6Address a) || length == 0) {
            return null;
        }
        boolean reservedHere = ctx.reservation() != null
                && (ctx.type() == LeaseType.NA ? ctx.reservation().addresses().contains(a)
                        : ctx.reservation().prefixes().contains(new Prefix(a, length)));
        if (!reservedHere && (!inAllowedPool(ctx, a, length) || reservedForOther(ctx, a, length))) {
            return null;
        }
        Lease6 holder = ctx.leaseMgr().getLease6(ctx.type(), a).orElse(null);
        if (holder == null) {
            return create(ctx, a, length, new boolean[1]);
        }
        if (ctx.owns(holder)) {
            return refresh(ctx, holder);
        }
        if (free(holder, ctx.now())) {
            return reuse(ctx, holder, new boolean[1]);
        }
        return null;
    }

    private Lease6 fromPools(ClientContext6 ctx) {
        Subnet6Config subnet = ctx.subnet();
        String key = subnet.id() + "/" + ctx.type();
        Cursor cursor = cursors.compute(key, (k, c) -> c == null || !c.serves(subnet, ctx.type())
                ? new Cursor(subnet, ctx.type(), c) : c);
        if (cursor.capacity == 0) {
            log.log(DHCPSRV_ADDRESS6_ALLOC_FAIL, 0);
            return null;
        }
        long attempts = Math.min(cursor.capacity, 1_000_000);
        for (long i = 0; i < attempts; i++) {
            Cursor.Candidate next = cursor.next();
            Inet6Address candidate = (Inet6Address) Addresses.fromBigInteger(next.address(), false);
            int length = next.length();
            if (!inAllowedPool(ctx, candidate, length) || reservedForOther(ctx, candidate, length)) {
                continue;
            }
            Lease6 holder = ctx.leaseMgr().getLease6(ctx.type(), candidate).orElse(null);
            boolean[] skipped = new boolean[1];
            Lease6 lease = null;
            if (holder == null) {
                lease = create(ctx, candidate, length, skipped);
            } else if (free(holder, ctx.now())) {
                lease = reuse(ctx, holder, skipped);
            }
            if (lease != null || skipped[0]) {
                return lease;
            }
        }
        log.log(DHCPSRV_ADDRESS6_ALLOC_FAIL, attempts);
        return null;
    }

    private static boolean free(Lease6 lease, long now) {
        return lease.state() == Lease4.STATE_EXPIRED_RECLAIMED || lease.expired(now);
    }

    // ------------------------------------------------------------------ lease changes

    private Lease6 newLease(ClientContext6 ctx, Inet6Address address, int length) {
        Lease6.Builder b = Lease6.builder(ctx.type(), address).duid(ctx.duid()).iaid(ctx.iaid())
                .preferredLifetime(ctx.subnet().preferredLifetime()).validLifetime(ctx.subnet().validLifetime())
                .cltt(ctx.now()).subnetId(ctx.subnet().id()).hwaddr(ctx.hwaddr());
        if (ctx.type() == LeaseType.PD) {
            b.prefixLength(length);
        }
        if (ctx.hostname() != null) {
            b.hostname(ctx.hostname());
        }
        return b.build();
    }

    private Lease6 selectHook(ClientContext6 ctx, Lease6 candidate, boolean[] skipped) {
        CalloutSession session = ctx.session();
        if (session == null || !session.hasCallouts(leaseSelect)) {
            return candidate;
        }
        NextStep next = session.begin(leaseSelect).with(Dhcp6Hooks.QUERY6, ctx.query())
                .with(Dhcp6Hooks.SUBNET6, ctx.subnet()).with(Dhcp6Hooks.FAKE_ALLOCATION, ctx.fakeAllocation())
                .with(Dhcp6Hooks.HOST6, ctx.reservation()).with(Dhcp6Hooks.LEASE6, candidate).call();
        if (next != NextStep.CONTINUE) {
            log.log(DHCPSRV_HOOK_LEASE6_SELECT_SKIP);
            skipped[0] = true;
            return null;
        }
        Lease6 changed = session.get(Dhcp6Hooks.LEASE6);
        return changed != null ? changed : candidate;
    }

    private Lease6 create(ClientContext6 ctx, Inet6Address address, int length, boolean[] skipped) {
        Lease6 lease = selectHook(ctx, newLease(ctx, address, length), skipped);
        if (lease == null || ctx.fakeAllocation()) {
            return lease;
        }
        return ctx.leaseMgr().addLease(lease) ? lease : null;
    }

    private Lease6 reuse(ClientContext6 ctx, Lease6 expired, boolean[] skipped) {
        Lease6 lease = selectHook(ctx, newLease(ctx, expired.address(), expired.prefixLength()), skipped);
        if (lease == null || ctx.fakeAllocation()) {
            return lease;
        }
        ReentrantLock lock = stripe(expired);
        lock.lock();
        try {
            Lease6 current = ctx.leaseMgr().getLease6(expired.type(), expired.address()).orElse(null);
            if (current == null) {
                return ctx.leaseMgr().addLease(lease) ? lease : null;
            }
            if (!free(current, ctx.now())) {
                return null;
            }
            // another server on the same database may reuse it at the same moment: one update wins
            return ctx.leaseMgr().updateLease6(current, lease) ? lease : null;
        } finally {
            lock.unlock();
        }
    }

    /** The client's own lease given again (SOLICIT / REQUEST): new lifetimes, no renew hook. */
    private Lease6 refresh(ClientContext6 ctx, Lease6 existing) {
        Lease6 renewed = renewed(ctx, existing);
        if (!ctx.fakeAllocation()) {
            store(ctx, existing, renewed);
        }
        return renewed;
    }

    private Lease6 renewed(ClientContext6 ctx, Lease6 existing) {
        Lease6.Builder b = existing.toBuilder().cltt(ctx.now()).preferredLifetime(ctx.subnet().preferredLifetime())
                .validLifetime(ctx.subnet().validLifetime()).subnetId(ctx.subnet().id()).state(Lease4.STATE_DEFAULT);
        if (ctx.hwaddr() != null) {
            b.hwaddr(ctx.hwaddr());
        }
        if (ctx.hostname() != null) {
            b.hostname(ctx.hostname());
        }
        return b.build();
    }

    private void store(ClientContext6 ctx, Lease6 existing, Lease6 renewed) {
        ReentrantLock lock = stripe(existing);
        lock.lock();
        try {
            if (ctx.leaseMgr().getLease6(existing.type(), existing.address()).isPresent()) {
                ctx.leaseMgr().updateLease6(renewed);
            } else {
                ctx.leaseMgr().addLease(renewed);
            }
        } finally {
            lock.unlock();
        }
    }

    private Lease6 extendOne(ClientContext6 ctx, Lease6 existing) {
        Lease6 renewed = renewed(ctx, existing);
        Hook hook = ctx.rebind() ? leaseRebind : leaseRenew;
        CalloutSession session = ctx.session();
        if (session != null && session.hasCallouts(hook)) {
            NextStep next = session.begin(hook).with(Dhcp6Hooks.QUERY6, ctx.query())
                    .with(Dhcp6Hooks.SUBNET6, ctx.subnet()).with(Dhcp6Hooks.HOST6, ctx.reservation())
                    .with(Dhcp6Hooks.LEASE6, renewed)
                    .with(ctx.type() == LeaseType.PD ? Dhcp6Hooks.IA_PD : Dhcp6Hooks.IA_NA, ctx.ia()).call();
            if (next != NextStep.CONTINUE) {
                log.log(DHCPSRV_HOOK_LEASE6_EXTEND_SKIP, ctx.query() == null ? "" : ctx.query().getName());
                return existing;
            }
            Lease6 changed = session.get(Dhcp6Hooks.LEASE6);
            if (changed != null) {
                renewed = changed;
            }
        }
        store(ctx, existing, renewed);
        return renewed;
    }

    private ReentrantLock stripe(Lease6 lease) {
        long h = (lease.addressHigh() * 31 + lease.addressLow()) * 0x9E3779B97F4A7C15L;
        return stripes[(int) (h >>> 55) & (stripes.length - 1)];
    }

    /** The iterative allocator of one subnet and lease type: last resource given, next one proposed. */
    private static final class Cursor {
        private final Subnet6Config subnet;
        private final LeaseType type;
        private final BigInteger[] first;
        private final BigInteger[] last;
        private final BigInteger[] step;
        private final int[] lengths;
        final long capacity;
        private BigInteger position;
        private int pool = -1;

        Cursor(Subnet6Config subnet, LeaseType type, Cursor previous) {
            this.subnet = subnet;
            this.type = type;
            int n = type == LeaseType.NA ? subnet.pools().size() : subnet.pdPools().size();
            first = new BigInteger[n];
            last = new BigInteger[n];
            step = new BigInteger[n];
            lengths = new int[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                if (type == LeaseType.NA) {
                    PoolConfig p = subnet.pools().get(i);
                    first[i] = Addresses.toBigInteger(p.range().first());
                    last[i] = Addresses.toBigInteger(p.range().last());
                    step[i] = BigInteger.ONE;
                    lengths[i] = 128;
                    total = saturatedAdd(total, last[i].subtract(first[i]).add(BigInteger.ONE));
                } else {
                    PdPoolConfig p = subnet.pdPools().get(i);
                    step[i] = BigInteger.ONE.shiftLeft(128 - p.delegatedLength());
                    first[i] = Addresses.toBigInteger(p.prefix().network());
                    last[i] = Addresses.toBigInteger(p.prefix().last()).subtract(step[i]).add(BigInteger.ONE);
                    lengths[i] = p.delegatedLength();
                    total = saturatedAdd(total, BigInteger.valueOf(p.capacity()));
                }
            }
            capacity = total;
            if (previous != null && previous.position != null) {
                position = previous.position;
                pool = poolOf(position);
            }
        }

        private static long saturatedAdd(long total, BigInteger more) {
            BigInteger sum = BigInteger.valueOf(total).add(more);
            return sum.bitLength() > 62 ? Long.MAX_VALUE / 2 : sum.longValue();
        }

        boolean serves(Subnet6Config other, LeaseType t) {
            return t == type && (type == LeaseType.NA ? other.pools().equals(subnet.pools())
                    : other.pdPools().equals(subnet.pdPools()));
        }

        private int poolOf(BigInteger p) {
            for (int i = 0; i < first.length; i++) {
                if (p.compareTo(first[i]) >= 0 && p.compareTo(last[i]) <= 0) {
                    return i;
                }
            }
            return -1;
        }

        record Candidate(BigInteger address, int length) {
        }

        /** Goes on after {@code leased} when it lies in its pools beyond the position so far (see IterativeCursor). */
        synchronized void resumeAfter(Lease6 leased) {
            BigInteger a = Addresses.toBigInteger(leased.address());
            int in = poolOf(a);
            if (in >= 0 && (position == null || a.compareTo(position) > 0)) {
                position = a;
                pool = in;
            }
        }

        synchronized Candidate next() {
            if (pool < 0 || position == null) {
                pool = 0;
                position = first[0];
            } else {
                BigInteger candidate = position.add(step[pool]);
                if (candidate.compareTo(last[pool]) <= 0) {
                    position = candidate;
                } else {
                    pool = (pool + 1) % first.length;
                    position = first[pool];
                }
            }
            return new Candidate(position, lengths[pool]);
        }
    }
}
