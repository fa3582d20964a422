package org.kea4j.usercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Hex;

class UserRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsKeasFormatWithAttributes() throws Exception {
        Path file = dir.resolve("registry.txt");
        Files.writeString(file, """
                { "type" : "HW_ADDR", "id" : "0c:0e:0a:01:ff:04", "bootfile" : "/tmp/v4bootfile" }
                {"type": "HW_ADDR", "id": "0c0e0a01ff05"}

                {"type": "DUID", "id": "00:01:00:01:19:ef:e6:3b:00:0c:01:02:03:04", "tftp_server": "tftp.v6.example.com"}
                {"type": "HW_ADDR", "id": "00000000", "bootfile": "/tmp/guest"}
                """);
        UserRegistry registry = UserRegistry.open(file);
        assertEquals(4, registry.size());
        User first = registry.find(User.Type.HW_ADDR, Hex.parse("0c:0e:0a:01:ff:04"));
        assertEquals(Map.of("bootfile", "/tmp/v4bootfile"), first.attributes());
        assertNotNull(registry.find(User.Type.HW_ADDR, Hex.parse("0c:0e:0a:01:ff:05")), "colons are optional");
        assertNull(registry.find(User.Type.DUID, Hex.parse("0c:0e:0a:01:ff:05")), "types are apart");
        assertEquals("tftp.v6.example.com", registry.find(User.Type.DUID,
                Hex.parse("00:01:00:01:19:ef:e6:3b:00:0c:01:02:03:04")).attributes().get("tftp_server"));
        assertEquals("/tmp/guest", registry.defaultUser(User.Type.HW_ADDR).attributes().get("bootfile"));
        assertNull(registry.defaultUser(User.Type.DUID));
    }

    @Test
    void aBrokenLineIsSkippedWithItsReasonAndTheRestIsKept() throws Exception {
        Path file = dir.resolve("registry.txt");
        Files.writeString(file, """
                {"type": "HW_ADDR", "id": "02:00:00:00:00:01"}
                {"type": "HW_ADDR", "id": 42}
                not json
                {"type": "PHONE", "id": "01"}
                {"id": "02:00:00:00:00:03"}
                {"type": "HW_ADDR", "id": "zz"}
                ["a list"]
                {"type": "HW_ADDR", "id": "02:00:00:00:00:01", "bootfile": "again"}
                {"type": "HW_ADDR", "id": "02:00:00:00:00:02"}
                """);
        UserRegistry registry = UserRegistry.open(file);
        assertEquals(2, registry.size());
        assertEquals(Map.of(), registry.find(User.Type.HW_ADDR, Hex.parse("02:00:00:00:00:01")).attributes(),
                "a second line for the same user is skipped");
        assertNotNull(registry.find(User.Type.HW_ADDR, Hex.parse("02:00:00:00:00:02")), "lines after bad ones count");
    }

    @Test
    void eachBrokenLineHasItsReason() {
        assertEquals("the value of 'id' is not a string", reason("{\"type\": \"HW_ADDR\", \"id\": 42}"));
        assertEquals("unknown type 'PHONE' (HW_ADDR or DUID)", reason("{\"type\": \"PHONE\", \"id\": \"01\"}"));
        assertEquals("no 'type' (HW_ADDR or DUID)", reason("{\"id\": \"01\"}"));
        assertEquals("no 'id'", reason("{\"type\": \"DUID\"}"));
        assertEquals("not a JSON object", reason("[1]"));
        assertEquals("longer than 4096 characters", reason("{\"type\": \"DUID\", \"id\": \"" + "0".repeat(5000) + "\"}"));
        assertEquals("not JSON", reason("{nope").substring(0, 8));
    }

    private static String reason(String line) {
        return assertThrows(IllegalArgumentException.class, () -> UserRegistry.parseLine(line)).getMessage();
    }

    @Test
    void aMissingRegistryCannotBeOpened() {
        assertThrows(NoSuchFileException.class, () -> UserRegistry.open(dir.resolve("absent.txt")));
    }

    @Test
    void aChangedFileIsReadAgainAndAVanishedOneKeepsTheUsersReadBefore() throws Exception {
        Path file = dir.resolve("registry.txt");
        Files.writeString(file, "{\"type\": \"HW_ADDR\", \"id\": \"02:00:00:00:00:01\"}\n");
        UserRegistry registry = UserRegistry.open(file);
        byte[] second = Hex.parse("02:00:00:00:00:02");
        assertNull(registry.find(User.Type.HW_ADDR, second));
        Files.writeString(file, "{\"type\": \"HW_ADDR\", \"id\": \"02:00:00:00:00:01\"}\n"
                + "{\"type\": \"HW_ADDR\", \"id\": \"02:00:00:00:00:02\"}\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertNotNull(registry.find(User.Type.HW_ADDR, second), "the edit is seen without a reload");
        Files.delete(file);
        assertNotNull(registry.find(User.Type.HW_ADDR, second), "a vanished registry keeps its users");
        assertEquals(2, registry.size());
    }
}
