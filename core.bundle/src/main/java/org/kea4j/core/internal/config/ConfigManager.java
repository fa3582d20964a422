package org.kea4j.core.internal.config;

import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_JSON_PARSE;
import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_OPEN_FAIL;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_CONFIG_COMPLETE;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_CONFIG_LOAD_FAIL;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_CONFIG_START;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.ConfigService;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.kea4j.core.internal.control.ControlChannel;
import org.kea4j.core.internal.control.http.HttpControlChannel;
import org.kea4j.core.internal.hooks.HooksComponent;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.LibraryRefusedException;
import org.kea4j.core.internal.log.LoggingManager;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The reconfiguration transaction. Every section prepares its element (parse and validate, no side
 * effects); then the shared elements are checked (loggers, control sockets) and the hooks libraries are
 * loaded beside the running ones (a library that cannot be loaded fails the transaction, as in Kea 2.x);
 * only then is everything committed: loggers, hooks libraries (swapped in one step), sections in file order,
 * control sockets. If a commit fails, what was committed is put back as it was.
 */
@Component(service = {ConfigService.class, ConfigManager.class})
public final class ConfigManager implements ConfigService {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("config");
    /** Top-level elements of Kea daemons that kea4j does not host; a shared file may contain them. */
    private static final Set<String> OTHER_DAEMONS = Set.of("Control-agent", "Netconf");

    private final Map<String, ConfigSection> sections = new ConcurrentHashMap<>();
    private final HooksComponent hooks;
    private final ControlChannel control;
    private final HttpControlChannel http;
    private volatile JsonNode running = JsonNodeFactory.instance.objectNode();
    private volatile Path file;
    private volatile Instant lastApplied;
    private volatile OptionalInt serverPort = OptionalInt.empty();
    private volatile Set<String> served;
    private Committed committed = Committed.EMPTY;

    /** What the last successful transaction committed. */
    private record Committed(Map<String, PreparedSection> sections, List<LoggerConfig> loggers, List<String> roots,
            List<HooksLibraryConfig> hooks, Set<Path> sockets, List<HttpListenerConfig> listeners) {
        static final Committed EMPTY = new Committed(Map.of(), List.of(), List.of(), List.of(), Set.of(), List.of());
    }

    /** A prepared, checked, not yet committed configuration. */
    private record Prepared(Map<String, PreparedSection> sections, List<LoggerConfig> loggers, List<String> roots,
            List<HooksLibraryConfig> hooks, Set<Path> sockets, List<HttpListenerConfig> listeners, List<String> ignored) {
    }

