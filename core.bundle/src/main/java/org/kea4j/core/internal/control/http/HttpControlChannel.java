package org.kea4j.core.internal.control.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.kea4j.config.ConfigService;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.control.CommandRegistry;
import org.kea4j.core.internal.control.ControlChannel;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.stats.Statistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The HTTP control listeners of the process (Kea's control agent, or a server's {@code http} control socket),
 * made exactly those of the running configuration by each transaction. A listener whose address and port stay
 * keeps its socket and takes the new settings.
 */
@Component(service = HttpControlChannel.class)
public final class HttpControlChannel {

    /** Made with the first listener: a server without HTTP listeners starts no thread for them. */
    private EventLoopGroup group;
    private final ExecutorService commands;
    private final CommandRouter router;
    private final Statistics statistics;
    private volatile HooksManager hooks;
    private volatile ConfigService config;
    private final int maxRequestBytes;
    private final Map<String, HttpControlServer> open = new LinkedHashMap<>();
    private volatile Set<String> localServices = Set.of();

    @Activate
    public HttpControlChannel(@Reference CommandRegistry registry, @Reference Statistics statistics) {
        this.statistics = statistics;
        this.maxRequestBytes = Integer.getInteger(ControlChannel.MAX_REQUEST_PROPERTY, 1 << 20);
        this.commands = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kea-http-command");
            t.setDaemon(true);
            return t;
        });
        this.router = new CommandRouter(registry, () -> localServices,
                new UnixForwarder(Long.getLong(ControlChannel.TIMEOUT_PROPERTY, 10_000)));
    }

    /**
     * Makes the listeners exactly these; on failure nothing changes.
     *
     * @param listeners     the configuration's HTTP listeners
     * @param localServices the services this process runs ({@code dhcp4}, {@code dhcp6}, {@code d2})
     */
    public synchronized void configure(List<HttpListenerConfig> listeners, Set<String> localServices)
            throws IOException {
        Map<String, HttpControlServer.Settings> wanted = new LinkedHashMap<>();
        for (HttpListenerConfig config : listeners) {
            wanted.put(config.endpoint(), HttpControlServer.Settings.of(config));
        }
        List<String> opened = new ArrayList<>();
        try {
            for (var e : wanted.entrySet()) {
                if (!open.containsKey(e.getKey())) {
                    open.put(e.getKey(), HttpControlServer.open(e.getValue(), group(), router, this::metrics, commands,
                            maxRequestBytes));
                    opened.add(e.getKey());
                }
            }
        } catch (IOException e) {
            for (String endpoint : opened) {
                open.remove(endpoint).close();
            }
            throw e;
        }
        for (String endpoint : List.copyOf(open.keySet())) {
            if (wanted.containsKey(endpoint)) {
                open.get(endpoint).update(wanted.get(endpoint));
            } else {
                open.remove(endpoint).close();
            }
        }
        this.localServices = Set.copyOf(localServices);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setHooks(HooksManager manager) {
        this.hooks = manager;
    }

    void unsetHooks(HooksManager manager) {
        if (hooks == manager) {
            hooks = null;
        }
    }

    /** Dynamic: the configuration service depends on this channel. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setConfig(ConfigService service) {
        this.config = service;
    }

    void unsetConfig(ConfigService service) {
        if (config == service) {
            config = null;
        }
    }

    /** {@code GET /metrics}: the statistics (subnets labelled with their prefixes), callouts and the JVM. */
    private String metrics() {
        HooksManager manager = hooks;
        ConfigService service = config;
        return PrometheusText.render(statistics, manager == null ? List.of() : manager.libraries(),
                service == null ? Map.of() : PrometheusText.subnetPrefixes(service.running()));
    }

    /** The ports listened on now, by configured endpoint. */
    public synchronized Map<String, Integer> ports() {
        Map<String, Integer> out = new LinkedHashMap<>();
        open.forEach((endpoint, server) -> out.put(endpoint, server.port()));
        return out;
    }

    /** The listeners' event loop, made the first time a listener opens (called holding this object's lock). */
    private EventLoopGroup group() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kea-http", true),
                    NioIoHandler.newFactory());
        }
        return group;
    }

    @Deactivate
    public synchronized void close() {
        for (HttpControlServer server : open.values()) {
            server.close();
        }
        open.clear();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        commands.shutdownNow();
    }
}
