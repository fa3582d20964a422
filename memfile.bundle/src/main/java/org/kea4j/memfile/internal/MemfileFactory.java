package org.kea4j.memfile.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrFactory;
import org.osgi.service.component.annotations.Component;

/** {@code "lease-database": {"type": "memfile", ...}}. */
@Component(property = LeaseMgrFactory.TYPE_PROPERTY + "=memfile")
public final class MemfileFactory implements LeaseMgrFactory {

    /** System property: where lease files go when {@code name} is not given. */
    public static final String DATA_DIR_PROPERTY = "kea4j.data-dir";

    /** The memfile settings an access string gives. */
    static MemfileLeaseMgr.Settings settings(DbAccess access, int universe) {
        Path dataDir = Path.of(System.getProperty(DATA_DIR_PROPERTY, "kea4j-data"));
        Path file = access.get("name").map(Path::of)
                .orElse(dataDir.resolve(universe == 4 ? "kea-leases4.csv" : "kea-leases6.csv"));
        return new MemfileLeaseMgr.Settings(access.getBoolean("persist", true), file,
                access.getLong("lfc-interval", 0), access.getLong("max-row-errors", 0));
    }

    @Override
    public void validate(DbAccess access, int universe) throws ConfigException {
        MemfileLeaseMgr.Settings settings = settings(access, universe);
        if (!settings.persist() || access.get("name").isEmpty()) {
            return; // the data directory is created when the database opens
        }
        Path dir = settings.file().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConfigException("lease-database", "lease file directory " + dir + " does not exist", null);
        }
        if (Files.isDirectory(settings.file())) {
            throw new ConfigException("lease-database", "lease file " + settings.file() + " is a directory", null);
        }
    }

    @Override
    public LeaseMgr open(DbAccess access, int universe) throws ConfigException {
        validate(access, universe);
        MemfileLeaseMgr.Settings settings = settings(access, universe);
        try {
            if (settings.persist() && access.get("name").isEmpty()) {
                Files.createDirectories(settings.file().toAbsolutePath().getParent());
            }
            return MemfileLeaseMgr.open(universe, settings);
        } catch (IOException e) {
            throw new ConfigException("lease-database", e.getMessage(), null);
        }
    }
}
