package org.kea4j.memfile.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;

/**
 * The child process of the crash tests.
 *
 * <ul>
 * <li>{@code add FILE THREADS FIRST}: adds leases from several threads forever, printing {@code ACK address}
 * after each add returned; the test kills it with SIGKILL at a random moment.</li>
 * <li>{@code cleanup FILE}: runs one Lease File Cleanup; the test makes it halt at a fault point.</li>
 * </ul>
 */
public final class CrashTarget {

    private CrashTarget() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
        if (args[0].equals("cleanup")) {
            System.out.println("RESULT " + mgr.cleanup());
            mgr.close();
            return;
        }
        int threads = Integer.parseInt(args[2]);
        long first = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        System.out.println("READY");
        for (int t = 0; t < threads; t++) {
            long base = first + t * 1_000_000L;
            Thread thread = new Thread(() -> {
                for (long i = 0;; i++) {
                    long address = base + i;
                    Lease4 lease = Lease4.builder(address).hwaddr(HWAddr.ethernet(new byte[] {0, 1, (byte) (address >> 24),
                        (byte) (address >> 16), (byte) (address >> 8), (byte) address})).validLifetime(3600)
                        .cltt(1_700_000_000L).subnetId(1).hostname("crash-" + address).build();
                    if (mgr.addLease(lease)) {
                        synchronized (out) {
                            out.println("ACK " + address);
                        }
                    }
                }
            });
            thread.setDaemon(false);
            thread.start();
        }
    }
}
