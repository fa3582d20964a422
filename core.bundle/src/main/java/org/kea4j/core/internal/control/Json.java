package org.kea4j.core.internal.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Shared JSON mappers. */
public final class Json {

    /** Plain mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented output for people. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
