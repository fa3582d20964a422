package com.example.hook;

import static com.example.hook.ExampleMessages.EXAMPLE_BAD_PARAMETER;
import static com.example.hook.ExampleMessages.EXAMPLE_DOMAIN_ADDED;
import static com.example.hook.ExampleMessages.EXAMPLE_LOADED;
import static com.example.hook.ExampleMessages.EXAMPLE_UNLOADED;

import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * An example hooks library: every DHCPv4 reply that carries no domain name (option 15) gets the one of the
 * library's {@code domain} parameter (default {@value #DEFAULT_DOMAIN}).
 *
 * <p>A prototype-scope component: kea4j takes a new instance for every load ({@code libreload}, a new
 * configuration), so that the old instance can keep serving until the new one is loaded.
 */
@Component(service = HookLibrary.class, scope = ServiceScope.PROTOTYPE)
public class ExampleHook implements HookLibrary {

    static final String DEFAULT_DOMAIN = "hooked.example.org";
    private static final KeaLogger LOG = KeaLogger.forSubsystem("example-hook");

    /** Set in load(), read by callouts on several threads at once. */
    private volatile String domain;

    @Override
    public int version() {
        return FRAMEWORK_VERSION;
    }

    @Override
    public int load(LibraryHandle handle) {
        Object parameter = handle.getParameter("domain");
        if (parameter != null && !(parameter instanceof String)) {
            LOG.log(EXAMPLE_BAD_PARAMETER, "domain", parameter);
            return 1;
        }
        domain = parameter == null ? DEFAULT_DOMAIN : (String) parameter;
        handle.registerCallout(Dhcp4Hooks.PKT4_SEND, "add-domain-name", this::addDomainName);
        LOG.log(EXAMPLE_LOADED, domain);
        return 0;
    }

    /** The callout on {@code pkt4_send}: the reply is built and not packed yet. */
    int addDomainName(CalloutHandle handle) {
        Pkt4 response = handle.get(Dhcp4Hooks.RESPONSE4);
        if (response.getOption(Options4.DOMAIN_NAME) == null) {
            response.addOption(Option.text(Options4.DOMAIN_NAME, domain));
            LOG.log(EXAMPLE_DOMAIN_ADDED, domain, response.getName());
        }
        return 0;
    }

    @Override
    public int unload() {
        LOG.log(EXAMPLE_UNLOADED);
        return 0;
    }
}
