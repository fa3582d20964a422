package org.kea4j.memfile.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrContractTest;

/** The lease database contract, for memfile with lease files. */
class MemfileLeaseMgrTest extends LeaseMgrContractTest {

    @TempDir
    Path dir;

    private MemfileLeaseMgr.Settings settings(int universe) {
        return new MemfileLeaseMgr.Settings(true, dir.resolve("kea-leases" + universe + ".csv"), 0, 0);
    }

    @Override
    protected LeaseMgr openEmpty(int universe) throws Exception {
        return MemfileLeaseMgr.open(universe, settings(universe));
    }

    @Override
    protected LeaseMgr reopen(int universe) throws Exception {
        return MemfileLeaseMgr.open(universe, settings(universe));
    }
}
