package org.kea4j.core.internal.log;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.CommonElements;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.osgi.service.component.annotations.Component;

/** The top-level {@code Logging} element of Kea 0.9 ({@code {"loggers": [...]}}). */
@Component(service = ConfigSection.class)
public final class LoggingSection implements ConfigSection {

    @Override
    public String name() {
        return "Logging";
    }

    @Override
    public String loggerRoot() {
        return null;
    }

    @Override
    public PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        element.expectMap().checkKeys(Set.of("loggers"));
        Optional<ConfigNode> list = element.get("loggers");
        List<LoggerConfig> loggers = list.isPresent() ? CommonElements.loggers(list.get()) : List.of();
        return new PreparedSection() {
            @Override
            public void commit() {
                // the platform applies the loggers of all sections together
            }

            @Override
            public List<LoggerConfig> loggers() {
                return loggers;
            }
        };
    }
}
