package org.kea4j.core.internal.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A line layout from the log4cplus pattern of Kea's {@code output_options.pattern}: {@code %d} / {@code %D{fmt}}
 * (date, with strftime fields {@code %Y %m %d %H %M %S %q}), {@code %p} (severity), {@code %m} (ID and text),
 * {@code %c} (logger), {@code %i} (PID), {@code %t} (thread), {@code %n} (new line), {@code %%}, each with
 * log4cplus's {@code -} and width modifiers. Anything else is copied as it stands.
 */
final class PatternLayout4cplus extends LayoutBase<ILoggingEvent> {

    private static final String PID = Long.toString(ProcessHandle.current().pid());

    /** One piece of the line. */
    private interface Part {
        void append(ILoggingEvent event, StringBuilder out);
    }

    private final List<Part> parts = new ArrayList<>();

    PatternLayout4cplus(String pattern) {
        compile(pattern);
    }

    private void compile(String p) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c != '%' || i + 1 >= p.length()) {
                literal.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            boolean left = false;
            if (p.charAt(j) == '-') {
                left = true;
                j++;
            }
            int width = 0;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                width = width * 10 + (p.charAt(j) - '0');
                j++;
            }
            if (j >= p.length()) {
                literal.append(p, i, j);
                break;
            }
            char conversion = p.charAt(j);
            String argument = null;
            int end = j + 1;
            if (end < p.length() && p.charAt(end) == '{') {
                int close = p.indexOf('}', end);
                if (close > 0) {
                    argument = p.substring(end + 1, close);
                    end = close + 1;
                }
            }
            Part part = part(conversion, argument);
            if (part == null) {
                literal.append(p, i, end);
            } else {
                flush(literal);
                parts.add(pad(part, left, width));
            }
            i = end;
        }
        flush(literal);
    }

    private void flush(StringBuilder literal) {
        if (literal.length() > 0) {
            String text = literal.toString();
            parts.add((e, out) -> out.append(text));
            literal.setLength(0);
        }
    }

    private static Part pad(Part part, boolean left, int width) {
        if (width == 0) {
            return part;
        }
        return (e, out) -> {
            int start = out.length();
            part.append(e, out);
            int missing = width - (out.length() - start);
            for (int k = 0; k < missing; k++) {
                if (left) {
                    out.append(' ');
                } else {
                    out.insert(start, ' ');
                }
            }
        };
    }

    private static Part part(char conversion, String argument) {
        return switch (conversion) {
            case 'd', 'D' -> {
                DateTimeFormatter f = DateTimeFormatter.ofPattern(argument == null ? "yyyy-MM-dd HH:mm:ss,SSS"
                        : javaPattern(argument)).withZone(ZoneId.systemDefault());
                yield (e, out) -> out.append(f.format(Instant.ofEpochMilli(e.getTimeStamp())));
            }
            case 'p' -> (e, out) -> out.append(KeaLayout.severity(e));
            case 'm' -> (e, out) -> {
                out.append(e.getFormattedMessage());
                if (e.getThrowableProxy() != null) {
                    out.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
                }
            };
            case 'c' -> (e, out) -> out.append(e.getLoggerName());
            case 'i' -> (e, out) -> out.append(PID);
            case 't' -> (e, out) -> out.append(e.getThreadName());
            case 'n' -> (e, out) -> out.append(System.lineSeparator());
            case '%' -> (e, out) -> out.append('%');
            default -> null;
        };
    }

    /** strftime fields to a java.time pattern; other characters are quoted. */
    static String javaPattern(String strftime) {
        StringBuilder out = new StringBuilder();
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            String field = null;
            if (c == '%' && i + 1 < strftime.length()) {
                field = switch (strftime.charAt(i + 1)) {
                    case 'Y' -> "yyyy";
                    case 'y' -> "yy";
                    case 'm' -> "MM";
                    case 'd' -> "dd";
                    case 'H' -> "HH";
                    case 'M' -> "mm";
                    case 'S' -> "ss";
                    case 'q' -> "SSS";
                    case 'Q' -> "SSSSSS";
                    case 'b' -> "MMM";
                    case 'a' -> "EEE";
                    case 'j' -> "DDD";
                    case 'Z' -> "z";
                    default -> null;
                };
            }
            if (field != null) {
                if (quoted.length() > 0) {
                    out.append('\'').append(quoted.toString().replace("'", "''")).append('\'');
                    quoted.setLength(0);
                }
                out.append(field);
                i++;
            } else {
                quoted.append(c);
            }
        }
        if (quoted.length() > 0) {
            out.append('\'').append(quoted.toString().replace("'", "''")).append('\'');
        }
        return out.toString();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(128);
        for (Part p : parts) {
            p.append(event, out);
        }
        return out.toString();
    }
}
