package org.kea4j.core.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code hooks-list}: the hooks libraries in call order, each with its bundle, versions, state and the reason
 * it is not loaded, its parameters, and per hook point its callouts with their statistics (since the library
 * was first loaded). kea4j's own command: Kea has none that shows hooks.
 */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=hooks-list")
public final class HooksListCommand implements CommandHandler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HooksManager hooks;

    @Activate
    public HooksListCommand(@Reference HooksManager hooks) {
        this.hooks = hooks;
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        List<LibraryInfo> libraries = hooks.libraries();
        ArrayNode list = JSON.arrayNode();
        for (LibraryInfo lib : libraries) {
            list.add(toJson(lib));
        }
        ObjectNode args = JSON.objectNode();
        args.set("libraries", list);
        long loaded = libraries.stream().filter(l -> l.state() == LibraryInfo.State.LOADED).count();
        return Answer.success(libraries.size() + " hooks librar" + (libraries.size() == 1 ? "y" : "ies") + ", " + loaded
                + " loaded", args);
    }

    /** One library as {@code hooks-list} shows it. */
    static ObjectNode toJson(LibraryInfo lib) {
        ObjectNode node = JSON.objectNode();
        node.put("index", lib.index());
        node.put("name", lib.name());
        node.put("origin", lib.origin() == LibraryInfo.Origin.CONFIGURED ? "hooks-libraries" : "hooks-folder");
        node.put("state", lib.state().name().toLowerCase(Locale.ROOT));
        if (!lib.detail().isEmpty()) {
            node.put("reason", lib.detail());
        }
        node.put("bundle", lib.bundle());
        node.put("bundle-version", lib.bundleVersion());
        if (lib.bundleId() >= 0) {
            node.put("bundle-id", lib.bundleId());
        }
        if (lib.version() >= 0) {
            node.put("framework-version", lib.version());
        }
        node.set("parameters", org.kea4j.core.internal.control.Json.MAPPER.valueToTree(lib.parameters()));
        ArrayNode callouts = JSON.arrayNode();
        for (LibraryInfo.CalloutInfo c : lib.callouts()) {
            ObjectNode co = JSON.objectNode();
            co.put("hook", c.hook());
            co.put("callout", c.name());
            co.put("calls", c.calls());
            co.put("errors", c.errors());
            co.put("mean-ns", c.meanNanos());
            co.put("max-ns", c.maxNanos());
            callouts.add(co);
        }
        node.set("callouts", callouts);
        return node;
    }
}
