package org.kea4j.core.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kea4j.stats.StatisticsRegistry;

/** The answers are Kea 2.2's, word for word (measured with kea-dhcp4 2.2). */
class StatisticCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StatisticsRegistry stats = new StatisticsRegistry();
    private final StatisticCommands commands = new StatisticCommands(stats);

    private String answer(String command, String arguments) throws Exception {
        return commands.handle(command, arguments == null ? null : JSON.readTree(arguments)).toJson().toString();
    }

    @Test
    void answersAsKea() throws Exception {
        stats.set("pkt4-received", 3);
        assertEquals("{\"result\":0,\"arguments\":{}}", answer("statistic-get", "{\"name\": \"nope\"}"));
        assertEquals("{\"result\":1,\"text\":\"Missing mandatory 'name' parameter.\"}", answer("statistic-get", null));
        assertEquals("{\"result\":1,\"text\":\"'name' parameter expected to be a string.\"}",
                answer("statistic-get", "{\"name\": 5}"));
        assertEquals("{\"result\":1,\"text\":\"No 'nope' statistic found\"}", answer("statistic-reset", "{\"name\": \"nope\"}"));
        assertEquals("{\"result\":0,\"text\":\"Statistic 'pkt4-received' reset.\"}",
                answer("statistic-reset", "{\"name\": \"pkt4-received\"}"));
        assertEquals(0, JSON.readTree(answer("statistic-get", "{\"name\": \"pkt4-received\"}"))
                .at("/arguments/pkt4-received/0/0").asInt());
        assertEquals("{\"result\":0,\"text\":\"All statistics reset to neutral values.\"}", answer("statistic-reset-all", null));
        assertEquals("{\"result\":0,\"text\":\"Statistic 'pkt4-received' removed.\"}",
                answer("statistic-remove", "{\"name\": \"pkt4-received\"}"));
        assertEquals("{\"result\":0,\"arguments\":{}}", answer("statistic-get-all", null));
    }
}
