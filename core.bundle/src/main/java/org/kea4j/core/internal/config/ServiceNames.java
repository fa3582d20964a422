package org.kea4j.core.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The control agent's names of the servers ({@code "service": ["dhcp4"]}) and the sections they serve. */
public final class ServiceNames {

    /** Section by service name, in Kea's order: dhcp4 - Dhcp4, dhcp6 - Dhcp6, d2 - DhcpDdns. */
    public static final Map<String, String> SECTIONS;

    static {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("dhcp4", "Dhcp4");
        sections.put("dhcp6", "Dhcp6");
        sections.put("d2", "DhcpDdns");
        SECTIONS = Collections.unmodifiableMap(sections);
    }

    private ServiceNames() {
    }

    /** The service names of the servers among these sections, in Kea's order. */
    public static Set<String> of(Set<String> sectionNames) {
        Set<String> out = new LinkedHashSet<>();
        SECTIONS.forEach((service, section) -> {
            if (sectionNames.contains(section)) {
                out.add(service);
            }
        });
        return out;
    }
}
