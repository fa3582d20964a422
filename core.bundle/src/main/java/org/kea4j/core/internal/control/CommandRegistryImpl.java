package org.kea4j.core.internal.control;

import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_CCSESSION_MSG;
import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_CCSESSION_MSG_INTERNAL;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_COMMAND_RECEIVED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.control.CommandRegistry;
import org.kea4j.hooks.ServerHooks;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The command registry: collects {@link CommandHandler} services and runs commands one at a time (as
 * Kea's single command thread does), so that a reload never races another. Each answer passes the
 * {@code command_processed} hook point, where a callout may replace it.
 */
@Component(service = CommandRegistry.class)
public final class CommandRegistryImpl implements CommandRegistry {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ctrl");

    /**
     * Handlers by command name. Held as references and fetched on first use: a handler may itself depend on
     * services that depend on this registry.
     */
    private final Map<String, List<ServiceReference<CommandHandler>>> handlers = new ConcurrentHashMap<>();
    private final BundleContext context;
    private volatile HooksManager hooks;
    private volatile Hook commandProcessed;

    @Activate
    public CommandRegistryImpl(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addHandler(ServiceReference<CommandHandler> handler) {
        for (String name : names(handler)) {
            handlers.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(handler);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setHooks(HooksManager manager) {
        this.commandProcessed = manager.hook(ServerHooks.COMMAND_PROCESSED);
        this.hooks = manager;
    }

    public void unsetHooks(HooksManager manager) {
        if (hooks == manager) {
            hooks = null;
        }
    }

    public void removeHandler(ServiceReference<CommandHandler> handler) {
        for (String name : names(handler)) {
            List<ServiceReference<CommandHandler>> list = handlers.get(name);
            if (list != null) {
                list.remove(handler);
                handlers.remove(name, List.of());
            }
        }
    }

    /** The command names a handler service answers: its {@value CommandHandler#COMMAND_PROPERTY} property. */
    public static List<String> names(ServiceReference<?> reference) {
        Object value = reference.getProperty(CommandHandler.COMMAND_PROPERTY);
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    @Override
    public synchronized Answer execute(String command, JsonNode arguments) {
        LOG.log(DCTL_COMMAND_RECEIVED, KeaLogger.processRoot(), command,
                arguments == null ? "(none)" : org.kea4j.config.Secrets.hidden(arguments));
        List<ServiceReference<CommandHandler>> list = handlers.get(command);
        CommandHandler handler = list == null || list.isEmpty() ? null : context.getService(list.get(0));
        if (handler == null) {
            return Answer.unsupported(command);
        }
        Answer answer;
        try {
            answer = handler.handle(command, arguments);
            if (answer == null) {
                answer = Answer.error("command '" + command + "' gave no answer");
            }
        } catch (Exception | LinkageError e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            LOG.log(CONFIG_CCSESSION_MSG_INTERNAL, command + ": " + reason);
            answer = Answer.error("Error during command processing: " + reason);
        }
        return processed(command, arguments, answer);
    }

    /** The {@code command_processed} hook point: callouts see the answer and may replace it. */
    private Answer processed(String command, JsonNode arguments, Answer answer) {
        HooksManager manager = hooks;
        if (manager == null) {
            return answer;
        }
        try (CalloutSession session = manager.openSession()) {
            if (!session.hasCallouts(commandProcessed)) {
                return answer;
            }
            session.begin(commandProcessed).with(ServerHooks.COMMAND_NAME, command)
                    .with(ServerHooks.COMMAND_RESPONSE, answer);
            if (arguments != null) {
                session.with(ServerHooks.COMMAND_ARGUMENTS, arguments);
            }
            session.call();
            Answer changed = session.get(ServerHooks.COMMAND_RESPONSE);
            return changed != null ? changed : answer;
        }
    }

    @Override
    public Answer execute(JsonNode request) {
        String problem = problem(request);
        if (problem != null) {
            LOG.log(CONFIG_CCSESSION_MSG, problem);
            return Answer.error(problem);
        }
        JsonNode arguments = request.get("arguments");
        return execute(request.get("command").textValue(), arguments == null || arguments.isNull() ? null : arguments);
    }

    /** Why a request is not a command, or null. */
    static String problem(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "invalid command: expected a map with 'command' and optional 'arguments'";
        }
        JsonNode command = request.get("command");
        if (command == null) {
            return "invalid command: the mandatory 'command' element is missing";
        }
        if (!command.isTextual() || command.textValue().isBlank()) {
            return "invalid command: 'command' must be a non-empty string";
        }
        var names = request.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("command") && !name.equals("arguments") && !name.equals("service")
                    && !name.equals("remote-address")) {
                return "invalid command: unexpected element '" + name + "'";
            }
        }
        return null;
    }

    @Override
    public SortedSet<String> commands() {
        TreeSet<String> names = new TreeSet<>();
        handlers.forEach((name, list) -> {
            if (!list.isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }
}
