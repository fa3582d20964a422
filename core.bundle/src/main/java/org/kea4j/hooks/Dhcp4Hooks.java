package org.kea4j.hooks;

import java.util.List;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Reservation4;
import org.kea4j.dhcpsrv.Subnet4;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The DHCPv4 server's hook points and their arguments, in the order a packet meets them. Lease objects are
 * immutable: a callout changes an in/out lease by setting a new one ({@code lease.toBuilder()...build()}).
 */
@ProviderType
public final class Dhcp4Hooks {

    private Dhcp4Hooks() {
    }

    /** {@code query4}: the client's message. */
    public static final Argument<Pkt4> QUERY4 = Argument.of("query4", Pkt4.class, "the client's message");
    /** {@code response4}: the server's reply. */
    public static final Argument<Pkt4> RESPONSE4 = Argument.of("response4", Pkt4.class, "the server's reply");
    /** {@code subnet4}: the subnet selected for the client (null when none). */
    public static final Argument<Subnet4> SUBNET4 = Argument.of("subnet4", Subnet4.class,
            "the client's subnet (null when none)");
    /** {@code subnet4collection}: every configured subnet, in id order. */
    public static final Argument<List<Subnet4>> SUBNET4COLLECTION = Argument.listOf("subnet4collection", Subnet4.class,
            "every configured subnet, in id order (read-only)");
    /** {@code fake_allocation}: true while answering a DISCOVER (nothing is stored). */
    public static final Argument<Boolean> FAKE_ALLOCATION = Argument.of("fake_allocation", Boolean.class,
            "true for a DISCOVER: the lease is offered, not stored");
    /** {@code lease4}: the lease concerned. */
    public static final Argument<Lease4> LEASE4 = Argument.of("lease4", Lease4.class, "the lease concerned");
    /** {@code clientid}: the client identifier (null when the client sent none). */
    public static final Argument<ClientId> CLIENTID = Argument.of("clientid", ClientId.class,
            "the client identifier (null when the client sent none)");
    /** {@code hwaddr}: the client's hardware address. */
    public static final Argument<HWAddr> HWADDR = Argument.of("hwaddr", HWAddr.class, "the client's hardware address");
    /**
     * {@code host4}: the client's host reservation in the subnet, or null (kea4j's; Kea does not pass it).
     *
     * @since 1.2
     */
    public static final Argument<Reservation4> HOST4 = Argument.of("host4", Reservation4.class,
            "the client's host reservation in the subnet, or null (kea4j's, since 1.2)");
    /** {@code remove_lease}: whether the reclaimed lease is deleted (or kept as expired-reclaimed). */
    public static final Argument<Boolean> REMOVE_LEASE = Argument.of("remove_lease", Boolean.class,
            "true: the reclaimed lease is deleted; false: it is kept as expired-reclaimed");

    /** {@code buffer4_receive}: a datagram arrived, not parsed yet. */
    public static final HookPoint BUFFER4_RECEIVE = HookPoint.builder(HookNames.BUFFER4_RECEIVE)
            .description("A datagram arrived and is not parsed yet: only its bytes, addresses and interface are set."
                    + " A callout may change the bytes.")
            .inOut(QUERY4)
            .onSkip("The server does not parse the datagram: the callouts must have filled in the packet"
                    + " (a packet without a message type is then dropped).")
            .onDrop("The packet is dropped.")
            .build();

    /** {@code pkt4_receive}: a packet was parsed, classified and accepted. */
    public static final HookPoint PKT4_RECEIVE = HookPoint.builder(HookNames.PKT4_RECEIVE)
            .description("The packet was parsed, classified and accepted (message type, server identifier). Any"
                    + " field may be changed; the raw bytes are no longer used.")
            .inOut(QUERY4)
            .onSkip("The packet is dropped.")
            .onDrop("The packet is dropped.")
            .build();

    /** {@code subnet4_select}: the server selected the client's subnet. */
    public static final HookPoint SUBNET4_SELECT = HookPoint.builder(HookNames.SUBNET4_SELECT)
            .description("The server selected the client's subnet (or none). A callout may set another subnet, one"
                    + " of subnet4collection.")
            .inOut(QUERY4)
            .inOut(SUBNET4)
            .in(SUBNET4COLLECTION)
            .onSkip("No subnet is selected: the client gets no address (a NAK where the server is authoritative).")
            .onDrop("No subnet is selected, as with SKIP.")
            .build();

