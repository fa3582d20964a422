package org.kea4j.core.internal.log;

import java.util.ArrayList;
import java.util.List;
import org.kea4j.log.MessageDictionary;
import org.kea4j.log.MessageId;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/**
 * Registers the message enums a bundle names in its {@value MessageDictionary#MESSAGES_HEADER} header
 * when it starts, and removes them when it stops: every bundle owns the messages of its subsystems.
 */
public final class MessagesExtender extends BundleTracker<String> {

    private final MessageDictionary dictionary;

    public MessagesExtender(BundleContext context, MessageDictionary dictionary) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
        this.dictionary = dictionary;
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders().get(MessageDictionary.MESSAGES_HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        String owner = bundle.getSymbolicName();
        for (MessageId[] ids : load(bundle, header)) {
            dictionary.register(owner, ids);
        }
        return owner;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String owner) {
        dictionary.unregister(owner);
    }

    private static List<MessageId[]> load(Bundle bundle, String header) {
        List<MessageId[]> out = new ArrayList<>();
        for (String className : header.split(",")) {
            String name = className.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                Class<?> type = bundle.loadClass(name);
                if (type.isEnum() && MessageId.class.isAssignableFrom(type)) {
                    out.add((MessageId[]) type.getEnumConstants());
                }
            } catch (ClassNotFoundException | ClassCastException e) {
                // a bundle naming a class it does not have is its own bug; its messages keep their texts
            }
        }
        return out;
    }
}
