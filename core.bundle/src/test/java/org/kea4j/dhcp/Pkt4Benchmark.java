package org.kea4j.dhcp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds to parse dhclient's DISCOVER and to pack an ACK like Kea's. Run with
 * {@code cnf/bench/jmh.sh Pkt4Benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Pkt4Benchmark {

    private byte[] discover;
    private Pkt4 ack;

    @Setup
    public void setUp() throws Exception {
        discover = Vectors.load("dhclient-discover");
        byte[] wire = Vectors.load("kea-ack");
        ack = Pkt4.parse(wire, wire.length);
    }

    @Benchmark
    public Pkt4 parseDiscover() throws PacketParseException {
        return Pkt4.parse(discover, discover.length);
    }

    @Benchmark
    public byte[] packAck() {
        return ack.pack();
    }
}
