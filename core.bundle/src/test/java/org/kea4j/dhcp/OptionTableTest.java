package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptionTableTest {

    private static List<Integer> codes(OptionTable table) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            out.add(table.at(i).code());
        }
        return out;
    }

    @Test
    void keepsOneOptionPerCodeInCodeOrder() {
        OptionTable table = new OptionTable();
        table.put(Option.uint8(53, 1));
        table.put(Option.text(12, "a"));
        table.put(Option.uint8(82, 0));
        Option replacement = Option.text(12, "b");
        table.put(replacement);
        assertEquals(List.of(12, 53, 82), codes(table));
        assertSame(replacement, table.get(12));
        assertNull(table.get(13));
        assertTrue(table.remove(53));
        assertFalse(table.remove(53));
        assertEquals(List.of(12, 82), codes(table));
        table.clear();
        assertEquals(0, table.size());
        assertNull(table.get(12));
    }

    @Test
    void growsAndAgreesWithASortedMap() {
        Random random = new Random(7);
        OptionTable table = new OptionTable();
        TreeMap<Integer, Option> expected = new TreeMap<>();
        for (int n = 0; n < 2000; n++) {
            int code = 1 + random.nextInt(254);
            if (random.nextInt(3) == 0) {
                assertEquals(expected.remove(code) != null, table.remove(code));
            } else {
                Option o = Option.uint8(code, n & 0xFF);
                expected.put(code, o);
                table.put(o);
            }
            assertEquals(new ArrayList<>(expected.keySet()), codes(table));
            assertSame(expected.get(code), table.get(code));
        }
    }
}
