package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_ADDRESS4_ALLOC_ERROR;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_ADDRESS4_ALLOC_FAIL;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_DISCOVER_ADDRESS_CONFLICT;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HOOK_LEASE4_RENEW_SKIP;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_HOOK_LEASE4_SELECT_SKIP;

import java.net.Inet4Address;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;

/**
 * Chooses and stores IPv4 leases (Kea's allocation engine): the client's reservation, its existing lease,
 * the address it asks for, or the next free address of the subnet's pools (iterative allocator), reusing
 * expired leases. Thread-safe: two requests never get one address, because a new lease is only stored
 * when the address is free in the lease database and an expired one is reused under a per-address lock.
 */
public final class AllocEngine4 {

    /** The outcome of a request: the lease granted or offered (null when none) and the client's previous one. */
    public record Result(Lease4 lease, Lease4 previous) {
        static final Result NONE = new Result(null, null);
    }

    private final Hook leaseSelect;
    private final Hook leaseRenew;
    private final KeaLogger log;
    private final ConcurrentHashMap<Long, IterativeCursor> cursors = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[512];

    /**
     * @param hooks      the hooks framework (lease4_select and lease4_renew are called through it)
     * @param loggerRoot the server's logger root ({@code kea-dhcp4})
     */
    public AllocEngine4(HooksManager hooks, String loggerRoot) {
        this.leaseSelect = hooks.hook(Dhcp4Hooks.LEASE4_SELECT);
        this.leaseRenew = hooks.hook(Dhcp4Hooks.LEASE4_RENEW);
        this.log = KeaLogger.get(loggerRoot + ".dhcpsrv");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Takes a configuration's subnets: forgets the allocator position of subnets no longer configured, and starts
     * that of a subnet new to it after the highest address {@code leases} holds in its pools (one pass over the
     * leases, whatever the number of subnets). A restarted server thus goes on where its leases end, instead of
     * trying every leased address of the pool, one look-up each, at its first allocation (tens of milliseconds per
     * 10,000 leases on the first packet, seconds on SQL).
     *
     * @param leases the lease database, or null (positions start at the first address)
     */
    public void configured(java.util.Collection<Subnet4Config> subnets, LeaseMgr leases) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (Subnet4Config s : subnets) {
            ids.add(s.id());
        }
        cursors.keySet().retainAll(ids);
        if (leases == null) {
            return;
        }
        java.util.Map<Long, IterativeCursor> changed = new java.util.HashMap<>();
        java.util.Map<Long, IterativeCursor> fresh = new java.util.HashMap<>();
        for (Subnet4Config s : subnets) {
            IterativeCursor known = cursors.get(s.id());
            if (!s.pools().isEmpty() && (known == null || !known.servesPools(s.pools()))) {
                IterativeCursor c = new IterativeCursor(s.pools(), known);
                changed.put(s.id(), c);
                if (known == null) {
                    fresh.put(s.id(), c);
                }
            }
        }
        if (!fresh.isEmpty()) {
            for (Lease4 l : leases.getLeases4()) { // one pass for all new subnets
                IterativeCursor c = fresh.get(l.subnetId());
                if (c != null) {
                    c.resumeAfter(l.addressValue());
                }
            }
        }
        cursors.putAll(changed);
    }

    /**
     * Finds the lease of a client in the subnet: by client identifier first, then by hardware address (a
     * hardware address match is discarded when the lease carries another client identifier).
     */
    public static Lease4 clientLease(ClientContext4 ctx) {
        LeaseMgr lm = ctx.leaseMgr();
        long subnetId = ctx.subnet().id();
        if (ctx.clientId() != null && ctx.subnet().matchClientId()) {
            Optional<Lease4> byClientId = lm.getLease4(ctx.clientId(), subnetId);
            if (byClientId.isPresent()) {
                return byClientId.get();
            }
        }
        if (ctx.hwaddr() != null && ctx.hwaddr().rawBytes().length > 0) {
            Optional<Lease4> byHw = lm.getLease4(ctx.hwaddr(), subnetId);
            if (byHw.isPresent() && ctx.owns(byHw.get())) {
                return byHw.get();
            }
        }
        return null;
    }

    /** The client's lease in any of the subnets it may be served from (its shared network), or null. */
    public static Lease4 clientLeaseInNetwork(ClientContext4 ctx) {
        for (Subnet4Config s : ctx.candidates()) {
            Lease4 lease = clientLease(ctx.in(s));
            if (lease != null) {
                return lease;
            }
        }
        return null;
    }

