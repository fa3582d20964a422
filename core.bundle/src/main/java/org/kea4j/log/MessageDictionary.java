package org.kea4j.log;

import static org.kea4j.log.LogMessages.LOG_DUPLICATE_MESSAGE_ID;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The process-wide dictionary of message IDs, as Kea's global dictionary. Each ID has exactly one owner
 * (the bundle that implements the subsystem); registering an ID that another owner holds is refused and
 * logged as {@code LOG_DUPLICATE_MESSAGE_ID}. A local message file may replace texts.
 *
 * <p>Bundles do not usually call this class: a bundle that names its message enums in the manifest
 * header {@value #MESSAGES_HEADER} is registered by the platform when it starts and unregistered when it
 * stops.
 */
@ProviderType
public final class MessageDictionary {

    /** Manifest header listing a bundle's message enums (comma-separated class names). */
    public static final String MESSAGES_HEADER = "Kea-Messages";

    private static final MessageDictionary GLOBAL = new MessageDictionary();
    private static final KeaLogger LOG = KeaLogger.forSubsystem("log");

    /** One dictionary entry. */
    public static final class Entry {

        private final String id;
        private final String owner;
        private final MessageDef def;
        private final String text;

        public Entry(String id, String owner, MessageDef def, String text) {
            this.id = id;
            this.owner = owner;
            this.def = def;
            this.text = text;
        }

        public String id() {
            return id;
        }

        public String owner() {
            return owner;
        }

        public MessageDef def() {
            return def;
        }

        public String text() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry o && java.util.Objects.equals(o.id, id) && java.util.Objects.equals(o.owner, owner) && java.util.Objects.equals(o.def, def) && java.util.Objects.equals(o.text, text);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, owner, def, text);
        }

        @Override
        public String toString() {
            return "Entry[id=" + id + ", owner=" + owner + ", def=" + def + ", text=" + text + "]";
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<String> duplicates = Collections.synchronizedList(new ArrayList<>());

    /** The process-wide dictionary. */
    public static MessageDictionary global() {
        return GLOBAL;
    }

    /**
     * Registers the given IDs for an owner.
     *
     * @return the IDs that were refused because another owner holds them
     */
    public synchronized List<String> register(String owner, MessageId... ids) {
        Objects.requireNonNull(owner, "owner");
        List<String> refused = new ArrayList<>();
        for (MessageId id : ids) {
            Entry existing = entries.get(id.name());
            if (existing != null && !existing.owner().equals(owner)) {
                refused.add(id.name());
                duplicates.add(id.name() + " (" + existing.owner() + ", " + owner + ")");
                LOG.log(LOG_DUPLICATE_MESSAGE_ID, id.name());
                continue;
            }
            entries.put(id.name(), new Entry(id.name(), owner, id.def(), id.def().text()));
        }
        return refused;
    }

    /** Removes every ID of an owner (the owner bundle stopped). */
    public synchronized void unregister(String owner) {
        entries.values().removeIf(e -> e.owner().equals(owner));
    }

    /** The text to print for an ID: a replacement from a local message file, or the compiled-in text. */
    public String text(MessageId id) {
        Entry e = entries.get(id.name());
        return e != null ? e.text() : id.def().text();
    }

    /**
     * Replaces the text of a registered ID (local message file).
     *
     * @return false when no such ID is registered
     */
    public synchronized boolean replaceText(String id, String text) {
        Entry e = entries.get(id);
        if (e == null) {
            return false;
        }
        entries.put(id, new Entry(e.id(), e.owner(), e.def(), text));
        return true;
    }

    /** Looks an ID up. */
    public Optional<Entry> lookup(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** All entries, sorted by ID. */
    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** Registrations refused so far because of duplicate IDs, as "ID (first owner, second owner)". */
    public List<String> duplicates() {
        synchronized (duplicates) {
            return List.copyOf(duplicates);
        }
    }
}
