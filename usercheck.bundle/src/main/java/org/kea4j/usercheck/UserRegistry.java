package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.LOG;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_REGISTRY_LINE_ERROR;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_REGISTRY_READ_ERROR;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_REGISTRY_REREAD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.kea4j.dhcpsrv.HostIdentifier;

/**
 * The user registry: Kea's user_chk file, one JSON object per line,
 * {@code {"type": "HW_ADDR", "id": "0c:0e:0a:01:ff:04", "bootfile": "/tmp/v4bootfile"}}, every value a
 * string. A line that does not parse is logged with its number and skipped. The file is read again when it
 * changes (its time, size or identity), checked on each lookup; a failed read keeps the users read before.
 *
 * <p>Thread-safe: lookups read an immutable snapshot; one thread at a time re-reads, the others keep using
 * the snapshot meanwhile.
 */
final class UserRegistry {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Kea's limit for one registry line. */
    static final int MAX_LINE = 4096;

    /** The users of one reading of the file, and what the file looked like then. */
    private record Snapshot(Map<String, User> users, Object stamp) {
    }

    private final Path file;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile String readProblem;

    private UserRegistry(Path file, Snapshot first) {
        this.file = file;
        this.snapshot = first;
    }

    /**
     * Reads the registry.
     *
     * @throws IOException when the file cannot be read (the library is then not loaded, as in Kea)
     */
    static UserRegistry open(Path file) throws IOException {
        Object stamp = stamp(file);
        return new UserRegistry(file, new Snapshot(parse(file, Files.readAllLines(file, StandardCharsets.UTF_8)), stamp));
    }

    Path file() {
        return file;
    }

    /** How many users the registry holds now. */
    int size() {
        return snapshot.users().size();
    }

    /** The registered user of this id, or null; the file is read again first if it changed. */
    User find(User.Type type, byte[] id) {
        refreshIfChanged();
        return snapshot.users().get(User.key(type, id));
    }

    /** The default user of a type (id {@code 00000000}), whose attributes unregistered clients get, or null. */
    User defaultUser(User.Type type) {
        return snapshot.users().get(User.key(type, User.DEFAULT_ID));
    }

    /** Reads the file again if it changed since it was last read. */
    void refreshIfChanged() {
        Object stamp;
        try {
            stamp = stamp(file);
        } catch (IOException e) {
            problem(e);
            return;
        }
        if (stamp.equals(snapshot.stamp()) || !reading.tryLock()) {
            return;
        }
        try {
            if (!stamp.equals(snapshot.stamp())) {
                snapshot = new Snapshot(parse(file, Files.readAllLines(file, StandardCharsets.UTF_8)), stamp);
                readProblem = null;
                LOG.log(USER_CHK_REGISTRY_REREAD, file, snapshot.users().size());
            }
        } catch (IOException e) {
            problem(e);
        } finally {
            reading.unlock();
        }
    }

    /** Logs a read failure once, not for every packet that meets it. */
    private void problem(IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
        if (!why.equals(readProblem)) {
            readProblem = why;
            LOG.log(USER_CHK_REGISTRY_READ_ERROR, file, why);
        }
    }

    private static Object stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    }

    /** The users of a registry's lines; a line that does not parse is logged and skipped. */
    static Map<String, User> parse(Path file, List<String> lines) {
        Map<String, User> users = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                User user = parseLine(line);
                Integer first = lineOf.putIfAbsent(user.key(), i + 1);
                if (first != null) {
                    throw new IllegalArgumentException("the same user as line " + first);
                }
                users.put(user.key(), user);
            } catch (IllegalArgumentException e) {
                LOG.log(USER_CHK_REGISTRY_LINE_ERROR, file, i + 1, e.getMessage());
            }
        }
        return Map.copyOf(users);
    }

    /**
     * One registry line.
     *
     * @throws IllegalArgumentException with the reason
     */
    static User parseLine(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("longer than " + MAX_LINE + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = null;
        String id = null;
        Map<String, String> attributes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("the value of '" + field.getKey() + "' is not a string");
            }
            String value = field.getValue().textValue();
            switch (field.getKey()) {
                case "type" -> type = value;
                case "id" -> id = value;
                default -> attributes.put(field.getKey(), value);
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("no 'type' (HW_ADDR or DUID)");
        }
        User.Type userType;
        try {
            userType = User.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + type + "' (HW_ADDR or DUID)");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no 'id'");
        }
        byte[] bytes;
        try {
            bytes = HostIdentifier.parseHex(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id '" + id + "' is not hex: " + e.getMessage());
        }
        return new User(userType, bytes, attributes);
    }
}
