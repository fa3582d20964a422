package org.kea4j.dhcp6.internal;

import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SERVERID_GENERATED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SERVERID_LOADED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SERVERID_WRITE_FAIL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcp.transport.Iface;

/**
 * The server's DUID (Kea's {@code server-id}): read from {@code kea-dhcp6-serverid} in the data directory
 * when it exists, otherwise generated (DUID-LLT from the first interface with a MAC address, DUID-EN of
 * ISC when there is none, or the type {@code server-id} asks for) and written there.
 */
final class ServerDuid {

    /** The file name, as Kea's. */
    static final String FILE_NAME = "kea-dhcp6-serverid";
    /** Seconds between 1970-01-01 and 2000-01-01, the DUID-LLT epoch. */
    static final long DUID_EPOCH = 946_684_800L;
    static final long ISC_ENTERPRISE = 2495;

    private ServerDuid() {
    }

    /** The server DUID: loaded, or generated and (when {@code persist}) stored. */
    static Duid obtain(Dhcp6Config.ServerIdConfig config, Path file, List<Iface> interfaces) {
        if (config.persist() && Files.isRegularFile(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("[\\s:]", "");
                if (!text.isEmpty()) {
                    Duid duid = new Duid(Hex.parse(text));
                    if (matches(config, duid)) {
                        Dhcp6Srv.LOG.log(DHCP6_SERVERID_LOADED, duid, file);
                        return duid;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // unreadable: generate a new one below
            }
        }
        Duid duid = generate(config, interfaces, System.currentTimeMillis() / 1000);
        if (config.persist()) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, duid + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Dhcp6Srv.LOG.log(DHCP6_SERVERID_GENERATED, duid, file);
            } catch (IOException e) {
                Dhcp6Srv.LOG.log(DHCP6_SERVERID_WRITE_FAIL, file);
            }
        }
        return duid;
    }

    /** Whether a stored DUID agrees with what the configuration fixes (its type, its identifier). */
    private static boolean matches(Dhcp6Config.ServerIdConfig config, Duid duid) {
        byte[] b = duid.rawBytes();
        if (b.length < 2 || config == Dhcp6Config.ServerIdConfig.DEFAULT) {
            return true;
        }
        int type = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int wanted = switch (config.type()) {
            case "EN" -> 2;
            case "LL" -> 3;
            default -> 1;
        };
        if (type != wanted) {
            return false;
        }
        if (config.identifier() == null) {
            return true;
        }
        int idOffset = switch (type) {
            case 1 -> 8;
            case 2 -> 6;
            default -> 4;
        };
        return b.length >= idOffset && java.util.Arrays.equals(java.util.Arrays.copyOfRange(b, idOffset, b.length),
                config.identifier());
    }

    static Duid generate(Dhcp6Config.ServerIdConfig config, List<Iface> interfaces, long nowSeconds) {
        byte[] mac = config.identifier();
        if (mac == null && !config.type().equals("EN")) {
            mac = firstMac(interfaces);
        }
        String type = config.type();
        if (mac == null && !type.equals("EN")) {
            type = "EN";
        }
        int htype = config.htype() >= 0 ? config.htype() : 1;
        return switch (type) {
            case "LLT" -> {
                long time = config.time() >= 0 ? config.time() : (nowSeconds - DUID_EPOCH) & 0xFFFF_FFFFL;
                byte[] d = new byte[8 + mac.length];
                d[1] = 1;
                d[2] = (byte) (htype >> 8);
                d[3] = (byte) htype;
                d[4] = (byte) (time >> 24);
                d[5] = (byte) (time >> 16);
                d[6] = (byte) (time >> 8);
                d[7] = (byte) time;
                System.arraycopy(mac, 0, d, 8, mac.length);
                yield new Duid(d);
            }
            case "LL" -> {
                byte[] d = new byte[4 + mac.length];
                d[1] = 3;
                d[2] = (byte) (htype >> 8);
                d[3] = (byte) htype;
                System.arraycopy(mac, 0, d, 4, mac.length);
                yield new Duid(d);
            }
            default -> {
                long enterprise = config.enterpriseId() >= 0 ? config.enterpriseId() : ISC_ENTERPRISE;
                byte[] id = config.identifier();
                if (id == null) {
                    id = new byte[6];
                    new SecureRandom().nextBytes(id);
                }
                byte[] d = new byte[6 + id.length];
                d[1] = 2;
                d[2] = (byte) (enterprise >> 24);
                d[3] = (byte) (enterprise >> 16);
                d[4] = (byte) (enterprise >> 8);
                d[5] = (byte) enterprise;
                System.arraycopy(id, 0, d, 6, id.length);
                yield new Duid(d);
            }
        };
    }

    /** The MAC address of the first interface that is up, not a loopback, with a non-zero MAC of 6+ bytes. */
    private static byte[] firstMac(List<Iface> interfaces) {
        for (Iface i : interfaces) {
            byte[] mac = i.mac();
            boolean nonZero = false;
            for (byte b : mac) {
                nonZero |= b != 0;
            }
            if (i.up() && !i.loopback() && mac.length >= 6 && nonZero) {
                return mac;
            }
        }
        return null;
    }
}
