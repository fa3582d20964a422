package org.kea4j.core.internal;

import org.kea4j.core.internal.log.LoggingManager;
import org.kea4j.core.internal.log.MessagesExtender;
import org.kea4j.log.MessageDictionary;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Starts what must run before any component: Kea's default logging, and the extender that registers each
 * bundle's messages when it starts.
 */
public final class CoreActivator implements BundleActivator {

    private MessagesExtender messages;

    @Override
    public void start(BundleContext context) {
        if (LoggingManager.available()) {
            LoggingManager.instance().applyDefaults();
        }
        messages = new MessagesExtender(context, MessageDictionary.global());
        messages.open();
    }

    @Override
    public void stop(BundleContext context) {
        messages.close();
    }
}
