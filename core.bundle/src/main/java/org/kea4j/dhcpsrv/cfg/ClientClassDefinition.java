package org.kea4j.dhcpsrv.cfg;

import java.util.List;

/** What both servers' client class definitions share: how a packet joins the class. */
public interface ClientClassDefinition {

    /** The class name. */
    String name();

    /** Its {@code test}, or null (joined through reservations, or unconditionally when required). */
    ClassExpression test();

    /** {@code only-if-required}: the test runs only when a subnet, network or pool requires the class. */
    boolean onlyIfRequired();

    /** The class's own {@code option-def} entries, for its option-data. */
    List<OptionDefConfig> optionDefs();
}
