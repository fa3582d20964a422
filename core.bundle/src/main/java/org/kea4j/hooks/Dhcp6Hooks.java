package org.kea4j.hooks;

import java.util.List;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.Reservation6;
import org.kea4j.dhcpsrv.Subnet6;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The DHCPv6 server's hook points and their arguments, in the order a packet meets them. Lease objects are
 * immutable: a callout changes an in/out lease by setting a new one ({@code lease.toBuilder()...build()}).
 */
@ProviderType
public final class Dhcp6Hooks {

    private Dhcp6Hooks() {
    }

    /** {@code query6}: the client's message (relay layers included). */
    public static final Argument<Pkt6> QUERY6 = Argument.of("query6", Pkt6.class,
            "the client's message, with its relay layers");
    /** {@code response6}: the server's reply. */
    public static final Argument<Pkt6> RESPONSE6 = Argument.of("response6", Pkt6.class, "the server's reply");
    /** {@code subnet6}: the subnet selected for the client (null when none). */
    public static final Argument<Subnet6> SUBNET6 = Argument.of("subnet6", Subnet6.class,
            "the client's subnet (null when none)");
    /** {@code subnet6collection}: every configured subnet, in id order. */
    public static final Argument<List<Subnet6>> SUBNET6COLLECTION = Argument.listOf("subnet6collection", Subnet6.class,
            "every configured subnet, in id order (read-only)");
    /** {@code fake_allocation}: true while answering a SOLICIT without rapid commit (nothing is stored). */
    public static final Argument<Boolean> FAKE_ALLOCATION = Argument.of("fake_allocation", Boolean.class,
            "true for a SOLICIT: the lease is advertised, not stored");
    /** {@code lease6}: the lease concerned (an address or a delegated prefix). */
    public static final Argument<Lease6> LEASE6 = Argument.of("lease6", Lease6.class,
            "the lease concerned (an address or a delegated prefix)");
    /** {@code ia_na}: the IA_NA option that goes to the client. */
    public static final Argument<Option> IA_NA = Argument.of("ia_na", Option.class,
            "the IA_NA option of the reply for this lease");
    /** {@code ia_pd}: the IA_PD option that goes to the client. */
    public static final Argument<Option> IA_PD = Argument.of("ia_pd", Option.class,
            "the IA_PD option of the reply for this lease");
    /**
     * {@code host6}: the client's host reservation in the subnet, or null (kea4j's; Kea does not pass it).
     *
     * @since 1.2
     */
    public static final Argument<Reservation6> HOST6 = Argument.of("host6", Reservation6.class,
            "the client's host reservation in the subnet, or null (kea4j's, since 1.2)");
    /** {@code remove_lease}: whether the reclaimed lease is deleted (or kept as expired-reclaimed). */
    public static final Argument<Boolean> REMOVE_LEASE = Argument.of("remove_lease", Boolean.class,
            "true: the reclaimed lease is deleted; false: it is kept as expired-reclaimed");

    /** {@code buffer6_receive}: a datagram arrived, not parsed yet. */
    public static final HookPoint BUFFER6_RECEIVE = HookPoint.builder(HookNames.BUFFER6_RECEIVE)
            .description("A datagram arrived and is not parsed yet: only its bytes, addresses and interface are set."
                    + " A callout may change the bytes.")
            .inOut(QUERY6)
            .onSkip("The server does not parse the datagram: the callouts must have filled in the packet.")
            .onDrop("The packet is dropped.")
            .build();

    /** {@code pkt6_receive}: a packet was parsed and accepted. */
    public static final HookPoint PKT6_RECEIVE = HookPoint.builder(HookNames.PKT6_RECEIVE)
            .description("The packet was parsed, classified and accepted (server identifier, unicast rules, required"
                    + " options). Any field may be changed.")
            .inOut(QUERY6)
            .onSkip("The packet is dropped.")
            .onDrop("The packet is dropped.")
            .build();

    /** {@code subnet6_select}: the server selected the client's subnet. */
    public static final HookPoint SUBNET6_SELECT = HookPoint.builder(HookNames.SUBNET6_SELECT)
            .description("The server selected the client's subnet (or none). A callout may set another subnet, one"
                    + " of subnet6collection.")
            .inOut(QUERY6)
            .inOut(SUBNET6)
            .in(SUBNET6COLLECTION)
            .onSkip("No subnet is selected: the client's IAs get NoAddrsAvail / NoPrefixAvail.")
            .onDrop("No subnet is selected, as with SKIP.")
            .build();

    /** {@code lease6_select}: the allocation engine picked a new lease, before it is stored. */
    public static final HookPoint LEASE6_SELECT = HookPoint.builder(HookNames.LEASE6_SELECT)
            .description("The allocation engine picked an address or prefix for an IA without a lease, before the"
                    + " lease is stored. A changed lease is stored as it is.")
            .in(QUERY6)
            .in(SUBNET6)
            .in(FAKE_ALLOCATION)
            .in(HOST6)
            .inOut(LEASE6)
            .onSkip("This lease is not assigned; the client's other IAs are still served.")
            .onDrop("This lease is not assigned, as with SKIP.")
            .build();

