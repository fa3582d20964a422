package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.kea4j.log.LogLines.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.LogLines;

class RehearsalTest {

    private final LogLines logs = new LogLines();

    @AfterEach
    void detachAppenders() {
        logs.close();
    }

    @Test
    void runsTheExchangesQuietlyThenDeletesItsDirectory() {
        ListAppender<ILoggingEvent> inner = logs.of("rehearsal-test");
        ListAppender<ILoggingEvent> summary = logs.of(KeaLogger.processRoot() + ".dhcpsrv");
        KeaLogger log = KeaLogger.get("rehearsal-test");
        List<Integer> clients = new ArrayList<>();
        AtomicReference<Path> directory = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        int done = Rehearsal.run("TEST", 40, (dir, closeAfter) -> {
            directory.set(dir);
            Files.writeString(dir.resolve("leases.csv"), "address\n");
            closeAfter.push(() -> closed.set(true));
            return client -> {
                clients.add(client);
                log.log(DhcpsrvMessages.DHCPSRV_REHEARSAL_DONE, "made-up client", client, 0);
            };
        });
        assertEquals(40, done);
        assertEquals(40, clients.stream().distinct().count(), "every made-up client is another one");
        assertTrue(closed.get());
        assertFalse(Files.exists(directory.get()), "its files are gone");
        assertTrue(messages(inner).isEmpty(), "its clients' lines are not written: " + messages(inner));
        assertTrue(messages(summary).stream().anyMatch(m -> m.startsWith("DHCPSRV_REHEARSAL_DONE TEST packet path"
                + " rehearsed before the sockets open: 40 synthetic exchanges")), messages(summary).toString());
        log.log(DhcpsrvMessages.DHCPSRV_REHEARSAL_DONE, "after", 1, 0);
        assertEquals(1, messages(inner).size(), "lines after the rehearsal are written again");
    }

    @Test
    void aRehearsalThatFailsIsLoggedAndTheStartGoesOn() {
        ListAppender<ILoggingEvent> summary = logs.of(KeaLogger.processRoot() + ".dhcpsrv");
        int done = Rehearsal.run("TEST", 10, (dir, closeAfter) -> client -> {
            if (client == 3) {
                throw new IllegalArgumentException("client 3 broke");
            }
        });
        assertEquals(3, done);
        assertTrue(messages(summary).stream().anyMatch(m -> m.startsWith("DHCPSRV_REHEARSAL_FAILED TEST packet path"
                + " rehearsal failed, the server starts without it") && m.contains("client 3 broke")),
                messages(summary).toString());
    }

    @Test
    void whatTheSetupOpenedIsClosedLastFirstEvenWhenTheSetupFails() {
        ListAppender<ILoggingEvent> summary = logs.of(KeaLogger.processRoot() + ".dhcpsrv");
        List<String> closed = new ArrayList<>();
        int done = Rehearsal.run("TEST", 10, (dir, closeAfter) -> {
            closeAfter.push(() -> closed.add("leases"));
            closeAfter.push(() -> closed.add("sockets"));
            throw new IllegalStateException("no configuration");
        });
        assertEquals(0, done);
        assertEquals(List.of("sockets", "leases"), closed);
        assertTrue(messages(summary).stream().anyMatch(m -> m.startsWith("DHCPSRV_REHEARSAL_FAILED")
                && m.contains("no configuration")), messages(summary).toString());
    }

    @Test
    void noneWhenNoExchangeIsAsked() {
        AtomicBoolean opened = new AtomicBoolean();
        assertEquals(0, Rehearsal.run("TEST", 0, (dir, closeAfter) -> {
            opened.set(true);
            return null;
        }));
        assertFalse(opened.get());
    }

    @Test
    void theLoopbackCarriesAnExchangeThroughTheServersSocket() throws Exception {
        for (boolean v6 : new boolean[] {false, true}) {
            Rehearsal.Loopback loopback = Rehearsal.Loopback.open(v6);
            if (!v6) {
                assertNotNull(loopback, "127.0.0.1 is there");
            }
            assumeTrue(loopback != null, "no ::1 here");
            try (loopback) {
                List<Datagram> seen = new ArrayList<>();
                byte[] answer = loopback.exchange(new byte[] {1, 2, 3}, d -> {
                    seen.add(d);
                    return new byte[] {3, 2, 1};
                });
                assertArrayEquals(new byte[] {3, 2, 1}, answer);
                assertArrayEquals(new byte[] {1, 2, 3}, seen.get(0).data());
                assertTrue(seen.get(0).source().getAddress().isLoopbackAddress());
                assertNull(loopback.exchange(new byte[] {4}, d -> null), "no answer, nothing sent");
            }
        }
    }
}
