package org.kea4j.core.internal.dhcpsrv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Kea's {@code leases-reclaim} ({@code {"remove": bool}}): every server of the process reclaims its expired leases now. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=leases-reclaim")
public final class LeasesReclaimCommand implements CommandHandler {

    private final List<ExpiredLeaseReclaimer> servers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addServer(ExpiredLeaseReclaimer server) {
        servers.add(server);
    }

    void removeServer(ExpiredLeaseReclaimer server) {
        servers.remove(server);
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        JsonNode remove = arguments == null ? null : arguments.get("remove");
        if (remove == null) {
            return Answer.error("Missing mandatory 'remove' parameter.");
        }
        if (!remove.isBoolean()) {
            return Answer.error("'remove' parameter expected to be a boolean.");
        }
        try {
            for (ExpiredLeaseReclaimer server : servers) {
                server.reclaimExpired(remove.booleanValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.error("Reclamation of expired leases was interrupted.");
        } catch (Exception e) {
            return Answer.error("Reclamation of expired leases failed: " + (e.getCause() != null ? e.getCause() : e)
                    .getMessage());
        }
        return Answer.success("Reclamation of expired leases is complete.");
    }
}
