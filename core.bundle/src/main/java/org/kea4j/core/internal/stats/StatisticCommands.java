package org.kea4j.core.internal.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.stats.Statistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Kea's statistic commands, with Kea 2.2's answers. */
@Component(property = {
    CommandHandler.COMMAND_PROPERTY + "=statistic-get",
    CommandHandler.COMMAND_PROPERTY + "=statistic-get-all",
    CommandHandler.COMMAND_PROPERTY + "=statistic-reset",
    CommandHandler.COMMAND_PROPERTY + "=statistic-reset-all",
    CommandHandler.COMMAND_PROPERTY + "=statistic-remove",
    CommandHandler.COMMAND_PROPERTY + "=statistic-remove-all"
})
public final class StatisticCommands implements CommandHandler {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Statistics statistics;

    @Activate
    public StatisticCommands(@Reference Statistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        switch (command) {
            case "statistic-get-all": {
                ObjectNode all = JSON.objectNode();
                statistics.all().forEach((name, samples) -> all.set(name, samples(samples)));
                return new Answer(Answer.SUCCESS, null, all);
            }
            case "statistic-reset-all":
                statistics.resetAll();
                return Answer.success("All statistics reset to neutral values.");
            case "statistic-remove-all":
                statistics.removeAll();
                return Answer.success("All statistics removed.");
            default:
                break;
        }
        JsonNode name = arguments == null ? null : arguments.get("name");
        if (name == null) {
            return Answer.error("Missing mandatory 'name' parameter.");
        }
        if (!name.isTextual()) {
            return Answer.error("'name' parameter expected to be a string.");
        }
        String statistic = name.asText();
        return switch (command) {
            case "statistic-get" -> {
                ObjectNode found = JSON.objectNode();
                List<Statistics.Sample> samples = statistics.samples(statistic);
                if (!samples.isEmpty()) {
                    found.set(statistic, samples(samples));
                }
                yield new Answer(Answer.SUCCESS, null, found);
            }
            case "statistic-reset" -> statistics.reset(statistic)
                    ? Answer.success("Statistic '" + statistic + "' reset.")
                    : Answer.error("No '" + statistic + "' statistic found");
            case "statistic-remove" -> statistics.remove(statistic)
                    ? Answer.success("Statistic '" + statistic + "' removed.")
                    : Answer.error("No '" + statistic + "' statistic found");
            default -> Answer.unsupported(command);
        };
    }

    private static ArrayNode samples(List<Statistics.Sample> samples) {
        ArrayNode out = JSON.arrayNode();
        for (Statistics.Sample s : samples) {
            out.add(JSON.arrayNode().add(s.value()).add(s.time().format(TIME)));
        }
        return out;
    }
}
