package org.kea4j.sql.internal;

import org.kea4j.control.CommandLineTool;
import org.osgi.service.component.annotations.Component;

/** {@code kea4j.jar db-upgrade}: see {@link DbAdminTool}. */
@Component(service = CommandLineTool.class, property = CommandLineTool.NAME_PROPERTY + "=db-upgrade")
public final class DbUpgradeTool extends DbAdminTool {

    public DbUpgradeTool() {
        super("db-upgrade");
    }
}
