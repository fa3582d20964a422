package org.kea4j.core.internal.dhcpsrv;

import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_CLOSE_DB;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_UNKNOWN_DB;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrFactory;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageFormatter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Lease back ends by type, and the database each universe's server uses now. */
@Component(service = LeaseDatabases.class)
public final class LeaseDatabasesImpl implements LeaseDatabases {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("dhcpsrv");

    private final Map<String, LeaseMgrFactory> factories = new ConcurrentHashMap<>();
    /** Kept as leases change through the databases opened here (wrapped by {@link #open}). */
    @Reference
    private org.kea4j.stats.Statistics statistics;
    /** Ends the process when a back end gives up on its database under an exiting {@code on-fail}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    private volatile org.kea4j.core.internal.launcher.ProcessControl process;
    private final Map<Integer, LeaseMgr> current = new ConcurrentHashMap<>();
    private final Map<Integer, Subnets> subnets = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFactory(LeaseMgrFactory factory, Map<String, Object> properties) {
        factories.put(String.valueOf(properties.get(LeaseMgrFactory.TYPE_PROPERTY)), factory);
    }

    public void removeFactory(LeaseMgrFactory factory, Map<String, Object> properties) {
        factories.remove(String.valueOf(properties.get(LeaseMgrFactory.TYPE_PROPERTY)), factory);
    }

    @Override
    public Set<String> types() {
        return new TreeSet<>(factories.keySet());
    }

    private LeaseMgrFactory factory(DbAccess access) throws ConfigException {
        LeaseMgrFactory factory = factories.get(access.type());
        if (factory == null) {
            LOG.log(DHCPSRV_UNKNOWN_DB, access.type());
            throw new ConfigException("lease-database/type", MessageFormatter.line(DHCPSRV_UNKNOWN_DB, access.type())
                    + " (back ends present: " + String.join(", ", types()) + ")", null);
        }
        return factory;
    }

    @Override
    public void validate(DbAccess access, int universe) throws ConfigException {
        factory(access).validate(access, universe);
    }

    @Override
    public LeaseMgr open(DbAccess access, int universe) throws ConfigException {
        LeaseMgr manager = factory(access).open(access, universe);
        manager.onFatal(() -> {
            org.kea4j.core.internal.launcher.ProcessControl control = process;
            if (control != null) {
                control.requestShutdown(1);
            }
        });
        return org.kea4j.dhcpsrv.leasemgr.LeaseStatistics.counting(manager, statistics);
    }

    @Override
    public LeaseMgr openDetached(DbAccess access, int universe) throws ConfigException {
        return org.kea4j.dhcpsrv.leasemgr.LeaseStatistics.counting(factory(access).open(access, universe),
                new org.kea4j.stats.StatisticsRegistry());
    }

    @Override
    public Optional<LeaseMgr> current(int universe) {
        return Optional.ofNullable(current.get(universe));
    }

    @Override
    public LeaseMgr setCurrent(int universe, LeaseMgr manager) {
        return manager == null ? current.remove(universe) : current.put(universe, manager);
    }

    @Override
    public void setSubnets(int universe, Subnets view) {
        if (view == null) {
            subnets.remove(universe);
        } else {
            subnets.put(universe, view);
        }
    }

    @Override
    public Optional<Subnets> subnets(int universe) {
        return Optional.ofNullable(subnets.get(universe));
    }

    @Override
    public void close(LeaseMgr manager) {
        if (manager != null) {
            LOG.log(DHCPSRV_CLOSE_DB, manager.type());
            manager.close();
        }
    }
}
