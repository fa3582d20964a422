package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * The host databases a server's running configuration has open: a new configuration opens its own set, hands it
 * to its reservations, and only then are those of the previous configuration closed.
 */
public final class OpenHostDatabases {

    private final HostDatabases databases;
    private final int universe;
    private List<HostDataSource> open = List.of();

    public OpenHostDatabases(HostDatabases databases, int universe) {
        this.databases = databases;
        this.universe = universe;
    }

    /**
     * Opens the databases of a configuration, gives them to {@code attach}, then closes the previous ones.
     *
     * @throws ConfigException when one cannot be opened: those opened are closed, the previous stay open
     */
    public synchronized void replace(List<DbAccess> configured, Consumer<List<HostDataSource>> attach)
            throws ConfigException {
        List<HostDataSource> opened = new ArrayList<>();
        try {
            for (DbAccess access : configured) {
                opened.add(databases.open(access, universe));
            }
        } catch (ConfigException | RuntimeException e) {
            opened.forEach(HostDataSource::close);
            throw e;
        }
        attach.accept(List.copyOf(opened));
        List<HostDataSource> previous = open;
        open = List.copyOf(opened);
        previous.forEach(HostDataSource::close);
    }

    /** Closes the open databases (the server stops). */
    public synchronized void close() {
        List<HostDataSource> previous = open;
        open = List.of();
        previous.forEach(HostDataSource::close);
    }
}
