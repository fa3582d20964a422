package org.kea4j.sql.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kea4j.control.CommandLineTool;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * {@code db-init|db-version|db-upgrade pgsql|mysql [-h HOST] [-P PORT] [-u USER] [-p PASSWORD] -n NAME}: the
 * schema commands of {@code kea-admin}, with its options. Exit code 0 on success; the version is printed.
 */
abstract class DbAdminTool implements CommandLineTool {

    private final String command;

    DbAdminTool(String command) {
        this.command = command;
    }

    @Override
    public String usage() {
        return command + " pgsql|mysql [-h HOST] [-P PORT] [-u USER] [-p PASSWORD] -n NAME";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("usage: " + usage());
            return 1;
        }
        SqlEngine engine;
        try {
            engine = SqlEngine.of(arguments.get(0));
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < arguments.size(); i++) {
            String option = arguments.get(i);
            String key = switch (option) {
                case "-h", "--host" -> "host";
                case "-P", "--port" -> "port";
                case "-u", "--user" -> "user";
                case "-p", "--password" -> "password";
                case "-n", "--name" -> "name";
                default -> null;
            };
            if (key == null || i + 1 >= arguments.size()) {
                err.println(command + ": " + (key == null ? "unknown option " : "option needs a value: ") + option
                        + "\nusage: " + usage());
                return 1;
            }
            params.put(key, arguments.get(++i));
        }
        if (!params.containsKey("name")) {
            err.println(command + ": the database name (-n) is required\nusage: " + usage());
            return 1;
        }
        params.putIfAbsent("connect-timeout", "5");
        DbAccess access = new DbAccess(engine.type(), params);
        try {
            String version = switch (command) {
                case "db-init" -> SchemaTool.init(engine, access);
                case "db-upgrade" -> SchemaTool.upgrade(engine, access);
                default -> SchemaTool.version(engine, access);
            };
            out.println(version);
            return 0;
        } catch (Exception e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        }
    }
}
