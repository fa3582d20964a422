package org.kea4j.core.internal.shell;

import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.kea4j.control.CommandHandler;
import org.kea4j.control.CommandRegistry;
import org.kea4j.core.internal.control.CommandRegistryImpl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Every registered command is also a Gogo command {@code kea:NAME}: a command written once is reachable
 * from the shell and from the control sockets.
 */
@Component
public final class CommandFunctions {

    /** Commands the shell offers in its own form (see {@link ShellCommands}). */
    static final Set<String> SHELL_OWN = Set.of("config-test");

    private final BundleContext context;
    private final CommandRegistry registry;
    private final Map<String, ServiceRegistration<Function>> functions = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    @Activate
    public CommandFunctions(BundleContext context, @Reference CommandRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    @Deactivate
    void deactivate() {
        active = false;
        functions.values().forEach(ServiceRegistration::unregister);
        functions.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ServiceReference<CommandHandler> handler) {
        if (active) {
            CommandRegistryImpl.names(handler).forEach(this::expose);
        }
    }

    void removeHandler(ServiceReference<CommandHandler> handler) {
        for (String name : CommandRegistryImpl.names(handler)) {
            if (!registry.commands().contains(name)) {
                ServiceRegistration<Function> reg = functions.remove(name);
                if (reg != null) {
                    reg.unregister();
                }
            }
        }
    }

    private void expose(String name) {
        if (SHELL_OWN.contains(name)) {
            return;
        }
        functions.computeIfAbsent(name, n -> {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("osgi.command.scope", "kea");
            props.put("osgi.command.function", n);
            Function function = (CommandSession session, List<Object> arguments) ->
                    ShellArguments.format(registry.execute(n, ShellArguments.parse(arguments)));
            return context.registerService(Function.class, function, props);
        });
    }
}
