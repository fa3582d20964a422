package org.kea4j.itest.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests bnd made for the seven bundles: symbolic names, versioned exports, the author API apart from
 * the engine (engine packages carry the mandatory attribute {@code kea4j=engine} that only kea4j's bundles
 * name), no internal package exported, version ranges on imports, the message header.
 */
class BundleManifestTest {

    /** The author API: what any hook bundle may import. */
    static final Set<String> API = Set.of("org.kea4j.log", "org.kea4j.hooks", "org.kea4j.control", "org.kea4j.dhcp",
            "org.kea4j.dhcpsrv", "org.kea4j.ncr");
    /** The engine: exported by core to kea4j's own bundles only. */
    static final Set<String> ENGINE = Set.of("org.kea4j.config", "org.kea4j.hooks.host", "org.kea4j.dhcp.transport",
            "org.kea4j.dhcpsrv.alloc", "org.kea4j.dhcpsrv.cfg", "org.kea4j.dhcpsrv.leasemgr", "org.kea4j.stats");
    /** Bundles written on the author API alone, as an outside author would write them. */
    static final Set<String> API_ONLY = Set.of("org.kea4j.usercheck");
    private static final Pattern RANGE = Pattern.compile("[\\[(]\\d+(\\.\\d+){0,2},\\d+(\\.\\d+){0,2}[\\])]");

    static Stream<Path> bundles() {
        String property = System.getProperty("kea4j.bundles");
        assertNotNull(property, "kea4j.bundles is set by the build");
        return Stream.of(property.split(",")).map(Path::of);
    }

    /** Splits an OSGi header into clauses, each a name and its parameters. */
    static Map<String, Map<String, String>> clauses(String header) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (header == null) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            String[] items = part.split(";");
            Map<String, String> params = new TreeMap<>();
            for (int i = 1; i < items.length; i++) {
                String[] kv = items[i].split(":?=", 2);
                params.put(kv[0].trim(), kv.length > 1 ? kv[1].trim().replace("\"", "") : "");
            }
            out.put(items[0].trim(), params);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void manifestIsWhatOsgiNeeds(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " was built");
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName");
            assertTrue(bsn.matches("org\\.kea4j\\.(core|memfile|sql|dhcp4|dhcp6|ddns|usercheck)"), bsn);
            assertTrue(main.getValue("Bundle-Version").startsWith("0."), main.getValue("Bundle-Version"));
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            assertNotNull(main.getValue("Kea-Messages"), bsn + " names its message enums");

            Map<String, Map<String, String>> exports = clauses(main.getValue("Export-Package"));
            for (Map.Entry<String, Map<String, String>> e : exports.entrySet()) {
                assertFalse(e.getKey().contains(".internal"), bsn + " exports internal package " + e.getKey());
                assertTrue(e.getValue().containsKey("version"), bsn + " exports " + e.getKey() + " without a version");
            }
            Set<String> expected = new TreeSet<>();
            if (bsn.equals("org.kea4j.core")) {
                expected.addAll(API);
                expected.addAll(ENGINE);
            }
            assertEquals(expected, new TreeSet<>(exports.keySet()), bsn + " exports");
            for (Map.Entry<String, Map<String, String>> e : exports.entrySet()) {
                boolean engine = ENGINE.contains(e.getKey());
                assertEquals(engine ? "engine" : null, e.getValue().get("kea4j"), bsn + " exports " + e.getKey());
                assertEquals(engine ? "kea4j" : null, e.getValue().get("mandatory"), bsn + " exports " + e.getKey());
            }

            for (Map.Entry<String, Map<String, String>> e : clauses(main.getValue("Import-Package")).entrySet()) {
                if (exports.containsKey(e.getKey()) || e.getKey().startsWith("java.") || e.getKey().equals("javax.sql")
                        || e.getKey().startsWith("javax.net.")) {
                    continue; // its own packages, and the JRE's (no version: javax.sql is JDBC's, javax.net.ssl TLS)
                }
                boolean authorVisible = API.contains(e.getKey()) || e.getKey().startsWith("com.fasterxml.jackson.");
                assertTrue(!API_ONLY.contains(bsn) || authorVisible, bsn + " imports only the author API and what the"
                        + " API artifact brings (Jackson), yet imports " + e.getKey());
                if (e.getKey().startsWith("org.kea4j.")) {
                    assertTrue(API.contains(e.getKey()) || ENGINE.contains(e.getKey()), bsn + " imports " + e.getKey());
                    assertEquals(ENGINE.contains(e.getKey()) ? "engine" : null, e.getValue().get("kea4j"),
                            bsn + " imports " + e.getKey());
                    assertFalse(API_ONLY.contains(bsn) && ENGINE.contains(e.getKey()),
                            bsn + " is written on the author API alone, yet imports " + e.getKey());
                }
                boolean optional = "optional".equals(e.getValue().get("resolution"));
                String version = e.getValue().get("version");
                assertTrue(optional || version != null && RANGE.matcher(version).matches(),
                        bsn + " imports " + e.getKey() + " without a version range: " + e.getValue());
            }
        }
    }

    /** The DHCP servers hold no DDNS code: that is ddns.bundle's, at the hook points. */
    @ParameterizedTest
    @MethodSource("bundles")
    void dhcpServersHoldNoDdnsCode(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName").split(";")[0].trim();
            if (!bsn.equals("org.kea4j.dhcp4") && !bsn.equals("org.kea4j.dhcp6")) {
                return;
            }
            for (String imported : clauses(main.getValue("Import-Package")).keySet()) {
                assertFalse(imported.equals("org.kea4j.ncr") || imported.startsWith("org.xbill."),
                        bsn + " imports " + imported + ": DDNS belongs to ddns.bundle");
            }
        }
    }
}
