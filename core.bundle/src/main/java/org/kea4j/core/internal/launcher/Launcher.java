package org.kea4j.core.internal.launcher;

import static org.kea4j.core.internal.config.DctlMessages.DCTL_INIT_PROCESS;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_JIT_PRIORITY_FAIL;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_PROCESS_FAILED;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_RUN_PROCESS;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_STANDALONE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.control.CommandLineTool;
import org.kea4j.core.internal.config.ConfigManager;
import org.kea4j.core.internal.control.ControlChannel;
import org.kea4j.core.internal.hooks.HooksComponent;
import org.kea4j.core.internal.log.LocalMessageFile;
import org.kea4j.core.internal.log.LoggingManager;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDictionary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The main thread of kea4j.jar. The bnd launcher starts the framework, registers the command line as a
 * service and runs this component on the main thread; its return value is the exit code, and when it
 * returns the launcher stops every bundle in order.
 *
 * <p>Start levels: bundles start at level 20 or below; the hooks folder watcher (FileInstall) sits at 25 and
 * the Gogo console at 26, so that this class can set their properties from the command line first.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class Launcher implements Callable<Integer> {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("dctl");
    /** Framework start level at which the launcher finds every kea4j bundle started. */
    static final int BUNDLES_LEVEL = 20;
    /** The hooks folder watcher. */
    static final int HOOKS_WATCHER_LEVEL = 25;
    /** The interactive shell. */
    static final int CONSOLE_LEVEL = 26;
    /** The embedded default configuration (memfile, loopback, unprivileged port). */
    static final String DEFAULT_CONFIG = "/kea4j-default.json";
    /** Port of the embedded default configuration when {@code -p} is not given. */
    static final int DEFAULT_CONFIG_PORT = 1067;
    private static final long SECTION_WAIT_MILLIS = 15_000;

    private final BundleContext context;
    private final String[] args;
    private final ConfigManager config;
    private final ControlChannel control;
    private final HooksComponent hooks;
    private final ProcessControl process;
    private final Map<String, CommandLineTool> tools = new ConcurrentHashMap<>();

    @Activate
    public Launcher(BundleContext context,
            @Reference(service = Object.class, target = "(launcher.arguments=*)") ServiceReference<Object> launcher,
            @Reference ConfigManager config, @Reference ControlChannel control, @Reference HooksComponent hooks,
            @Reference ProcessControl process) {
        this.context = context;
        Object value = launcher.getProperty("launcher.arguments");
        this.args = value instanceof String[] a ? a : new String[0];
        this.config = config;
        this.control = control;
        this.hooks = hooks;
        this.process = process;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTool(CommandLineTool tool, Map<String, Object> properties) {
        tools.put(String.valueOf(properties.get(CommandLineTool.NAME_PROPERTY)), tool);
    }

    void removeTool(CommandLineTool tool, Map<String, Object> properties) {
        tools.remove(String.valueOf(properties.get(CommandLineTool.NAME_PROPERTY)), tool);
    }

    @Override
    public Integer call() throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.console() != null);
        } catch (LauncherOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("kea4j: " + e.getMessage());
            }
            System.err.print(LauncherOptions.USAGE);
            return e.getMessage().isEmpty() ? 0 : 1;
        }
        if (options.version() || options.extended()) {
            System.out.println(options.extended() ? process.extendedVersion() : process.version());
            return 0;
        }
        awaitStartLevel(BUNDLES_LEVEL);
        if (options.report()) {
            System.out.println(ServiceCommands.buildReport(process, context));
            return 0;
        }
        config.setServedSections(options.serve());
        if (!options.command().isEmpty()) {
            return runTool(options.command());
        }
        if (options.messages() != null && LocalMessageFile.apply(options.messages(), MessageDictionary.global()) != null) {
            LOG.log(DCTL_PROCESS_FAILED, KeaLogger.processRoot(), "bad local message file " + options.messages());
            return 1;
        }
        if (options.debug()) {
            LoggingManager.instance().setDebugAll(true);
        }
        config.setServerPort(options.port().isPresent() || options.config() != null ? options.port()
                : java.util.OptionalInt.of(DEFAULT_CONFIG_PORT));
        if (options.testFile() != null) {
            return test(options.testFile());
        }
        return serve(options);
    }

    private int runTool(List<String> command) throws Exception {
        String name = command.get(0);
        CommandLineTool tool = awaitTool(name);
        if (tool == null) {
            System.err.println("kea4j: unknown tool '" + name + "' (tools: " + String.join(", ", tools.keySet()) + ")");
            System.err.print(LauncherOptions.USAGE);
            return 1;
        }
        LoggingManager.instance().setDefaultOutput("stderr");
        List<String> rest = command.subList(1, command.size());
        return tool.run(rest, System.out, System.err);
    }

    private CommandLineTool awaitTool(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            CommandLineTool tool = tools.get(name);
            if (tool != null) {
                return tool;
            }
            Thread.sleep(20);
        }
        return tools.get(name);
    }

    private int test(Path file) throws InterruptedException {
        ConfigDocument document;
        try {
            document = ConfigDocument.read(file);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        awaitSections(document);
        ConfigResult result = config.test(document);
        (result.success() ? System.out : System.err).println(result.text());
        return result.success() ? 0 : 1;
    }

    private int serve(LauncherOptions options) throws Exception {
        LOG.log(DCTL_INIT_PROCESS, "kea4j");
        LOG.log(DCTL_STANDALONE, "kea4j");
        process.ownedByLauncher();
        // handlers first: a SIGTERM / SIGINT during the initial configuration still ends the process cleanly
        Signals.install(() -> process.requestShutdown(0), () -> config.reload(ConfigTrigger.SIGNAL));
        startHooksWatcher(options.hooksDir(), options.console());

        Path file = options.config() != null ? options.config() : defaultConfig();
        ConfigDocument document;
        try {
            document = ConfigDocument.read(file);
        } catch (ConfigException e) {
            LOG.log(DCTL_PROCESS_FAILED, "kea4j", e.getMessage());
            return 1;
        }
        awaitSections(document);
        List<PidFile> pidFiles = new ArrayList<>();
        try {
            if (!claimPidFiles(file, document, pidFiles)) {
                return 1;
            }
            ConfigResult result = config.loadFile(file);
            if (!result.success()) {
                LOG.log(DCTL_PROCESS_FAILED, "kea4j", result.text());
                return 1;
            }
            if (options.controlSocket() != null) {
                try {
                    control.addProcessSocket(options.controlSocket());
                } catch (IOException e) {
                    LOG.log(DCTL_PROCESS_FAILED, "kea4j", e.getMessage());
                    return 1;
                }
            }
            restoreCompilerPriority();
            LOG.log(DCTL_RUN_PROCESS, "kea4j");
            return process.awaitExit();
        } finally {
            pidFiles.forEach(PidFile::release);
        }
    }

    /**
     * The servers listen: the JIT's optimising compiler threads get back the priority the launcher lowered for the
     * start (in the background: {@code renice} is a process of its own).
     */
    private static void restoreCompilerPriority() {
        Thread restore = new Thread(() -> {
            String failed = CompilerPriority.restore();
            if (failed != null) {
                LOG.log(DCTL_JIT_PRIORITY_FAIL, failed);
            }
        }, "kea4j-jit-priority");
        restore.setDaemon(true);
        restore.start();
    }

    /**
     * Claims the PID file of each daemon the document configures, as Kea does at start; false (after the
     * daemon's own message, such as {@code DHCP4_ALREADY_RUNNING}) when another live process holds one.
     */
    private boolean claimPidFiles(Path file, ConfigDocument document, List<PidFile> claimed) {
        Path dir = PidFile.dir();
        for (String name : sectionNames(document)) {
            ConfigSection section = config.section(name).orElse(null);
            if (section == null || section.loggerRoot() == null) {
                continue;
            }
            try {
                claimed.add(PidFile.claim(PidFile.path(dir, file, section.loggerRoot())));
            } catch (PidFile.HeldException e) {
                System.err.println(section.loggerRoot() + " already running? " + e.getMessage());
                section.alreadyRunning(e.getMessage());
                return false;
            } catch (IOException e) {
                LOG.log(DCTL_PROCESS_FAILED, "kea4j", "cannot write the PID file: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Sets the hooks folder, then lets FileInstall (and, with a terminal, the console) start. */
    private void startHooksWatcher(Path dir, boolean console) throws IOException, InterruptedException {
        Path absolute = dir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        hooks.setHooksDir(absolute);
        System.setProperty("felix.fileinstall.dir", absolute.toString());
        System.setProperty("gosh.args", console ? "--noshutdown" : "--nointeractive");
        raiseStartLevel(console ? CONSOLE_LEVEL : HOOKS_WATCHER_LEVEL);
    }

    /** The embedded default configuration, copied to a file so that config-reload and config-write work. */
    private Path defaultConfig() throws IOException {
        Path dir = Files.createDirectories(Path.of("kea4j-data"));
        Path target = dir.resolve("kea4j-default.json");
        try (InputStream in = Launcher.class.getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new IOException("the embedded default configuration is missing from the jar");
            }
            Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return target;
    }

    /** The top-level elements of a document that kea4j serves (not Netconf). */
    private static List<String> sectionNames(ConfigDocument document) {
        List<String> names = new ArrayList<>();
        if (document.json().isObject()) {
            document.json().fieldNames().forEachRemaining(names::add);
        }
        names.remove("Netconf");
        return names;
    }

    /** Waits (bounded) until a bundle handles every top-level element of the document. */
    private void awaitSections(ConfigDocument document) throws InterruptedException {
        if (!document.json().isObject()) {
            return;
        }
        List<String> names = sectionNames(document);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SECTION_WAIT_MILLIS);
        while (System.nanoTime() < deadline && !config.sectionNames().containsAll(names)) {
            Thread.sleep(20);
        }
    }

    private void awaitStartLevel(int level) throws InterruptedException {
        FrameworkStartLevel fsl = context.getBundle(0).adapt(FrameworkStartLevel.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fsl.getStartLevel() < level && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void raiseStartLevel(int level) throws InterruptedException {
        FrameworkStartLevel fsl = context.getBundle(0).adapt(FrameworkStartLevel.class);
        if (fsl.getStartLevel() >= level) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        fsl.setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED || event.getType() == FrameworkEvent.ERROR) {
                reached.countDown();
            }
        });
        reached.await(30, TimeUnit.SECONDS);
    }
}
