package org.kea4j.ncr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * NCR datagrams as D2's listener reads them, fuzzed (Jazzer): a datagram is read or refused with an
 * {@link NcrException} (DHCP_DDNS_INVALID_NCR, the datagram dropped), never another exception; a request read is
 * written in both of Kea's spellings and reads back the same.
 */
class NcrFuzzTest {

    @FuzzTest
    void datagrams(byte[] input) throws NcrException {
        NameChangeRequest ncr;
        try {
            ncr = NcrUdpListener.unframe(ByteBuffer.wrap(input));
        } catch (NcrException refused) {
            return;
        }
        for (NcrJson.Style style : NcrJson.Style.values()) {
            NameChangeRequest again = NcrUdpListener.unframe(NcrUdpSender.frame(ncr, style));
            if (style == NcrJson.Style.KEA_0_9 && !ncr.useConflictResolution()) {
                again = new NameChangeRequest(again.changeType(), again.forwardChange(), again.reverseChange(),
                        again.fqdn(), again.ipAddress(), again.dhcid(), again.leaseExpiresOn(), again.leaseLength(),
                        false); // 0.9's spelling has no conflict-resolution member
            }
            assertEquals(ncr, again, style.name());
        }
    }
}
