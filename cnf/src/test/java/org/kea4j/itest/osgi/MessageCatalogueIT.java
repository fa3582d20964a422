package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.itest.KeaMessages;
import org.kea4j.log.MessageDictionary;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every message of Kea 0.9.1's manual is in the dictionary once all bundles started, with the manual's
 * exact text (Kea 2.2's where kea4j follows 2.2: {@code kea-2.2-messages.txt}), owned by exactly one kea4j bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessageCatalogueIT {

    @Configuration
    public Option[] config() {
        return KeaOptions.framework(systemProperty("kea4j.messages").value(KeaMessages.file().toString()));
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Test
    public void everyManualMessageIsRegisteredWithItsText() throws Exception {
        Map<String, String> manual = KeaMessages.read(Path.of(System.getProperty("kea4j.messages")));
        assertEquals("messages in Kea 0.9.1's manual", 520, manual.size());
        manual = KeaMessages.specification(Path.of(System.getProperty("kea4j.messages")));
        Map<String, MessageDictionary.Entry> dictionary = MessageDictionary.global().entries();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> perOwner = new TreeMap<>();
        for (Map.Entry<String, String> m : manual.entrySet()) {
            MessageDictionary.Entry e = dictionary.get(m.getKey());
            if (e == null) {
                problems.add("missing " + m.getKey());
            } else if (!e.text().equals(m.getValue())) {
                problems.add(m.getKey() + ": '" + e.text() + "' instead of '" + m.getValue() + "'");
            } else {
                perOwner.merge(e.owner(), 1, Integer::sum);
                if (!e.owner().startsWith("org.kea4j.")) {
                    problems.add(m.getKey() + " is owned by " + e.owner());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals("two bundles registered one ID", List.of(), MessageDictionary.global().duplicates());
        assertEquals(KeaOptions.KEA_BUNDLES.size(), perOwner.size());
        assertTrue(perOwner.toString(), perOwner.values().stream().allMatch(n -> n > 0));
    }
}
