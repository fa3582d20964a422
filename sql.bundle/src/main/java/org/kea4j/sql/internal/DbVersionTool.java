package org.kea4j.sql.internal;

import org.kea4j.control.CommandLineTool;
import org.osgi.service.component.annotations.Component;

/** {@code kea4j.jar db-version}: see {@link DbAdminTool}. */
@Component(service = CommandLineTool.class, property = CommandLineTool.NAME_PROPERTY + "=db-version")
public final class DbVersionTool extends DbAdminTool {

    public DbVersionTool() {
        super("db-version");
    }
}
