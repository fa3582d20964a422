package org.kea4j.core.internal.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.dhcp.transport.NetworkState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Kea's service commands: {@code dhcp-disable} (with {@code max-period} and {@code origin}), {@code dhcp-enable},
 * {@code server-tag-get}, {@code config-hash-get} and {@code build-report}.
 */
@Component(property = {
    CommandHandler.COMMAND_PROPERTY + "=dhcp-disable",
    CommandHandler.COMMAND_PROPERTY + "=dhcp-enable",
    CommandHandler.COMMAND_PROPERTY + "=server-tag-get",
    CommandHandler.COMMAND_PROPERTY + "=config-hash-get",
    CommandHandler.COMMAND_PROPERTY + "=build-report"
})
public final class ServiceCommands implements CommandHandler {

    /** The origins Kea 2.2 accepts. */
    static final Set<String> ORIGINS = Set.of("user", "ha-partner");

    private final NetworkState state;
    private final ConfigService config;
    private final ProcessControl process;
    private final BundleContext context;

    @Activate
    public ServiceCommands(@Reference NetworkState state, @Reference ConfigService config,
            @Reference ProcessControl process, BundleContext context) {
        this.state = state;
        this.config = config;
        this.process = process;
        this.context = context;
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        JsonNode args = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        switch (command) {
            case "dhcp-disable": {
                long period = 0;
                if (args.has("max-period")) {
                    JsonNode p = args.get("max-period");
                    if (!p.isIntegralNumber()) {
                        return Answer.error("'max-period' argument must be a number");
                    }
                    if (p.asLong() <= 0) {
                        return Answer.error("'max-period' must be positive integer value");
                    }
                    period = p.asLong();
                }
                String origin = origin(args);
                if (origin == null) {
                    return Answer.error("invalid value used for 'origin' parameter: " + args.get("origin"));
                }
                state.disable(origin, period);
                return Answer.success("DHCP service disabled" + (period > 0 ? " for " + period + " seconds" : ""));
            }
            case "dhcp-enable": {
                String origin = origin(args);
                if (origin == null) {
                    return Answer.error("invalid value used for 'origin' parameter: " + args.get("origin"));
                }
                state.enable(origin);
                return Answer.success("DHCP service successfully enabled");
            }
            case "server-tag-get": {
                String tag = "";
                for (JsonNode server : config.running()) {
                    if (server.path("server-tag").isTextual() && !server.path("server-tag").asText().isEmpty()) {
                        tag = server.path("server-tag").asText();
                    }
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode().put("server-tag", tag);
                return Answer.success(null, out);
            }
            case "config-hash-get": {
                String hash = sha256(config.running().toString());
                return Answer.success("Configuration hash: " + hash,
                        JsonNodeFactory.instance.objectNode().put("hash", hash));
            }
            case "build-report":
                return Answer.success(buildReport(process, context));
            default:
                return Answer.unsupported(command);
        }
    }

    /** The build report ({@code build-report}, {@code -W}): the extended version and every bundle's. */
    static String buildReport(ProcessControl process, BundleContext context) {
        Set<String> bundles = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            bundles.add(b.getSymbolicName() + " " + b.getVersion());
        }
        return process.extendedVersion() + "\nbundles:\n  " + String.join("\n  ", bundles);
    }

    /** The {@code origin} argument: {@code user} when absent, null when not one Kea accepts. */
    private static String origin(JsonNode args) {
        JsonNode origin = args.get("origin");
        if (origin == null) {
            return "user";
        }
        return origin.isTextual() && ORIGINS.contains(origin.asText()) ? origin.asText() : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
