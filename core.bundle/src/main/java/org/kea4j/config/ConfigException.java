package org.kea4j.config;

/**
 * A configuration error: which element, why, and where in the source ({@code origin:line:column}).
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final String reason;
    private final String location;

    /**
     * @param element  the element path, for example {@code Dhcp4/subnet4[0]/pools[1]/pool}; empty for the
     *                 whole document
     * @param reason   what is wrong
     * @param location {@code origin:line:column}, or null when unknown
     */
    public ConfigException(String element, String reason, String location) {
        super(format(element, reason, location));
        this.element = element;
        this.reason = reason;
        this.location = location;
    }

    private static String format(String element, String reason, String location) {
        StringBuilder sb = new StringBuilder();
        if (element != null && !element.isEmpty()) {
            sb.append(element).append(": ");
        }
        sb.append(reason);
        if (location != null) {
            sb.append(" (").append(location).append(')');
        }
        return sb.toString();
    }

    /** The element path. */
    public String element() {
        return element;
    }

    /** What is wrong, without the element and location. */
    public String reason() {
        return reason;
    }

    /** Where, as {@code origin:line:column}, or null. */
    public String location() {
        return location;
    }
}
