package org.kea4j.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** config-get, config-reload, config-test, config-set and config-write. */
@Component(property = {
    CommandHandler.COMMAND_PROPERTY + "=config-get",
    CommandHandler.COMMAND_PROPERTY + "=config-reload",
    CommandHandler.COMMAND_PROPERTY + "=config-test",
    CommandHandler.COMMAND_PROPERTY + "=config-set",
    CommandHandler.COMMAND_PROPERTY + "=config-write"
})
public final class ConfigCommands implements CommandHandler {

    private final ConfigManager config;

    @Activate
    public ConfigCommands(@Reference ConfigManager config) {
        this.config = config;
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        switch (command) {
            case "config-get":
                return Answer.success("Configuration returned.", org.kea4j.config.Secrets.hidden(config.running()));
            case "config-reload": {
                ConfigResult result = config.reload(ConfigTrigger.COMMAND);
                return result.success() ? Answer.success("Configuration successful.")
                        : Answer.error("Config reload failed: " + result.text());
            }
            case "config-test": {
                if (arguments == null || !arguments.isObject()) {
                    return Answer.error("Missing mandatory 'arguments' parameter: the configuration to test.");
                }
                ConfigResult result = config.test(ConfigDocument.of("command", arguments));
                return result.success() ? Answer.success(result.text()) : Answer.error(result.text());
            }
            case "config-set": {
                if (arguments == null || !arguments.isObject()) {
                    return Answer.error("Missing mandatory 'arguments' parameter: the configuration to set.");
                }
                ConfigResult result = config.apply(arguments, "command");
                return result.success() ? Answer.success(result.text()) : Answer.error(result.text());
            }
            case "config-write":
                return write(arguments);
            default:
                return Answer.unsupported(command);
        }
    }

    private Answer write(JsonNode arguments) {
        Optional<Path> target = config.file();
        if (arguments != null && arguments.has("filename")) {
            JsonNode name = arguments.get("filename");
            if (!name.isTextual() || name.textValue().isBlank()) {
                return Answer.error("passed parameter 'filename' is not a string");
            }
            target = Optional.of(Path.of(name.textValue()));
        }
        if (target.isEmpty()) {
            return Answer.error("Unable to determine filename. Please specify 'filename' parameter.");
        }
        try {
            long size = config.write(target.get());
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            args.put("filename", target.get().toString());
            args.put("size", size);
            return Answer.success("Configuration written to " + target.get() + " successful", args);
        } catch (IOException e) {
            return Answer.error("Error during config-write: " + e.getMessage());
        }
    }
}
