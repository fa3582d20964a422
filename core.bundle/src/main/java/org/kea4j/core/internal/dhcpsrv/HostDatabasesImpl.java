package org.kea4j.core.internal.dhcpsrv;

import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_UNKNOWN_DB;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.HostDatabases;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.log.MessageFormatter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Host reservation back ends by type. */
@Component(service = HostDatabases.class)
public final class HostDatabasesImpl implements HostDatabases {

    private final Map<String, Factory> factories = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFactory(Factory factory, Map<String, Object> properties) {
        factories.put(String.valueOf(properties.get(Factory.TYPE_PROPERTY)), factory);
    }

    public void removeFactory(Factory factory, Map<String, Object> properties) {
        factories.remove(String.valueOf(properties.get(Factory.TYPE_PROPERTY)), factory);
    }

    @Override
    public HostDataSource open(DbAccess access, int universe) throws ConfigException {
        Factory factory = factories.get(access.type());
        if (factory == null) {
            throw new ConfigException("hosts-database/type", MessageFormatter.line(DHCPSRV_UNKNOWN_DB, access.type())
                    + " (host back ends present: " + String.join(", ", new TreeSet<>(factories.keySet())) + ")", null);
        }
        return factory.open(access, universe);
    }
}