    /**
     * Offers (DISCOVER, {@code fakeAllocation}) or grants (REQUEST) a lease.
     *
     * @return the lease, or {@link Result#lease()} null when the client gets none (for REQUEST: a NAK)
     */
    public Result allocate(ClientContext4 ctx) {
        try {
            if (ctx.candidates().size() > 1) {
                return allocateInNetwork(ctx);
            }
            Lease4 existing = clientLease(ctx);
            return ctx.fakeAllocation() ? offer(ctx, existing) : request(ctx, existing);
        } catch (LeaseMgrException | UnsupportedOperationException e) {
            log.log(DHCPSRV_ADDRESS4_ALLOC_ERROR, e.getMessage());
            return Result.NONE;
        }
    }

    /**
     * A client of a shared network (Kea's rules): its lease in any subnet of the network is its lease; the address
     * it asks for decides the subnet of a REQUEST, its lease that of an offer; otherwise its reservation's subnet,
     * then each subnet in turn until one has an address for it. The lease carries the subnet it is served from.
     */
    private Result allocateInNetwork(ClientContext4 ctx) {
        ClientContext4 owner = null;
        Lease4 existing = null;
        for (Subnet4Config s : ctx.candidates()) {
            ClientContext4 c = ctx.in(s);
            existing = clientLease(c);
            if (existing != null) {
                owner = c;
                break;
            }
        }
        Inet4Address hint = ctx.requestedAddress();
        Subnet4Config hinted = hint == null ? null : ctx.candidateFor(hint);
        ClientContext4 reserved = null;
        for (Subnet4Config s : ctx.candidates()) {
            ClientContext4 c = ctx.in(s);
            if (reservedAddress(c) != null) {
                reserved = c;
                break;
            }
        }
        if (!ctx.fakeAllocation()) {
            if (hint != null) {
                // an address outside the network is refused as in one subnet: a NAK
                return request(hinted == null ? ctx : ctx.in(hinted), existing);
            }
            ClientContext4 decided = owner != null ? owner : reserved;
            if (decided != null) {
                return request(decided, existing);
            }
            for (Subnet4Config s : ctx.candidates()) {
                Result r = request(ctx.in(s), null);
                if (r.lease() != null) {
                    return r;
                }
            }
            return Result.NONE;
        }
        for (ClientContext4 first : java.util.Arrays.asList(owner, reserved, hinted == null ? null : ctx.in(hinted))) {
            if (first != null) {
                Result r = offer(first, owner == first ? existing : null);
                if (r.lease() != null) {
                    return r;
                }
            }
        }
        for (Subnet4Config s : ctx.candidates()) {
            Result r = offer(ctx.in(s), null);
            if (r.lease() != null) {
                return r;
            }
        }
        return new Result(null, existing);
    }

    private Inet4Address reservedAddress(ClientContext4 ctx) {
        Reservation4Config r = ctx.reservation();
        if (r == null || r.address() == null || !ctx.subnet().prefix().contains(r.address())) {
            return null;
        }
        return r.address();
    }

    private static boolean reservedForOther(ClientContext4 ctx, Inet4Address address) {
        if (ctx.hosts() == null || ctx.hosts().isEmpty() || !ctx.subnet().reservationFlags().inSubnet()) {
            return false;
        }
        Reservation4Config r = ctx.hosts().byAddress(ctx.subnet().id(), address);
        // by identifier, not identity: a hosts database reads a new copy of a reservation at each look-up
        return r != null && (ctx.reservation() == null || !r.identifier().equals(ctx.reservation().identifier()));
    }

    private static boolean free(Lease4 lease, long now) {
        return lease.state() == Lease4.STATE_EXPIRED_RECLAIMED || lease.expired(now);
    }

    private Result offer(ClientContext4 ctx, Lease4 existing) {
        LeaseMgr lm = ctx.leaseMgr();
        Inet4Address reserved = reservedAddress(ctx);
        if (reserved != null) {
            if (existing != null && existing.address().equals(reserved)) {
                return renew(ctx, existing);
            }
            Lease4 holder = lm.getLease4(reserved).orElse(null);
            if (holder == null) {
                return result(create(ctx, reserved), existing);
            }
            if (ctx.owns(holder)) {
                return renew(ctx, holder);
            }
            if (free(holder, ctx.now())) {
                return result(reuse(ctx, holder), existing);
            }
            log.log(DHCPSRV_DISCOVER_ADDRESS_CONFLICT, reserved.getHostAddress(), holder);
        }
        if (existing != null && ctx.inAllowedPool(existing.address()) && !reservedForOther(ctx, existing.address())) {
            return renew(ctx, existing);
        }
        Inet4Address hint = ctx.requestedAddress();
        if (hint != null && ctx.inAllowedPool(hint) && !reservedForOther(ctx, hint)) {
            Lease4 holder = lm.getLease4(hint).orElse(null);
            if (holder == null) {
                Outcome o = new Outcome();
                Lease4 lease = create(ctx, hint, o);
                if (lease != null || o.skipped) {
                    return result(lease, existing);
                }
            } else if (ctx.owns(holder)) {
                return renew(ctx, holder);
            } else if (free(holder, ctx.now())) {
                Outcome o = new Outcome();
                Lease4 lease = reuse(ctx, holder, o);
                if (lease != null || o.skipped) {
                    return result(lease, existing);
                }
            }
        }
        return result(allocateFromPools(ctx), existing);
    }

