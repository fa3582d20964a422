package org.kea4j.ddns.d2;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.WireParseException;

/**
 * DNS servers' answers as D2 reads them, fuzzed (Jazzer): every answer of a transaction's exchanges is made of the
 * fuzzer's bytes, parsed as dnsjava parses a datagram and, for a keyed server, its TSIG verified. The transaction
 * ends (done or failed) and the answer is either read or refused as corrupt ({@link WireParseException},
 * DHCP_DDNS_*_BAD_DNSCLIENT_STATUS / the next try), never another exception.
 */
class DnsAnswerFuzzTest {

    private static final byte[] SECRET = new byte[32];

    @FuzzTest
    void answers(FuzzedDataProvider data) throws Exception {
        boolean keyed = data.consumeBoolean();
        TsigKeyConfig key = keyed ? new TsigKeyConfig("d2.key", "HMAC-SHA256", 0, SECRET) : null;
        DnsServerConfig server = new DnsServerConfig(InetAddress.getLoopbackAddress(), 53, key);
        DnsClient fuzzed = (update, to, timeout) -> {
            byte[] bytes = data.consumeBytes(data.consumeInt(0, 1024));
            Message answer = new Message(bytes); // a corrupt datagram is a WireParseException, as from the resolver
            if (to.key() != null) {
                TSIG tsig = to.key().signer();
                int status = tsig.verify(answer, bytes, update.getTSIG());
                if (status != Rcode.NOERROR) {
                    throw new WireParseException("the answer's TSIG does not verify");
                }
            }
            return answer;
        };
        ChangeType type = data.consumeBoolean() ? ChangeType.ADD : ChangeType.REMOVE;
        NameChangeRequest ncr = new NameChangeRequest(type, true, true, "host1.example.com.",
                InetAddress.getByName("192.0.2.10"), Dhcid.fromHwAddr(1, new byte[] {1, 2, 3, 4, 5, 6},
                        "host1.example.com."), Instant.parse("2026-12-01T10:00:00Z"), 1333, data.consumeBoolean());
        new NameChangeTransaction(ncr, new DdnsDomain("example.com.", List.of(server)),
                new DdnsDomain("2.0.192.in-addr.arpa.", List.of(server)), fuzzed, Duration.ofMillis(10),
                D2Statistics.NONE).run();
    }
}
