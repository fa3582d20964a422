package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PktClassesTest {

    @Test
    void classesKeepTheOrderAssignedOnceEach() {
        Pkt6 p = new Pkt6(Pkt6.SOLICIT, 1);
        assertTrue(p.classes().isEmpty());
        assertFalse(p.inClass("ALL"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // past the first array's size
            p.addClass("c" + i);
            p.addClass("c" + i / 2); // already there
            expected.add("c" + i);
        }
        assertEquals(expected, new ArrayList<>(p.classes()));
        assertEquals(12, p.classes().size());
        assertTrue(p.inClass("c11") && p.classes().contains("c0"));
        assertFalse(p.inClass("c12") || p.classes().contains(12));
    }

    @Test
    void theViewIsLiveAndReadOnly() {
        Pkt4 p = new Pkt4(Pkt4.DHCPOFFER, 1);
        p.addClass("KNOWN");
        Set<String> view = p.classes();
        p.addClass("gold");
        assertEquals(Set.of("KNOWN", "gold"), view);
        assertThrows(UnsupportedOperationException.class, () -> view.add("x"));
        Iterator<String> it = view.iterator();
        assertThrows(UnsupportedOperationException.class, () -> {
            it.next();
            it.remove();
        });
        it.next();
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(NullPointerException.class, () -> p.addClass(null));
    }
}