    /** {@code lease6_renew}: a RENEW extends an existing lease. */
    public static final HookPoint LEASE6_RENEW = extension(HookNames.LEASE6_RENEW, "A RENEW");

    /** {@code lease6_rebind}: a REBIND extends an existing lease. */
    public static final HookPoint LEASE6_REBIND = extension(HookNames.LEASE6_REBIND, "A REBIND");

    /** The two hook points that extend a lease: same arguments, same meaning of SKIP and DROP. */
    private static HookPoint extension(String name, String message) {
        return HookPoint.builder(name)
                .description(message + " extends a lease the client holds; lease6 already carries the new lifetimes."
                        + " Called once per lease. The address must not be changed. kea4j also passes subnet6, the"
                        + " lease's subnet, and host6 (Kea passes neither), so that a callout knows its settings"
                        + " (since 1.2).")
                .in(QUERY6)
                .in(SUBNET6)
                .in(HOST6)
                .inOut(LEASE6)
                .sometimes(IA_NA, HookPoint.Direction.IN_OUT, "for an address lease")
                .sometimes(IA_PD, HookPoint.Direction.IN_OUT, "for a delegated prefix")
                .onSkip("The lease is not extended in the lease database; the callouts should fix the IA option.")
                .onDrop("The lease is not extended, as with SKIP.")
                .build();
    }

    /** {@code lease6_release}: a RELEASE passed the DUID and IAID checks. */
    public static final HookPoint LEASE6_RELEASE = HookPoint.builder(HookNames.LEASE6_RELEASE)
            .description("A RELEASE passed the DUID and IAID checks, before the lease is removed.")
            .in(QUERY6)
            .in(LEASE6)
            .onSkip("The lease is not removed; the IA gets status UnspecFail.")
            .onDrop("The lease is not removed, as with SKIP.")
            .build();

    /** {@code lease6_decline}: a DECLINE passed the DUID and IAID checks. */
    public static final HookPoint LEASE6_DECLINE = HookPoint.builder(HookNames.LEASE6_DECLINE)
            .description("A DECLINE passed the DUID and IAID checks, before the address is put out of use for the"
                    + " decline-probation-period.")
            .in(QUERY6)
            .in(LEASE6)
            .onSkip("The client is answered as if declined, but the lease database is not touched.")
            .onDrop("The packet is dropped: no decline, no reply.")
            .build();

    /** {@code lease6_expire}: an expired lease is being reclaimed. */
    public static final HookPoint LEASE6_EXPIRE = HookPoint.builder(HookNames.LEASE6_EXPIRE)
            .description("An expired lease is being reclaimed in the background. kea4j reads remove_lease back, so a"
                    + " callout may decide whether the lease is deleted or kept as expired-reclaimed.")
            .inOut(LEASE6)
            .inOut(REMOVE_LEASE)
            .onSkip("The server does nothing more with the lease: the callouts reclaimed it themselves.")
            .build();

    /** {@code lease6_recover}: a declined lease's probation ended. */
    public static final HookPoint LEASE6_RECOVER = HookPoint.builder(HookNames.LEASE6_RECOVER)
            .description("A declined lease's probation period ended; the address is about to become free again.")
            .in(LEASE6)
            .onSkip("The lease is left declined.")
            .build();

    /** {@code pkt6_send}: the reply is built, before it is packed. */
    public static final HookPoint PKT6_SEND = HookPoint.builder(HookNames.PKT6_SEND)
            .description("The reply is built, before it is packed (and wrapped in RELAY-REPL layers for a relayed"
                    + " query). Any field or option may be changed.")
            .inOut(RESPONSE6)
            .in(QUERY6)
            .onSkip("The server does not pack the reply: the callouts must have set its bytes (otherwise an empty"
                    + " message is sent).")
            .onDrop("The reply is not sent.")
            .build();

    /** {@code buffer6_send}: the reply is packed, about to be sent. */
    public static final HookPoint BUFFER6_SEND = HookPoint.builder(HookNames.BUFFER6_SEND)
            .description("The reply is packed and about to be sent: only changes to its bytes matter now.")
            .inOut(RESPONSE6)
            .onSkip("The reply is not sent (what the exchange changed, such as a lease, stays).")
            .onDrop("The reply is not sent, as with SKIP.")
            .build();

    /** Every DHCPv6 hook point, in the order a packet meets them (then the background ones). */
    public static final List<HookPoint> ALL = List.of(BUFFER6_RECEIVE, PKT6_RECEIVE, SUBNET6_SELECT, LEASE6_SELECT,
            LEASE6_RENEW, LEASE6_REBIND, LEASE6_RELEASE, LEASE6_DECLINE, PKT6_SEND, BUFFER6_SEND, LEASE6_EXPIRE,
            LEASE6_RECOVER);
}
