package org.kea4j.core.internal.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.control.CommandRegistry;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.hooks.host.HooksManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The process's own commands: list-commands, version-get, status-get, shutdown and libreload. */
@Component(property = {
    CommandHandler.COMMAND_PROPERTY + "=list-commands",
    CommandHandler.COMMAND_PROPERTY + "=version-get",
    CommandHandler.COMMAND_PROPERTY + "=status-get",
    CommandHandler.COMMAND_PROPERTY + "=shutdown",
    CommandHandler.COMMAND_PROPERTY + "=libreload"
})
public final class PlatformCommands implements CommandHandler {

    private final CommandRegistry registry;
    private final ProcessControl process;
    private final ConfigService config;
    private final HooksManager hooks;

    @Activate
    public PlatformCommands(@Reference CommandRegistry registry, @Reference ProcessControl process,
            @Reference ConfigService config, @Reference HooksManager hooks) {
        this.registry = registry;
        this.process = process;
        this.config = config;
        this.hooks = hooks;
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (command) {
            case "list-commands": {
                ArrayNode names = json.arrayNode();
                registry.commands().forEach(names::add);
                return Answer.success(names.size() + " commands", names);
            }
            case "version-get": {
                ObjectNode args = json.objectNode();
                args.put("extended", process.extendedVersion());
                return Answer.success(process.version(), args);
            }
            case "status-get": {
                ObjectNode args = json.objectNode();
                args.put("pid", process.pid());
                args.put("uptime", process.uptime().toSeconds());
                config.lastApplied().ifPresent(t -> args.put("reload", Duration.between(t, Instant.now()).toSeconds()));
                // Kea 2.2's fields; a process running several servers adds up their workers and queues; without
                // workers, or with packets handled on the receiving thread once warm (as Kea without multi-threading)
                // it is disabled
                List<PacketWorkers> workers = PacketWorkers.live();
                args.put("multi-threading-enabled", workers.isEmpty() || workers.stream().anyMatch(PacketWorkers::handsOver));
                args.put("thread-pool-size", workers.stream().mapToInt(PacketWorkers::threads).sum());
                args.put("packet-queue-size", workers.stream().filter(w -> w.threads() > 0)
                        .mapToInt(PacketWorkers::queueCapacity).sum());
                double[] depth = new double[3];
                for (PacketWorkers w : workers) {
                    double[] own = w.queueStatistics();
                    for (int i = 0; i < 3; i++) {
                        depth[i] += own[i];
                    }
                }
                ArrayNode statistics = args.putArray("packet-queue-statistics");
                for (double d : depth) {
                    statistics.add(Math.round(d * 100) / 100.0);
                }
                // a server that cannot open its sockets fails its configuration: the running ones are ready
                args.putObject("sockets").put("status", "ready");
                return new Answer(Answer.SUCCESS, null, args);
            }
            case "shutdown": {
                int exitValue = 0;
                if (arguments != null && arguments.has("exit-value")) {
                    JsonNode v = arguments.get("exit-value");
                    if (!v.isIntegralNumber()) {
                        return Answer.error("parameter 'exit-value' is not an integer");
                    }
                    exitValue = v.intValue();
                }
                process.requestShutdown(exitValue);
                return Answer.success("Shutting down.");
            }
            case "libreload": {
                String problem = hooks.reloadLibraries();
                return problem == null ? Answer.success("Hooks libraries successfully reloaded.")
                        : Answer.error("Failed to reload hooks libraries: " + problem);
            }
            default:
                return Answer.unsupported(command);
        }
    }
}
