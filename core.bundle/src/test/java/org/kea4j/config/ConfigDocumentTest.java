package org.kea4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {

    @Test
    void acceptsKeaComments() throws ConfigException {
        String text = """
                # Kea 0.9 comment
                {
                  // a line comment
                  "Dhcp4": { /* a block
                  comment */ "valid-lifetime": 4000 # trailing
                  }
                }
                """;
        ConfigDocument doc = ConfigDocument.parse("test.json", text);
        assertEquals(4000, doc.json().get("Dhcp4").get("valid-lifetime").intValue());
    }

    @Test
    void namesTheLineOfAnElement() throws ConfigException {
        ConfigDocument doc = ConfigDocument.parse("f.json", "{\n  \"Dhcp4\": {\n    \"valid-lifetime\": \"x\"\n  }\n}");
        ConfigNode valid = doc.root().require("Dhcp4").require("valid-lifetime");
        ConfigException e = assertThrows(ConfigException.class, () -> valid.asLong(0, 10));
        assertEquals("Dhcp4/valid-lifetime", e.element());
        assertTrue(e.location().startsWith("f.json:3:"), e.location());
        assertTrue(e.getMessage().contains("expected an integer, got a string"), e.getMessage());
    }

    @Test
    void syntaxErrorsCarryTheLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigDocument.parse("bad.json", "{\n \"Dhcp4\": {\n  \"a\": 1,,\n }\n}"));
        assertTrue(e.location().startsWith("bad.json:3:"), e.location());
    }

    @Test
    void duplicateKeysAreErrors() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigDocument.parse("dup.json", "{\"a\": 1, \"a\": 2}"));
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
    }

    @Test
    void trailingContentIsAnError() {
        assertThrows(ConfigException.class, () -> ConfigDocument.parse("t.json", "{} {}"));
    }

    @Test
    void unknownKeywordsAreNamed() throws ConfigException {
        ConfigDocument doc = ConfigDocument.parse("k.json", "{\"Dhcp4\": {\"valid-lifetime\": 1, \"vaild-lifetime\": 2}}");
        ConfigNode dhcp4 = doc.root().require("Dhcp4");
        ConfigException e = assertThrows(ConfigException.class, () -> dhcp4.checkKeys(Set.of("valid-lifetime")));
        assertEquals("Dhcp4/vaild-lifetime", e.element());
        assertTrue(e.reason().contains("unknown keyword 'vaild-lifetime'"), e.reason());
    }

    @Test
    void listElementsHaveIndexedPaths() throws ConfigException {
        ConfigDocument doc = ConfigDocument.parse("l.json", "{\"a\": [ {\"b\": 1}, {\"b\": true} ]}");
        List<ConfigNode> list = doc.root().require("a").elements();
        ConfigException e = assertThrows(ConfigException.class, () -> list.get(1).require("b").asLong(0, 5));
        assertEquals("a[1]/b", e.element());
    }

    @Test
    void rangesAreChecked() throws ConfigException {
        ConfigNode n = ConfigDocument.parse("r.json", "{\"p\": 70000}").root().require("p");
        ConfigException e = assertThrows(ConfigException.class, () -> n.asInt(1, 65535));
        assertTrue(e.reason().contains("out of range"), e.reason());
    }

    /** An exponent beyond any number's range is a parse error at its place (a fuzzing finding), not a crash. */
    @Test
    void aNumberBeyondRangeIsAParseError() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigDocument.parse("t.json", "{\n\"x\": .3E33333333333333333333333333335 }"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("number out of range")
                && e.getMessage().contains("t.json:2"), e.getMessage());
    }
}
