package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Throws 100,000 random and mutated packets at the parser: only {@link PacketParseException} may come out,
 * and whatever parses also packs and parses again.
 */
class Pkt4FuzzTest {

    private static final List<String> SEEDS = List.of("dhclient-discover", "dhclient-request", "dhclient-release",
            "perfdhcp-discover", "perfdhcp-request", "kea-offer", "kea-ack-relayed");

    @Test
    void noExceptionEscapesTheParser() {
        long seed = Long.getLong("fuzz.seed", 20261126L);
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> seeds = SEEDS.stream().map(Vectors::load).toList();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] packet = i % 10 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                Pkt4 p = Pkt4.parse(packet, packet.length);
                parsed++;
                p.toString();
                p.getClientId();
                p.getHWAddr();
                byte[] again = p.pack();
                assertEquals(p.options(), Pkt4.parse(again, again.length).options(), "seed " + seed + ", packet " + i);
            } catch (PacketParseException e) {
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", packet " + i + ": " + Arrays.toString(packet), e);
            }
        }
        assertEquals(100_000, parsed + rejected);
        assertTrue(parsed > 10_000 && rejected > 10_000, "both paths exercised: " + parsed + " parsed, " + rejected
                + " rejected");
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(0, 600)];
        r.nextBytes(b);
        if (b.length > 240 && r.nextBoolean()) {
            b[236] = 0x63;
            b[237] = (byte) 0x82;
            b[238] = 0x53;
            b[239] = 0x63;
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip bits in the options
                for (int n = r.nextInt(1, 4); n > 0; n--) {
                    int at = r.nextInt(236, b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(200, b.length + 1)); // truncate
            case 2 -> { // random option length byte
                b[r.nextInt(241, Math.min(b.length, 260))] = (byte) r.nextInt(256);
            }
            case 3 -> { // overload with random file/sname contents
                byte[] grown = Arrays.copyOf(b, b.length + 3);
                System.arraycopy(grown, 240, grown, 243, b.length - 240);
                grown[240] = 52;
                grown[241] = 1;
                grown[242] = (byte) r.nextInt(0, 5);
                for (int i = 44; i < 236; i++) {
                    grown[i] = (byte) r.nextInt(256);
                }
                b = grown;
            }
            default -> { // random garbage appended after the end option
                byte[] grown = Arrays.copyOf(b, b.length + r.nextInt(1, 100));
                for (int i = b.length; i < grown.length; i++) {
                    grown[i] = (byte) r.nextInt(256);
                }
                b = grown;
            }
        }
        return b;
    }
}