    private Result request(ClientContext4 ctx, Lease4 existing) {
        LeaseMgr lm = ctx.leaseMgr();
        Inet4Address reserved = reservedAddress(ctx);
        Inet4Address hint = ctx.requestedAddress();
        if (hint != null && reservedForOther(ctx, hint)) {
            return Result.NONE;
        }
        if (hint == null && reserved != null) {
            hint = reserved;
        }
        if (hint == null) {
            if (existing != null && (ctx.inAllowedPool(existing.address()) || existing.address().equals(reserved))) {
                return renew(ctx, existing);
            }
            return replace(ctx, allocateFromPools(ctx), existing);
        }
        Lease4 holder = lm.getLease4(hint).orElse(null);
        if (holder != null && !free(holder, ctx.now()) && !ctx.owns(holder)) {
            return Result.NONE;
        }
        if (reserved != null && !hint.equals(reserved)) {
            Lease4 reservedHolder = lm.getLease4(reserved).orElse(null);
            if (reservedHolder == null || free(reservedHolder, ctx.now()) || ctx.owns(reservedHolder)) {
                return Result.NONE;
            }
        }
        if (!ctx.inAllowedPool(hint) && !hint.equals(reserved)) {
            return Result.NONE;
        }
        if (existing != null && existing.address().equals(hint)) {
            return renew(ctx, existing);
        }
        if (holder != null && ctx.owns(holder)) {
            return renew(ctx, holder);
        }
        Lease4 lease = holder == null ? create(ctx, hint) : reuse(ctx, holder);
        return replace(ctx, lease, existing);
    }

    /** A new lease replaces the client's previous one in the subnet, which is deleted. */
    private Result replace(ClientContext4 ctx, Lease4 lease, Lease4 existing) {
        if (lease != null && existing != null && !existing.address().equals(lease.address())) {
            ctx.leaseMgr().deleteLease4(existing.address());
        }
        return result(lease, existing);
    }

    private static Result result(Lease4 lease, Lease4 previous) {
        return lease == null ? new Result(null, previous) : new Result(lease, previous);
    }

    // ------------------------------------------------------------------ iterative allocator

    private Lease4 allocateFromPools(ClientContext4 ctx) {
        Subnet4Config subnet = ctx.subnet();
        if (subnet.pools().isEmpty()) {
            log.log(DHCPSRV_ADDRESS4_ALLOC_FAIL, 0);
            return null;
        }
        IterativeCursor cursor = cursors.compute(subnet.id(), (id, c) -> c == null || !c.servesPools(subnet.pools())
                ? new IterativeCursor(subnet.pools(), c) : c);
        long attempts = cursor.capacity();
        LeaseMgr lm = ctx.leaseMgr();
        for (long i = 0; i < attempts; i++) {
            Inet4Address candidate = Addresses.fromLong(cursor.next());
            if (reservedForOther(ctx, candidate) || !ctx.inAllowedPool(candidate)) {
                continue;
            }
            Lease4 holder = lm.getLease4(candidate).orElse(null);
            Outcome o = new Outcome();
            Lease4 lease = null;
            if (holder == null) {
                lease = create(ctx, candidate, o);
            } else if (free(holder, ctx.now())) {
                lease = reuse(ctx, holder, o);
            }
            if (lease != null || o.skipped) {
                return lease;
            }
        }
        log.log(DHCPSRV_ADDRESS4_ALLOC_FAIL, attempts);
        return null;
    }

    /** Whether a lease4_select callout skipped the candidate. */
    private static final class Outcome {
        boolean skipped;
    }

    // ------------------------------------------------------------------ lease changes

    private Lease4 create(ClientContext4 ctx, Inet4Address address) {
        return create(ctx, address, new Outcome());
    }

    private Lease4 newLease(ClientContext4 ctx, Inet4Address address) {
        Lease4.Builder b = Lease4.builder(address).hwaddr(ctx.hwaddr()).clientId(ctx.clientId())
                .validLifetime(ctx.subnet().validLifetime()).cltt(ctx.now()).subnetId(ctx.subnet().id());
        if (ctx.hostname() != null) {
            b.hostname(ctx.hostname());
        }
        return b.build();
    }

