package org.kea4j.sql.internal;

import org.kea4j.control.CommandLineTool;
import org.osgi.service.component.annotations.Component;

/** {@code kea4j.jar db-init}: see {@link DbAdminTool}. */
@Component(service = CommandLineTool.class, property = CommandLineTool.NAME_PROPERTY + "=db-init")
public final class DbInitTool extends DbAdminTool {

    public DbInitTool() {
        super("db-init");
    }
}