    @Activate
    public ConfigManager(@Reference HooksComponent hooks, @Reference ControlChannel control,
            @Reference HttpControlChannel http) {
        this.hooks = hooks;
        this.control = control;
        this.http = http;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSection(ConfigSection section) {
        sections.put(section.name(), section);
    }

    public void removeSection(ConfigSection section) {
        sections.remove(section.name(), section);
    }

    /** The names of the sections some bundle handles now. */
    public Set<String> sectionNames() {
        return new TreeSet<>(sections.keySet());
    }

    /** The section some bundle handles for a top-level key, if any. */
    public Optional<ConfigSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** The {@code -p} override the launcher was given. */
    public void setServerPort(OptionalInt port) {
        this.serverPort = port;
    }

    /**
     * The daemon sections this process serves, as Kea's {@code kea-dhcp4} serves only {@code Dhcp4}: the elements of
     * the other daemons are ignored (and reported). Null, the default, serves every section a bundle handles.
     */
    public void setServedSections(Set<String> names) {
        this.served = names == null ? null : Set.copyOf(names);
    }

    // ------------------------------------------------------------------ ConfigService

    @Override
    public ConfigResult loadFile(Path path) {
        boolean initial = lastApplied == null;
        ConfigResult result = fromFile(path, initial ? ConfigTrigger.STARTUP : ConfigTrigger.COMMAND);
        if (result.success()) {
            this.file = path;
        }
        return result;
    }

    @Override
    public ConfigResult reload(ConfigTrigger trigger) {
        Path current = file;
        if (current == null) {
            return ConfigResult.failed("no configuration file to reload: the running configuration did not come from a file");
        }
        for (String name : runningSections()) {
            ConfigSection section = sections.get(name);
            if (section != null) {
                section.reconfigurationStarting(current.toString(), trigger);
            }
        }
        return fromFile(current, trigger);
    }

    private ConfigResult fromFile(Path path, ConfigTrigger trigger) {
        ConfigDocument document;
        try {
            document = ConfigDocument.read(path);
        } catch (ConfigException e) {
            if (e.location() == null) {
                LOG.log(CONFIG_OPEN_FAIL, path, e.reason());
            } else {
                LOG.log(CONFIG_JSON_PARSE, e.location(), e.reason());
            }
            return failed(e.getMessage(), path.toString(), trigger, Set.of());
        }
        return transact(document, trigger);
    }

    @Override
    public ConfigResult apply(JsonNode config, String origin) {
        return transact(ConfigDocument.of(origin, config), ConfigTrigger.COMMAND);
    }

    @Override
    public ConfigResult test(ConfigDocument config) {
        try {
            Prepared prepared = prepare(config, true);
            String problem = hooks.check(prepared.hooks());
            if (problem != null) {
                return ConfigResult.failed("hooks-libraries: " + problem);
            }
            String note = prepared.ignored().isEmpty() ? ""
                    : " Ignored elements of daemons this process does not serve: " + String.join(", ", prepared.ignored()) + ".";
            return ConfigResult.ok("Configuration seems sane. Control-socket, hook-libraries, and D2 configuration "
                    + "were sanity checked, but not applied." + note);
        } catch (ConfigException e) {
            return ConfigResult.failed(e.getMessage());
        }
    }

    /**
     * The running configuration as Kea prints it: each section's element as the section prints it
     * ({@link ConfigSection#printed}: the given values with the defaults of what they leave out).
     */
    @Override
    public JsonNode running() {
        JsonNode out = running.deepCopy();
        if (out instanceof com.fasterxml.jackson.databind.node.ObjectNode root) {
            for (String name : new ArrayList<>(iterable(root.fieldNames()))) {
                ConfigSection section = sections.get(name);
                if (section != null && root.get(name).isObject()) {
                    root.set(name, section.printed((com.fasterxml.jackson.databind.node.ObjectNode) root.get(name)));
                }
            }
        }
        return out;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Instant> lastApplied() {
        return Optional.ofNullable(lastApplied);
    }

    // ------------------------------------------------------------------ the transaction

    private synchronized ConfigResult transact(ConfigDocument document, ConfigTrigger trigger) {
        LOG.log(DCTL_CONFIG_START, document.origin());
        Set<String> involved = new LinkedHashSet<>(runningSections());
        if (document.json().isObject()) {
            document.json().fieldNames().forEachRemaining(involved::add);
        }
        Prepared prepared;
        try {
            prepared = prepare(document, false);
        } catch (ConfigException e) {
            return failed(e.getMessage(), document.origin(), trigger, involved);
        }
        HooksManagerImpl.Prepared libraries;
        try {
            libraries = hooks.prepare(prepared.hooks());
        } catch (LibraryRefusedException e) {
            return failed("hooks-libraries: " + e.getMessage(), document.origin(), trigger, involved);
        }
        try {
            commit(prepared, libraries);
        } catch (ConfigException e) {
            return failed(e.getMessage(), document.origin(), trigger, involved);
        }
        running = document.json().deepCopy();
        lastApplied = Instant.now();
        String summary = String.join(", ", prepared.sections().keySet());
        if (!prepared.hooks().isEmpty()) {
            summary += "; " + prepared.hooks().size() + " hooks librar" + (prepared.hooks().size() == 1 ? "y" : "ies");
        }
        LOG.log(DCTL_CONFIG_COMPLETE, summary);
        for (String name : prepared.sections().keySet()) {
            ConfigSection section = sections.get(name);
            if (section != null) {
                section.configApplied(document.origin(), trigger);
            }
        }
        return ConfigResult.ok("Configuration successful.");
    }

    private ConfigResult failed(String reason, String origin, ConfigTrigger trigger, Set<String> involved) {
        LOG.log(DCTL_CONFIG_LOAD_FAIL, KeaLogger.processRoot(), reason);
        for (String name : involved) {
            ConfigSection section = sections.get(name);
            if (section != null) {
                section.configFailed(origin, reason, trigger);
            }
        }
        return ConfigResult.failed(reason);
    }

    private Prepared prepare(ConfigDocument document, boolean testOnly) throws ConfigException {
        ConfigNode root = document.root().expectMap();
        ConfigContext context = new ConfigContext(document.origin(), testOnly, serverPort);
        Map<String, PreparedSection> prepared = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> entry : root.fields().entrySet()) {
            String name = entry.getKey();
            ConfigSection section = sections.get(name);
            Set<String> only = served;
            if (section != null && only != null && section.loggerRoot() != null && !only.contains(name)) {
                ignored.add(name);
                continue;
            }
            if (section == null) {
                if (OTHER_DAEMONS.contains(name)) {
                    ignored.add(name);
                    continue;
                }
                throw entry.getValue().error("unsupported top-level element '" + name + "' (handled here: "
                        + String.join(", ", sectionNames()) + ")");
            }
            prepared.put(name, section.prepare(entry.getValue(), context));
            if (section.loggerRoot() != null) {
                roots.add(section.loggerRoot());
            }
        }
        if (roots.isEmpty()) {
            List<String> servers = sections.values().stream().filter(s -> s.loggerRoot() != null)
                    .map(ConfigSection::name).sorted().toList();
            throw root.error("the configuration names no server: expected at least one of " + String.join(", ", servers));
        }
        List<LoggerConfig> loggers = new ArrayList<>();
        List<HooksLibraryConfig> libs = new ArrayList<>();
        Set<Path> sockets = new LinkedHashSet<>();
        List<HttpListenerConfig> listeners = new ArrayList<>();
        for (Map.Entry<String, PreparedSection> e : prepared.entrySet()) {
            PreparedSection section = e.getValue();
            loggers.addAll(section.loggers());
            for (HooksLibraryConfig lib : section.hooksLibraries()) {
                addLibrary(libs, lib, root.require(e.getKey()));
            }
            Optional<ControlSocketConfig> socket = section.controlSocket();
            if (socket.isPresent()) {
                // a check-only run (-t, config-test) may look at a file meant for another host, as Kea's -t does
                String problem = testOnly ? null : ControlChannel.problem(socket.get().path());
                if (problem != null) {
                    throw root.require(e.getKey()).error("control-socket " + socket.get().path() + ": " + problem);
                }
                sockets.add(socket.get().path().toAbsolutePath());
            }
            for (HttpListenerConfig listener : section.httpControlSockets()) {
                for (HttpListenerConfig other : listeners) {
                    if (other.endpoint().equals(listener.endpoint())) {
                        throw root.require(e.getKey()).error("HTTP control socket " + listener.endpoint()
                                + " is configured twice");
                    }
                }
                listeners.add(listener);
            }
        }
        String problem = LoggingManager.validate(loggers);
        if (problem != null) {
            throw new ConfigException("loggers", problem, document.origin());
        }
        return new Prepared(prepared, loggers, roots, libs, sockets, listeners, ignored);
    }

    /** Sections listing one library twice is fine when they agree on its parameters. */
    private static void addLibrary(List<HooksLibraryConfig> libs, HooksLibraryConfig lib, ConfigNode where)
            throws ConfigException {
        for (HooksLibraryConfig existing : libs) {
            if (existing.library().equals(lib.library())) {
                if (!existing.equals(lib)) {
                    throw where.error("hooks library " + lib.library() + " is listed twice with different parameters");
                }
                return;
            }
        }
        libs.add(lib);
    }

    /** Commits; the hooks libraries are swapped in first, so that the servers start with them. */
    private void commit(Prepared next, HooksManagerImpl.Prepared libraries) throws ConfigException {
        Committed previous = committed;
        hooks.manager().commit(libraries);
        LoggingManager.instance().apply(next.loggers(), next.roots());
        List<String> done = new ArrayList<>();
        try {
            for (Map.Entry<String, PreparedSection> e : next.sections().entrySet()) {
                e.getValue().commit();
                done.add(e.getKey());
            }
            control.configure(next.sockets());
            http.configure(next.listeners(), ServiceNames.of(next.sections().keySet()));
        } catch (ConfigException | IOException | RuntimeException e) {
            rollback(previous, done);
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException("", String.valueOf(e.getMessage()), null);
        }
        for (String old : previous.sections().keySet()) {
            if (!next.sections().containsKey(old)) {
                ConfigSection section = sections.get(old);
                if (section != null) {
                    section.shutdown();
                }
            }
        }
        committed = new Committed(Map.copyOf(next.sections()), next.loggers(), next.roots(), next.hooks(), next.sockets(),
                next.listeners());
    }

    /** Puts back what a failed commit changed (the previous hooks libraries are loaded again). */
    private void rollback(Committed previous, List<String> done) {
        for (String name : done) {
            PreparedSection before = previous.sections().get(name);
            try {
                if (before != null) {
                    before.commit();
                } else {
                    ConfigSection section = sections.get(name);
                    if (section != null) {
                        section.shutdown();
                    }
                }
            } catch (ConfigException e) {
                LOG.log(DCTL_CONFIG_LOAD_FAIL, KeaLogger.processRoot(), "rollback of " + name + ": " + e.getMessage());
            }
        }
        try {
            hooks.manager().commit(hooks.prepare(previous.hooks()));
        } catch (LibraryRefusedException e) {
            LOG.log(DCTL_CONFIG_LOAD_FAIL, KeaLogger.processRoot(), "rollback of hooks-libraries: " + e.getMessage());
        }
        try {
            control.configure(previous.sockets());
            http.configure(previous.listeners(), ServiceNames.of(previous.sections().keySet()));
        } catch (IOException e) {
            LOG.log(DCTL_CONFIG_LOAD_FAIL, KeaLogger.processRoot(), "rollback of control sockets: " + e.getMessage());
        }
        LoggingManager.instance().apply(previous.loggers(), previous.roots());
    }

    private Set<String> runningSections() {
        Set<String> names = new LinkedHashSet<>();
        running.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Writes the running configuration to a file (the {@code config-write} command). */
    public long write(Path target) throws IOException {
        byte[] bytes = org.kea4j.core.internal.control.Json.PRETTY.writeValueAsBytes(running());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes.length;
    }
}
