package org.kea4j.dhcp.transport;

import io.netty.channel.epoll.Epoll;

/**
 * Which Netty transport kea4j's sockets use: the native epoll transport where it is available, unless the
 * system property {@value #PROPERTY} is {@code nio}; Java's NIO otherwise.
 */
public final class Transports {

    /** System property: {@code nio} forces the NIO transport (tests use it to exercise the fallback). */
    public static final String PROPERTY = "kea4j.transport";

    private Transports() {
    }

    /** Whether sockets use epoll. */
    public static boolean epoll() {
        return !"nio".equalsIgnoreCase(System.getProperty(PROPERTY, "")) && Epoll.isAvailable();
    }

    /** Why sockets use NIO, for the log: the property, or the reason epoll is unavailable; null with epoll. */
    public static String whyNio() {
        if ("nio".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return PROPERTY + "=nio";
        }
        return Epoll.isAvailable() ? null : String.valueOf(Epoll.unavailabilityCause());
    }
}
