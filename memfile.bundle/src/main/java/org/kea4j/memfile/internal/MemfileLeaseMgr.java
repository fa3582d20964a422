package org.kea4j.memfile.internal;

import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_ADD_ADDR4;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_ADD_ADDR6;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_COMMIT;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_DB;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_DELETE_ADDR;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_ADDR4;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_ADDR6;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_CLIENTID;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_CLIENTID_HWADDR_SUBID;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_HWADDR;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_IAID_DUID;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_IAID_SUBID_DUID;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_SUBID_CLIENTID;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_GET_SUBID_HWADDR;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_EXECUTE;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_LEASE_FILE_RENAME_FAIL;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_LEASE_FILE_REOPEN_FAIL;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_SETUP;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_SPAWN_FAIL;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LFC_START;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_NEEDS_UPGRADING;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_NO_STORAGE;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_ROLLBACK;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_UPDATE_ADDR4;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_UPDATE_ADDR6;

import java.io.IOException;
import java.io.Writer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseCount;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import org.kea4j.log.KeaLogger;

/**
 * The memfile lease database: every lease in memory, every change appended to a Kea-format CSV file
 * before it returns, Lease File Cleanup in the background.
 */
public final class MemfileLeaseMgr implements LeaseMgr {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("leases");

    private final int universe;
    private final Settings settings;
    /**
     * Guards both stores: a monitor, not a read-write lock. The packet path's lookups are a few microseconds, so
     * shared reads gain little, and a monitor's contended path runs in the VM: a {@code ReentrantReadWriteLock}'s is
     * Java code that the optimising compiler leaves out of the packet path until the first contention (the
     * reclamation timer's read beside a lease write), which then sent the inlined lease path back to the interpreter
     * and through the compiler again, milliseconds of the server's core in the middle of serving.
     */
    private final Object lock = new Object();
    private final Lease4Store leases4 = new Lease4Store();
    private final Lease6Store leases6 = new Lease6Store();
    private LeaseFile file;
    private ScheduledExecutorService lfcTimer;
    private ScheduledFuture<?> lfcTask;
    private volatile boolean closed;

    /**
     * The memfile parameters of {@code lease-database}.
     *
     * @param persist     write leases to the file
     * @param file        the lease file
     * @param lfcInterval seconds between cleanups (0 = none)
     * @param maxRowErrors refuse a file with more bad rows than this (0 = no limit)
     */
    public record Settings(boolean persist, Path file, long lfcInterval, long maxRowErrors) {
    }

    private MemfileLeaseMgr(int universe, Settings settings) {
        this.universe = universe;
        this.settings = settings;
    }

    /** Opens the database: loads the lease files and opens the current one for appending. */
    public static MemfileLeaseMgr open(int universe, Settings settings) throws IOException {
        MemfileLeaseMgr mgr = new MemfileLeaseMgr(universe, settings);
        LOG.log(DHCPSRV_MEMFILE_DB, mgr.accessString());
        if (!settings.persist()) {
            LOG.log(DHCPSRV_MEMFILE_NO_STORAGE);
            return mgr;
        }
        mgr.loadFiles();
        if (settings.lfcInterval() > 0) {
            mgr.scheduleCleanup();
        }
        return mgr;
    }

    String accessString() {
        return "type=memfile universe=" + universe + " persist=" + settings.persist()
                + (settings.persist() ? " name=" + settings.file() : "") + " lfc-interval=" + settings.lfcInterval();
    }

    // ------------------------------------------------------------------ loading

    private void loadFiles() throws IOException {
        if (universe == 4) {
            loadFiles(new Lease4Codec(), leases4);
        } else {
            loadFiles(new Lease6Codec(), leases6);
        }
    }

