package org.kea4j.memfile.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.kea4j.control.CommandLineTool;
import org.osgi.service.component.annotations.Component;

/**
 * {@code lfc -4|-6 -x PREVIOUS -i COPY -o OUTPUT -f FINISH -p PIDFILE [-c CONFIG] [-d]}: Lease File Cleanup
 * out of the server's process, with kea-lfc's arguments. Exit code 0 when the files were cleaned up.
 */
@Component(property = CommandLineTool.NAME_PROPERTY + "=lfc")
public final class LfcTool implements CommandLineTool {

    @Override
    public String usage() {
        return "lfc -4|-6 -x PREVIOUS -i COPY -o OUTPUT -f FINISH -p PIDFILE [-c CONFIG]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int universe = 0;
        String previous = null;
        String copy = null;
        String output = null;
        String finish = null;
        String pid = null;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "-4" -> universe = 4;
                case "-6" -> universe = 6;
                case "-d" -> { }
                case "-x", "-i", "-o", "-f", "-p", "-c" -> {
                    if (i + 1 >= arguments.size()) {
                        err.println("lfc: option " + a + " needs a value");
                        return 1;
                    }
                    String value = arguments.get(++i);
                    switch (a) {
                        case "-x" -> previous = value;
                        case "-i" -> copy = value;
                        case "-o" -> output = value;
                        case "-f" -> finish = value;
                        case "-p" -> pid = value;
                        default -> { }
                    }
                }
                default -> {
                    err.println("lfc: unknown argument " + a + "\nusage: " + usage());
                    return 1;
                }
            }
        }
        if (universe == 0 || previous == null || copy == null || output == null || finish == null || pid == null) {
            err.println("usage: " + usage());
            return 1;
        }
        LfcFiles files = new LfcFiles(null, Path.of(copy), Path.of(previous), Path.of(output), Path.of(finish), Path.of(pid));
        return LeaseFileCleanup.run(universe, files) == LeaseFileCleanup.Result.DONE ? 0 : 1;
    }
}
