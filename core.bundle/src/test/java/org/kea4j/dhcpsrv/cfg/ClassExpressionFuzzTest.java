package org.kea4j.dhcpsrv.cfg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.Pkt6;

/**
 * Client class tests from configurations, fuzzed (Jazzer): an expression parses or is refused with
 * {@link IllegalArgumentException} naming the position, never another exception; a parsed one evaluates
 * against a DHCPv4 and a DHCPv6 packet without throwing.
 */
class ClassExpressionFuzzTest {

    private static final Pkt4 DISCOVER = discover();
    private static final Pkt6 SOLICIT = new Pkt6(Pkt6.SOLICIT, 0x1234);

    private static Pkt4 discover() {
        Pkt4 p = new Pkt4(Pkt4.DHCPDISCOVER, 0x99);
        p.setHWAddr(1, new byte[] {2, 0, 0, 0, 0, 1});
        p.addOption(new Option(60, "docsis3.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        p.addOption(new Option(82, new byte[] {1, 3, 'a', 'b', 'c', 2, 1, 9}));
        return p;
    }

    @FuzzTest
    void parseAndEvaluate(byte[] input) {
        String expression = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        ClassExpression parsed;
        try {
            parsed = ClassExpression.parse(expression, name -> name.equals("vendor-class-identifier") ? 60 : -1);
        } catch (IllegalArgumentException refused) {
            return;
        }
        parsed.matches(DISCOVER);
        parsed.matches(SOLICIT);
        parsed.toString();
    }
}
