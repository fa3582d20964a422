package org.kea4j.core.internal.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.OptionalInt;

/**
 * The command line, in the spirit of Kea's daemons.
 *
 * @param config         {@code -c FILE}; null = the embedded default configuration
 * @param port           {@code -p PORT}
 * @param debug          {@code -d}
 * @param testFile       {@code -t FILE}; check and exit
 * @param version        {@code -v}
 * @param extended       {@code -V}
 * @param console        Gogo console on the terminal; false with {@code --no-console} or without a terminal
 * @param controlSocket  {@code --control-socket PATH}
 * @param hooksDir       {@code --hooks-dir DIR}
 * @param messages       {@code --messages FILE} (a local message file)
 * @param command        a tool instead of the server ({@code ctl}, ...) and its arguments
 * @param report         {@code -W}: print the build report and exit
 * @param serve          {@code --serve SECTION[,SECTION]}: the daemon sections served (null: all)
 */
record LauncherOptions(Path config, OptionalInt port, boolean debug, Path testFile, boolean version, boolean extended,
        boolean console, Path controlSocket, Path hooksDir, Path messages, List<String> command, boolean report,
        Set<String> serve) {

    static final String USAGE = """
            Usage: java -jar kea4j.jar [options]
                   java -jar kea4j.jar TOOL [ARGUMENTS...]   (tools: ctl SOCKET COMMAND [ARGUMENTS-JSON], ...)
              -c FILE              configuration file (default: the embedded default configuration)
              -p PORT              server port (instead of 67 / 547), for runs without root
              -d                   debug logging (DEBUG, level 99, on every logger)
              -t FILE              check a configuration file and exit (0 = valid)
              -T FILE              the same (Kea's full check: kea4j's -t loads the hook libraries too)
              -v, -V               print the version (-V: with details) and exit
              -W                   print the build report (versions of Java, the framework, every bundle) and exit
              --serve S[,S...]     serve only these daemon sections (Dhcp4, Dhcp6, DhcpDdns, Control-agent) of
                                   the file, ignoring the others (as Kea's kea-dhcp4 serves only Dhcp4)
              --no-console         no interactive Gogo shell (the default when stdin is not a terminal)
              --console            an interactive Gogo shell even when stdin is not a terminal
              --control-socket P   open a control socket for the whole process at path P
              --hooks-dir DIR      folder watched for hook bundles (default: ./hooks)
              --messages FILE      local message file (Kea .mes format) replacing message texts
            """;

    /** Thrown for a bad command line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static LauncherOptions parse(String[] args, boolean terminal) throws UsageException {
        Path config = null;
        OptionalInt port = OptionalInt.empty();
        boolean debug = false;
        Path testFile = null;
        boolean version = false;
        boolean extended = false;
        Boolean console = null;
        Path controlSocket = null;
        Path hooksDir = Path.of("hooks");
        Path messages = null;
        List<String> command = new ArrayList<>();
        boolean report = false;
        Set<String> serve = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-c" -> config = Path.of(value(args, ++i, a));
                case "-p" -> port = OptionalInt.of(port(value(args, ++i, a)));
                case "-d" -> debug = true;
                // Kea's -T ("full check") is -t here: kea4j's check already loads the hook libraries
                case "-t", "-T" -> testFile = Path.of(value(args, ++i, a));
                case "-v" -> version = true;
                case "-V" -> extended = true;
                case "-W" -> report = true;
                case "--serve" -> serve = Set.of(value(args, ++i, a).split(","));
                case "--no-console" -> console = false;
                case "--console" -> console = true;
                case "--control-socket" -> controlSocket = Path.of(value(args, ++i, a));
                case "--hooks-dir" -> hooksDir = Path.of(value(args, ++i, a));
                case "--messages" -> messages = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new UsageException("");
                default -> {
                    if (i != 0 || a.startsWith("-")) {
                        throw new UsageException(a.startsWith("-") ? "unknown option " + a : "unexpected argument " + a);
                    }
                    command.addAll(List.of(args).subList(i, args.length));
                    i = args.length;
                }
            }
        }
        return new LauncherOptions(config, port, debug, testFile, version, extended,
                console != null ? console : terminal, controlSocket, hooksDir, messages, List.copyOf(command), report,
                serve);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid port " + text + " (1-65535)");
        }
    }
}