    /** {@code lease4_select}: the allocation engine picked a new lease, before it is stored. */
    public static final HookPoint LEASE4_SELECT = HookPoint.builder(HookNames.LEASE4_SELECT)
            .description("The allocation engine picked an address for a client without a lease (a free address or an"
                    + " expired lease), before the lease is stored. A changed lease is stored as it is.")
            .in(QUERY4)
            .in(SUBNET4)
            .in(FAKE_ALLOCATION)
            .in(HOST4)
            .inOut(LEASE4)
            .onSkip("The lease is not assigned: the client gets no address from this attempt.")
            .onDrop("The lease is not assigned, as with SKIP.")
            .build();

    /** {@code lease4_renew}: a client's existing lease is extended. */
    public static final HookPoint LEASE4_RENEW = HookPoint.builder(HookNames.LEASE4_RENEW)
            .description("A client that holds a lease is given it again (REQUEST renewing, rebinding or selecting, or a"
                    + " DISCOVER); lease4 already carries the new times.")
            .in(QUERY4)
            .in(SUBNET4)
            .in(CLIENTID)
            .in(HWADDR)
            .in(HOST4)
            .inOut(LEASE4)
            .onSkip("The lease is not updated in the lease database: the client gets its lease as it was.")
            .onDrop("The lease is not updated, as with SKIP.")
            .build();

    /** {@code lease4_release}: a RELEASE passed the ownership checks. */
    public static final HookPoint LEASE4_RELEASE = HookPoint.builder(HookNames.LEASE4_RELEASE)
            .description("A DHCPRELEASE passed the ownership checks, before the lease is removed.")
            .in(QUERY4)
            .in(LEASE4)
            .onSkip("The lease is not removed; it expires in its time.")
            .onDrop("The lease is not removed, as with SKIP.")
            .build();

    /** {@code lease4_decline}: a DECLINE passed the ownership checks. */
    public static final HookPoint LEASE4_DECLINE = HookPoint.builder(HookNames.LEASE4_DECLINE)
            .description("A DHCPDECLINE passed the ownership checks, before the address is put out of use for the"
                    + " decline-probation-period.")
            .in(QUERY4)
            .in(LEASE4)
            .onSkip("The lease is not declined: it stays as it was.")
            .onDrop("The lease is not declined, as with SKIP.")
            .build();

    /** {@code lease4_expire}: an expired lease is being reclaimed. */
    public static final HookPoint LEASE4_EXPIRE = HookPoint.builder(HookNames.LEASE4_EXPIRE)
            .description("An expired lease is being reclaimed in the background. kea4j reads remove_lease back, so a"
                    + " callout may decide whether the lease is deleted or kept as expired-reclaimed.")
            .inOut(LEASE4)
            .inOut(REMOVE_LEASE)
            .onSkip("The server does nothing more with the lease: the callouts reclaimed it themselves.")
            .build();

    /** {@code lease4_recover}: a declined lease's probation ended. */
    public static final HookPoint LEASE4_RECOVER = HookPoint.builder(HookNames.LEASE4_RECOVER)
            .description("A declined lease's probation period ended; the address is about to become free again.")
            .in(LEASE4)
            .onSkip("The lease is left declined.")
            .build();

    /** {@code pkt4_send}: the reply is built, before it is packed. */
    public static final HookPoint PKT4_SEND = HookPoint.builder(HookNames.PKT4_SEND)
            .description("The reply is built and addressed, before it is packed. Any field or option may be changed.")
            .inOut(RESPONSE4)
            .in(QUERY4)
            .onSkip("The server does not pack the reply: the callouts must have set its bytes (otherwise an empty"
                    + " datagram is sent).")
            .onDrop("The reply is not sent.")
            .build();

    /** {@code buffer4_send}: the reply is packed, about to be sent. */
    public static final HookPoint BUFFER4_SEND = HookPoint.builder(HookNames.BUFFER4_SEND)
            .description("The reply is packed and about to be sent: only changes to its bytes matter now.")
            .inOut(RESPONSE4)
            .onSkip("The reply is not sent (what the exchange changed, such as a lease, stays).")
            .onDrop("The reply is not sent, as with SKIP.")
            .build();

    /** Every DHCPv4 hook point, in the order a packet meets them (then the background ones). */
    public static final List<HookPoint> ALL = List.of(BUFFER4_RECEIVE, PKT4_RECEIVE, SUBNET4_SELECT, LEASE4_SELECT,
            LEASE4_RENEW, LEASE4_RELEASE, LEASE4_DECLINE, PKT4_SEND, BUFFER4_SEND, LEASE4_EXPIRE, LEASE4_RECOVER);
}
