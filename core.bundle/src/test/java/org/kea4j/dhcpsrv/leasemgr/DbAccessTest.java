package org.kea4j.dhcpsrv.leasemgr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;

class DbAccessTest {

    private static DbAccess parse(String json) throws ConfigException {
        return DbAccess.parse(ConfigDocument.parse("t", "{\"db\": " + json + "}").root().require("db"));
    }

    @Test
    void parsesTheMap() throws ConfigException {
        DbAccess db = parse("{\"type\": \"memfile\", \"persist\": false, \"name\": \"/tmp/l.csv\", \"lfc-interval\": 60}");
        assertEquals("memfile", db.type());
        assertFalse(db.getBoolean("persist", true));
        assertEquals(60, db.getLong("lfc-interval", 0));
    }

    @Test
    void parsesKea09AccessStrings() {
        DbAccess db = DbAccess.parseAccessString("type=mysql name=kea user=kea password=secret host=localhost");
        assertEquals("mysql", db.type());
        assertEquals("kea", db.get("name").orElseThrow());
        assertFalse(db.toString().contains("secret"), db.toString());
        assertTrue(db.toString().contains("password=*****"));
    }

    @Test
    void typeProblemsCarryKeaMessageIds() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> parse("{\"type\": \"oracle\"}"));
        assertTrue(unknown.reason().startsWith("DHCPSRV_UNKNOWN_DB unknown database type: oracle"), unknown.reason());
        ConfigException none = assertThrows(ConfigException.class, () -> parse("{\"name\": \"x\"}"));
        assertTrue(none.reason().startsWith("DHCPSRV_NOTYPE_DB"), none.reason());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DbAccess.parseAccessString("type=memfile garbage"));
        assertTrue(bad.getMessage().startsWith("DHCPSRV_INVALID_ACCESS"), bad.getMessage());
    }

    @Test
    void unknownKeysAndWrongTypesAreErrors() {
        assertThrows(ConfigException.class, () -> parse("{\"type\": \"memfile\", \"colour\": \"red\"}"));
        assertThrows(ConfigException.class, () -> parse("{\"type\": \"memfile\", \"persist\": \"yes\"}"));
    }
}
