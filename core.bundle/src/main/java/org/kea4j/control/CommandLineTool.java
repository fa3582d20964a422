package org.kea4j.control;

import java.io.PrintStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tool of kea4j.jar, run instead of the server: {@code java -jar kea4j.jar NAME ARGUMENTS...}. Offered as a
 * service with the property {@value #NAME_PROPERTY}; for example {@code ctl} (the control socket client)
 * or {@code lfc} (lease file cleanup).
 */
@ConsumerType
public interface CommandLineTool {

    /** Service property: the tool's name on the command line. */
    String NAME_PROPERTY = "kea.tool";

    /** One line describing the arguments, for the usage text. */
    String usage();

    /**
     * Runs the tool.
     *
     * @return the process exit code
     */
    int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception;
}