    private <L> void loadFiles(LeaseCodec<L> codec, LeaseStore<L> store) throws IOException {
        LfcFiles files = LfcFiles.of(settings.file());
        Path dir = settings.file().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("lease file directory " + dir + " does not exist");
        }
        if (LeaseFileCleanup.livePid(files.pid()).isPresent()) {
            throw new IOException("lease file cleanup in progress (" + files.pid() + ")");
        }
        List<Path> inputs = Files.exists(files.finish()) ? List.of(files.finish()) : List.of(files.previous(), files.copy());
        long bytes = 0;
        for (Path input : List.of(files.finish(), files.previous(), files.copy(), settings.file())) {
            bytes += Files.isRegularFile(input) ? Files.size(input) : 0;
        }
        store.ensureCapacity((int) Math.min(Integer.MAX_VALUE / 2, bytes / (universe == 4 ? 60 : 120)));
        for (Path input : inputs) {
            if (Files.exists(input)) {
                LeaseFileLoader.load(input, codec, store, settings.maxRowErrors(), LOG);
            }
        }
        boolean upgrade = false;
        if (Files.exists(settings.file())) {
            if (Files.isDirectory(settings.file())) {
                throw new IOException("lease file " + settings.file() + " is a directory");
            }
            LeaseFileLoader.Stats stats = LeaseFileLoader.load(settings.file(), codec, store, settings.maxRowErrors(), LOG);
            if (stats.old()) {
                LOG.log(DHCPSRV_MEMFILE_NEEDS_UPGRADING, stats.columns() + " columns",
                        codec.header().split(",").length + " columns");
                upgrade = true;
            }
        }
        if (upgrade) {
            rewrite(codec, store, files);
        }
        file = LeaseFile.open(settings.file(), codec.header());
    }

    /**
     * Upgrades an old-format file: writes the whole state in the current format and puts it in place of
     * F; the older files are then redundant. A crash at any point leaves files that load to the same state.
     */
    private <L> void rewrite(LeaseCodec<L> codec, LeaseStore<L> store, LfcFiles files) throws IOException {
        Path tmp = Path.of(settings.file() + ".upgrade");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); Writer out = java.nio.channels.Channels.newWriter(channel,
                        StandardCharsets.UTF_8)) {
            out.write(codec.header());
            out.write('\n');
            List<L> all = new ArrayList<>(store.size());
            store.forEach(all::add);
            for (L lease : all) {
                out.write(codec.format(lease));
            }
            out.flush();
            channel.force(true);
        }
        Files.move(tmp, settings.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(files.finish());
        Files.deleteIfExists(files.copy());
        Files.deleteIfExists(files.previous());
    }

    // ------------------------------------------------------------------ Lease File Cleanup

    private void scheduleCleanup() {
        LOG.log(DHCPSRV_MEMFILE_LFC_SETUP, settings.lfcInterval());
        lfcTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kea-lfc-" + settings.file().getFileName());
            t.setDaemon(true);
            return t;
        });
        lfcTask = lfcTimer.scheduleWithFixedDelay(this::cleanup, settings.lfcInterval(), settings.lfcInterval(),
                TimeUnit.SECONDS);
    }

    /** One Lease File Cleanup: rotate the current file (unless a previous run left work), then compact. */
    public LeaseFileCleanup.Result cleanup() {
        if (closed || file == null) {
            return LeaseFileCleanup.Result.FAILED;
        }
        LOG.log(DHCPSRV_MEMFILE_LFC_START);
        LfcFiles files = LfcFiles.of(settings.file());
        if (!Files.exists(files.finish()) && !Files.exists(files.copy())) {
            try {
                file.rotate(files.copy());
            } catch (LeaseFile.ReopenException e) {
                LOG.log(DHCPSRV_MEMFILE_LFC_LEASE_FILE_REOPEN_FAIL, settings.file(), e.getMessage());
            } catch (IOException e) {
                LOG.log(DHCPSRV_MEMFILE_LFC_LEASE_FILE_RENAME_FAIL, settings.file(), files.copy(), e.getMessage());
                return LeaseFileCleanup.Result.FAILED;
            }
        }
        String external = System.getenv("KEA_LFC_EXECUTABLE");
        List<String> arguments = List.of("-" + universe, "-x", files.previous().toString(), "-i", files.copy().toString(),
                "-o", files.output().toString(), "-f", files.finish().toString(), "-p", files.pid().toString());
        if (external != null && !external.isBlank()) {
            List<String> command = new ArrayList<>();
            command.add(external);
            command.addAll(arguments);
            command.addAll(List.of("-c", "ignored-path"));
            LOG.log(DHCPSRV_MEMFILE_LFC_EXECUTE, String.join(" ", command));
            try {
                new ProcessBuilder(command).inheritIO().start();
                return LeaseFileCleanup.Result.DONE;
            } catch (IOException e) {
                LOG.log(DHCPSRV_MEMFILE_LFC_SPAWN_FAIL);
                return LeaseFileCleanup.Result.FAILED;
            }
        }
        LOG.log(DHCPSRV_MEMFILE_LFC_EXECUTE, "kea4j lfc " + String.join(" ", arguments));
        return LeaseFileCleanup.run(universe, files);
    }

    // ------------------------------------------------------------------ writing

    /** Enqueues a change's row (call it under the lock, where the change is applied); wait for the write outside it. */
    private long persist(String row) {
        return file == null ? 0 : file.enqueue(row);
    }

    private void await(long sequence) {
        if (sequence == 0) {
            return;
        }
        try {
            file.await(sequence);
        } catch (IOException e) {
            throw new LeaseMgrException("lease not persisted: " + e.getMessage(), e);
        }
    }

    private void requireUniverse(int wanted) {
        if (universe != wanted) {
            throw new UnsupportedOperationException("this lease database holds IPv" + universe + " leases");
        }
    }

    // ------------------------------------------------------------------ IPv4

    @Override
    public boolean addLease(Lease4 lease) {
        requireUniverse(4);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_ADD_ADDR4)) {
            LOG.log(DHCPSRV_MEMFILE_ADD_ADDR4, lease.address().getHostAddress());
        }
        long sequence;
        synchronized (lock) {
            if (leases4.get(lease.addressValue()) != null) {
                return false;
            }
            leases4.put(lease);
            sequence = persist(new Lease4Codec().format(lease));
        }
        await(sequence);
        return true;
    }

    @Override
    public void updateLease4(Lease4 lease) {
        requireUniverse(4);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_UPDATE_ADDR4)) {
            LOG.log(DHCPSRV_MEMFILE_UPDATE_ADDR4, lease.address().getHostAddress());
        }
        long sequence;
        synchronized (lock) {
            if (leases4.get(lease.addressValue()) == null) {
                throw new NoSuchLeaseException("failed to update the lease with address " + lease.address().getHostAddress()
                        + " - no such lease");
            }
            leases4.put(lease);
            sequence = persist(new Lease4Codec().format(lease));
        }
        await(sequence);
    }

    @Override
    public boolean deleteLease4(Inet4Address address) {
        requireUniverse(4);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_DELETE_ADDR)) {
            LOG.log(DHCPSRV_MEMFILE_DELETE_ADDR, address.getHostAddress());
        }
        long sequence;
        synchronized (lock) {
            Lease4 removed = leases4.remove(Addresses.toLong(address));
            if (removed == null) {
                return false;
            }
            Lease4Codec codec = new Lease4Codec();
            sequence = persist(codec.format(codec.deleted(removed)));
        }
        await(sequence);
        return true;
    }

    @Override
    public long wipeLeases4(long subnetId) {
        requireUniverse(4);
        List<Lease4> victims = select(leases4, l -> l.subnetId() == subnetId);
        long count = 0;
        for (Lease4 l : victims) {
            if (deleteLease4(l.address())) {
                count++;
            }
        }
        return count;
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        synchronized (lock) {
            return query.get();
        }
    }

    @Override
    public Optional<Lease4> getLease4(Inet4Address address) {
        requireUniverse(4);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_GET_ADDR4)) {
            LOG.log(DHCPSRV_MEMFILE_GET_ADDR4, address.getHostAddress());
        }
        return Optional.ofNullable(read(() -> leases4.get(Addresses.toLong(address))));
    }

    @Override
    public List<Lease4> getLease4(HWAddr hwaddr) {
        requireUniverse(4);
        LOG.log(DHCPSRV_MEMFILE_GET_HWADDR, hwaddr);
        return read(() -> leases4.byHwaddr(hwaddr.rawBytes()));
    }

    @Override
    public Optional<Lease4> getLease4(HWAddr hwaddr, long subnetId) {
        requireUniverse(4);
        LOG.log(DHCPSRV_MEMFILE_GET_SUBID_HWADDR, subnetId, hwaddr);
        return read(() -> inSubnet(leases4.byHwaddr(hwaddr.rawBytes()), subnetId, null));
    }

    @Override
    public List<Lease4> getLease4(ClientId clientId) {
        requireUniverse(4);
        LOG.log(DHCPSRV_MEMFILE_GET_CLIENTID, clientId);
        return read(() -> leases4.byClientId(clientId.rawBytes()));
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, long subnetId) {
        requireUniverse(4);
        LOG.log(DHCPSRV_MEMFILE_GET_SUBID_CLIENTID, subnetId, clientId);
        return read(() -> inSubnet(leases4.byClientId(clientId.rawBytes()), subnetId, null));
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, HWAddr hwaddr, long subnetId) {
        requireUniverse(4);
        LOG.log(DHCPSRV_MEMFILE_GET_CLIENTID_HWADDR_SUBID, clientId, hwaddr, subnetId);
        return read(() -> inSubnet(leases4.byClientId(clientId.rawBytes()), subnetId, hwaddr.rawBytes()));
    }

    /** The first of {@code leases} in the subnet (with that hardware address unless it is null); a loop, no stream. */
    private static Optional<Lease4> inSubnet(List<Lease4> leases, long subnetId, byte[] hwaddr) {
        for (Lease4 l : leases) {
            if (l.subnetId() == subnetId && (hwaddr == null || java.util.Arrays.equals(l.hwaddrBytes(), hwaddr))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Lease4> getLeases4() {
        requireUniverse(4);
        return select(leases4, l -> true);
    }

    @Override
    public List<Lease4> getLeases4(long subnetId) {
        requireUniverse(4);
        return select(leases4, l -> l.subnetId() == subnetId);
    }

    /** Counts the stored leases in place, under the lock: no copy, no sort. */
    @Override
    public List<LeaseCount> countLeases() {
        return read(() -> {
            LeaseCount.Tally tally = new LeaseCount.Tally();
            if (universe == 4) {
                leases4.forEach(tally::add);
            } else {
                leases6.forEach(tally::add);
            }
            return tally.rows();
        });
    }

    /** The stored leases that pass the filter, in address order (as Kea's queries list them). */
    private <L> List<L> select(LeaseStore<L> store, Predicate<L> filter) {
        return read(() -> {
            List<L> out = new ArrayList<>();
            store.forEach(l -> {
                if (filter.test(l)) {
                    out.add(l);
                }
            });
            out.sort(store.addressOrder());
            return out;
        });
    }

    @Override
    public List<Lease4> getExpiredLeases4(long now, int max) {
        requireUniverse(4);
        return read(() -> leases4.byExpiration().expired(now, max));
    }

    @Override
    public List<Lease4> getExpiredReclaimedLeases4(long endedBefore) {
        requireUniverse(4);
        return read(() -> leases4.byExpiration().reclaimedBefore(endedBefore));
    }

    // ------------------------------------------------------------------ IPv6

    @Override
    public boolean addLease(Lease6 lease) {
        requireUniverse(6);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_ADD_ADDR6)) {
            LOG.log(DHCPSRV_MEMFILE_ADD_ADDR6, Addresses.format(lease.address()));
        }
        long sequence;
        synchronized (lock) {
            if (leases6.find(lease) != null) {
                return false;
            }
            leases6.put(lease);
            sequence = persist(new Lease6Codec().format(lease));
        }
        await(sequence);
        return true;
    }

    @Override
    public void updateLease6(Lease6 lease) {
        requireUniverse(6);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_UPDATE_ADDR6)) {
            LOG.log(DHCPSRV_MEMFILE_UPDATE_ADDR6, Addresses.format(lease.address()));
        }
        long sequence;
        synchronized (lock) {
            Lease6 existing = leases6.find(lease);
            if (existing == null || existing.type() != lease.type()) {
                throw new NoSuchLeaseException("failed to update the lease with address "
                        + Addresses.format(lease.address()) + " - no such lease");
            }
            leases6.put(lease);
            sequence = persist(new Lease6Codec().format(lease));
        }
        await(sequence);
    }

    @Override
    public boolean deleteLease6(LeaseType type, Inet6Address address) {
        requireUniverse(6);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_DELETE_ADDR)) {
            LOG.log(DHCPSRV_MEMFILE_DELETE_ADDR, Addresses.format(address));
        }
        long sequence;
        synchronized (lock) {
            Lease6 key = Lease6.builder(type, address).build();
            Lease6 existing = leases6.find(key);
            if (existing == null || existing.type() != type) {
                return false;
            }
            leases6.remove(existing);
            Lease6Codec codec = new Lease6Codec();
            sequence = persist(codec.format(codec.deleted(existing)));
        }
        await(sequence);
        return true;
    }

    @Override
    public long wipeLeases6(long subnetId) {
        requireUniverse(6);
        long count = 0;
        for (Lease6 l : select(leases6, x -> x.subnetId() == subnetId)) {
            if (deleteLease6(l.type(), l.address())) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Optional<Lease6> getLease6(LeaseType type, Inet6Address address) {
        requireUniverse(6);
        if (LOG.isEnabled(DHCPSRV_MEMFILE_GET_ADDR6)) {
            LOG.log(DHCPSRV_MEMFILE_GET_ADDR6, Addresses.format(address), type);
        }
        byte[] bytes = address.getAddress();
        long high = Addresses.half(bytes, 0);
        long low = Addresses.half(bytes, 8);
        return read(() -> {
            Lease6 l = leases6.get(high, low);
            return l != null && l.type() == type ? Optional.of(l) : Optional.empty();
        });
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid) {
        requireUniverse(6);
        LOG.log(DHCPSRV_MEMFILE_GET_IAID_DUID, iaid, duid, type);
        return read(() -> ofIa(leases6.byDuid(duid.rawBytes()), type, iaid, -1));
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid, long subnetId) {
        requireUniverse(6);
        LOG.log(DHCPSRV_MEMFILE_GET_IAID_SUBID_DUID, iaid, subnetId, duid, type);
        return read(() -> ofIa(leases6.byDuid(duid.rawBytes()), type, iaid, subnetId));
    }

    /** The leases of one IA (in one subnet unless {@code subnetId} is -1); a loop, no stream. */
    private static List<Lease6> ofIa(List<Lease6> leases, LeaseType type, long iaid, long subnetId) {
        List<Lease6> out = null;
        for (Lease6 l : leases) {
            if (l.type() == type && l.iaid() == iaid && (subnetId == -1 || l.subnetId() == subnetId)) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(l);
            }
        }
        return out == null ? List.of() : java.util.Collections.unmodifiableList(out);
    }

    @Override
    public List<Lease6> getLeases6() {
        requireUniverse(6);
        return select(leases6, l -> true);
    }

    @Override
    public List<Lease6> getLeases6(long subnetId) {
        requireUniverse(6);
        return select(leases6, l -> l.subnetId() == subnetId);
    }


    @Override
    public List<Lease6> getExpiredLeases6(long now, int max) {
        requireUniverse(6);
        return read(() -> leases6.byExpiration().expired(now, max));
    }

    @Override
    public List<Lease6> getExpiredReclaimedLeases6(long endedBefore) {
        requireUniverse(6);
        return read(() -> leases6.byExpiration().reclaimedBefore(endedBefore));
    }

    // ------------------------------------------------------------------ the rest

    @Override
    public String type() {
        return "memfile";
    }

    @Override
    public String name() {
        return settings.persist() ? settings.file().toString() : "memory";
    }

    @Override
    public String description() {
        return "In memory database with leases stored in a CSV file.";
    }

    @Override
    public String version() {
        return universe == 4 ? "2.1" : "4.0";
    }

    @Override
    public int universe() {
        return universe;
    }

    /** How many leases are held. */
    public int size() {
        return read(() -> universe == 4 ? leases4.size() : leases6.size());
    }

    Settings settings() {
        return settings;
    }

    @Override
    public void commit() {
        LOG.log(DHCPSRV_MEMFILE_COMMIT);
    }

    @Override
    public void rollback() {
        LOG.log(DHCPSRV_MEMFILE_ROLLBACK);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (lfcTimer != null) {
            lfcTask.cancel(false);
            lfcTimer.shutdown();
            try {
                lfcTimer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new LeaseMgrException("closing " + settings.file() + ": " + e.getMessage(), e);
            }
        }
    }
}
