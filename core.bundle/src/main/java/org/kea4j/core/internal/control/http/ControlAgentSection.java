package org.kea4j.core.internal.control.http;

import java.util.List;
import java.util.Optional;
import org.kea4j.config.CommonElements;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.config.HttpListenerParser;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.osgi.service.component.annotations.Component;

/**
 * Kea 2.2's {@code Control-agent} element: the HTTP control channel of the process. Commands for the servers
 * this process runs are answered here; those for servers it does not run are forwarded to the Unix sockets its
 * {@code control-sockets} name, as Kea's agent does.
 */
@Component(service = ConfigSection.class)
public final class ControlAgentSection implements ConfigSection {

    @Override
    public String name() {
        return "Control-agent";
    }

    @Override
    public String loggerRoot() {
        return "kea-ctrl-agent";
    }

    @Override
    public PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        HttpListenerConfig listener = HttpListenerParser.agent(element);
        Optional<ConfigNode> loggerList = element.get("loggers");
        List<LoggerConfig> loggers = loggerList.isPresent() ? CommonElements.loggers(loggerList.get()) : List.of();
        return new PreparedSection() {
            @Override
            public void commit() {
                // the platform opens the listeners of every section together
            }

            @Override
            public List<HttpListenerConfig> httpControlSockets() {
                return List.of(listener);
            }

            @Override
            public List<LoggerConfig> loggers() {
                return loggers;
            }
        };
    }
}