    private Lease4 create(ClientContext4 ctx, Inet4Address address, Outcome outcome) {
        Lease4 lease = selectHook(ctx, newLease(ctx, address), outcome);
        if (lease == null || ctx.fakeAllocation()) {
            return lease;
        }
        return ctx.leaseMgr().addLease(lease) ? lease : null;
    }

    private Lease4 reuse(ClientContext4 ctx, Lease4 expired) {
        return reuse(ctx, expired, new Outcome());
    }

    private Lease4 reuse(ClientContext4 ctx, Lease4 expired, Outcome outcome) {
        Lease4 lease = selectHook(ctx, newLease(ctx, expired.address()), outcome);
        if (lease == null || ctx.fakeAllocation()) {
            return lease;
        }
        ReentrantLock lock = stripe(expired.addressValue());
        lock.lock();
        try {
            Lease4 current = ctx.leaseMgr().getLease4(expired.address()).orElse(null);
            if (current == null) {
                return ctx.leaseMgr().addLease(lease) ? lease : null;
            }
            if (!free(current, ctx.now())) {
                return null;
            }
            // another server on the same database may reuse it at the same moment: one update wins
            return ctx.leaseMgr().updateLease4(current, lease) ? lease : null;
        } finally {
            lock.unlock();
        }
    }

    private Lease4 selectHook(ClientContext4 ctx, Lease4 candidate, Outcome outcome) {
        CalloutSession session = ctx.session();
        if (session == null || !session.hasCallouts(leaseSelect)) {
            return candidate;
        }
        NextStep next = session.begin(leaseSelect).with(Dhcp4Hooks.QUERY4, ctx.query())
                .with(Dhcp4Hooks.SUBNET4, ctx.subnet()).with(Dhcp4Hooks.FAKE_ALLOCATION, ctx.fakeAllocation())
                .with(Dhcp4Hooks.HOST4, ctx.reservation()).with(Dhcp4Hooks.LEASE4, candidate).call();
        if (next != NextStep.CONTINUE) {
            log.log(DHCPSRV_HOOK_LEASE4_SELECT_SKIP);
            outcome.skipped = true;
            return null;
        }
        Lease4 changed = session.get(Dhcp4Hooks.LEASE4);
        return changed != null ? changed : candidate;
    }

    private Result renew(ClientContext4 ctx, Lease4 existing) {
        Lease4.Builder b = existing.toBuilder().cltt(ctx.now()).validLifetime(ctx.subnet().validLifetime())
                .subnetId(ctx.subnet().id()).state(Lease4.STATE_DEFAULT);
        if (ctx.hwaddr() != null) {
            b.hwaddr(ctx.hwaddr());
        }
        if (ctx.clientId() != null) {
            b.clientId(ctx.clientId());
        }
        if (ctx.hostname() != null) {
            b.hostname(ctx.hostname());
        }
        Lease4 renewed = b.build();
        CalloutSession session = ctx.session();
        if (session != null && session.hasCallouts(leaseRenew)) {
            NextStep next = session.begin(leaseRenew).with(Dhcp4Hooks.QUERY4, ctx.query())
                    .with(Dhcp4Hooks.SUBNET4, ctx.subnet()).with(Dhcp4Hooks.CLIENTID, ctx.clientId())
                    .with(Dhcp4Hooks.HWADDR, ctx.hwaddr()).with(Dhcp4Hooks.HOST4, ctx.reservation())
                    .with(Dhcp4Hooks.LEASE4, renewed).call();
            if (next != NextStep.CONTINUE) {
                log.log(DHCPSRV_HOOK_LEASE4_RENEW_SKIP);
                return new Result(existing, existing);
            }
            Lease4 changed = session.get(Dhcp4Hooks.LEASE4);
            if (changed != null) {
                renewed = changed;
            }
        }
        if (!ctx.fakeAllocation()) {
            ReentrantLock lock = stripe(existing.addressValue());
            lock.lock();
            try {
                Lease4 current = ctx.leaseMgr().getLease4(existing.address()).orElse(null);
                if (current == null) {
                    if (!ctx.leaseMgr().addLease(renewed)) {
                        return Result.NONE;
                    }
                } else if (!ctx.owns(current) && !free(current, ctx.now())) {
                    return Result.NONE;
                } else {
                    ctx.leaseMgr().updateLease4(renewed);
                }
            } finally {
                lock.unlock();
            }
        }
        return new Result(renewed, existing);
    }

    private ReentrantLock stripe(long address) {
        long h = address * 0x9E3779B97F4A7C15L;
        return stripes[(int) (h >>> 55) & (stripes.length - 1)];
    }
}
