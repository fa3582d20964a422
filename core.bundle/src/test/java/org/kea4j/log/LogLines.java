package org.kea4j.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines a test's code writes to loggers: {@link #of} starts collecting, {@link #close} stops all of it. */
public final class LogLines implements AutoCloseable {

    private final List<Runnable> detach = new ArrayList<>();

    /** The lines written to a logger from now on. */
    public ListAppender<ILoggingEvent> of(String name) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.addAppender(appender);
        detach.add(() -> logger.detachAppender(appender));
        return appender;
    }

    /** The lines' text as written (the message ID first). */
    public static List<String> messages(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        detach.forEach(Runnable::run);
        detach.clear();
    }
}
