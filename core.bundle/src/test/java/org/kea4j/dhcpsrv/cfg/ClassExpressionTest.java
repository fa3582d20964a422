package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassExpressionTest {

    /** A packet with option 60 "Aastra6731i", option 93 = 0x0007, relay circuit-id "eth0" and one class. */
    private static final ClassExpression.Packet PACKET = new ClassExpression.Packet() {
        private final Map<Integer, byte[]> options = Map.of(60, "Aastra6731i".getBytes(StandardCharsets.US_ASCII),
                93, new byte[] {0, 7});

        @Override
        public byte[] option(int code) {
            return options.get(code);
        }

        @Override
        public byte[] relay4(int code) {
            return code == 1 ? "eth0".getBytes(StandardCharsets.US_ASCII) : null;
        }

        @Override
        public byte[] field(String name) {
            return name.equals("mac") ? new byte[] {0x0a, 0x0b, 0x0c, 1, 2, 3} : null;
        }

        @Override
        public boolean member(String className) {
            return Set.of("KNOWN").contains(className);
        }
    };

    private static boolean eval(String text) {
        return ClassExpression.parse(text).matches(PACKET);
    }

    @Test
    void debiansExampleMatches() {
        assertTrue(eval("substring(option[60].hex,0,6) == 'Aastra'"));
        assertFalse(eval("substring(option[60].hex,0,6) == 'Cisco '"));
    }

    @Test
    void theSupportedOperators() {
        assertTrue(eval("option[93].hex == 0x0007"));
        assertTrue(eval("option[93].exists and not option[61].exists"));
        assertTrue(eval("option[61].exists or relay4[1].hex == 'eth0'"));
        assertTrue(eval("substring(pkt4.mac, 0, 3) == 0x0a0b0c"));
        assertTrue(eval("member('KNOWN') and not member('OTHER')"));
        assertTrue(eval("concat(substring(option[60].text, 0, 2), 'x') == 'Aax'"));
        assertTrue(eval("lcase(substring(option[60].hex, 0, 6)) == 'aastra'"));
        assertTrue(eval("hexstring(option[93].hex, ':') == '00:07'"));
        assertTrue(eval("substring(option[60].hex, -5, 'all') == '6731i'"));
        assertTrue(eval("(option[93].exists)"));
        assertFalse(eval("option[60].hex == 'Aastra'"));
    }

    @Test
    void whatIsNotSupportedIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassExpression.parse("vendor[4491].exists"));
        assertTrue(e.getMessage().contains("'vendor'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("pkt4.len == 300"));
        assertTrue(e.getMessage().contains("pkt4.len"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[60].hex == 'unterminated"));
        assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[60].hex == 'a' junk"));
    }
}
