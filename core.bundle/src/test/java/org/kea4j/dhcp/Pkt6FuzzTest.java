package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** 100,000 random and mutated DHCPv6 messages through the parser: only {@link PacketParseException} comes out. */
class Pkt6FuzzTest {

    private static final List<String> SEEDS = List.of("dhclient6-solicit-na", "dhclient6-request-pd",
            "perfdhcp6-solicit-pd", "perfdhcp6-relayed-solicit-na", "perfdhcp6-relayed-solicit-na-pd",
            "kea6-relay-reply-na-pd", "kea6-reply-na");

    @Test
    void noExceptionEscapesTheParser() {
        long seed = Long.getLong("fuzz.seed", 20261126L);
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> seeds = SEEDS.stream().map(Vectors::load).toList();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] m;
            if (i % 10 == 0) {
                m = new byte[r.nextInt(0, 400)];
                r.nextBytes(m);
            } else {
                m = seeds.get(r.nextInt(seeds.size())).clone();
                switch (r.nextInt(4)) {
                    case 0 -> {
                        for (int n = r.nextInt(1, 4); n > 0; n--) {
                            m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                        }
                    }
                    case 1 -> m = Arrays.copyOf(m, r.nextInt(0, m.length + 1));
                    case 2 -> m[r.nextInt(4, m.length)] = (byte) r.nextInt(256);
                    default -> {
                        byte[] grown = Arrays.copyOf(m, m.length + r.nextInt(1, 50));
                        for (int k = m.length; k < grown.length; k++) {
                            grown[k] = (byte) r.nextInt(256);
                        }
                        m = grown;
                    }
                }
            }
            try {
                Pkt6 p = Pkt6.parse(m, m.length);
                parsed++;
                p.toString();
                for (Option o : p.options()) {
                    if (o.code() == Options6.IA_NA || o.code() == Options6.IA_PD) {
                        Options6.Ia.of(o);
                    }
                }
                byte[] again = p.pack();
                assertEquals(p.options(), Pkt6.parse(again, again.length).options(), "seed " + seed + ", message " + i);
            } catch (PacketParseException e) {
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", message " + i + ": " + Arrays.toString(m), e);
            }
        }
        assertEquals(100_000, parsed + rejected);
        assertTrue(parsed > 10_000 && rejected > 10_000, parsed + " parsed, " + rejected + " rejected");
    }
}
