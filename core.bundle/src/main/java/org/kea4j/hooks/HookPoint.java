package org.kea4j.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A hook point, declared once: its name, when the server calls it, its arguments (each {@link Direction#IN}
 * or {@link Direction#IN_OUT}) and what {@link NextStep#SKIP} and {@link NextStep#DROP} make the server do
 * there. A status the hook point does not declare is treated as {@link NextStep#CONTINUE}, as in Kea.
 *
 * <p>The servers call their hook points only through these declarations: they pass exactly the declared
 * arguments and read back the in/out ones. kea4j's hook points are the constants of {@link Dhcp4Hooks},
 * {@link Dhcp6Hooks} and {@link ServerHooks}.
 */
@ProviderType
public final class HookPoint {

    /** What the server does with an argument after the callouts. */
    public enum Direction {
        /** The server passes the value and ignores changes; a callout may not set it. */
        IN,
        /** The server reads the value back after the callouts and uses it. */
        IN_OUT
    }

    /** One argument of a hook point. */
    @ProviderType
    public static final class Parameter {

        private final Argument<?> argument;
        private final Direction direction;
        private final String condition;

        Parameter(Argument<?> argument, Direction direction, String condition) {
            this.argument = argument;
            this.direction = direction;
            this.condition = condition;
        }

        /** The argument. */
        public Argument<?> argument() {
            return argument;
        }

        /** In, or in/out. */
        public Direction direction() {
            return direction;
        }

        /** When the server passes it, or null when it always does. */
        public String condition() {
            return condition;
        }

        @Override
        public String toString() {
            return argument.name() + " (" + argument.typeName() + ", " + (direction == Direction.IN ? "in" : "in/out")
                    + (condition == null ? "" : ", " + condition) + ")";
        }
    }

    private final String name;
    private final String description;
    private final List<Parameter> parameters;
    private final Map<NextStep, String> effects;

    private HookPoint(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.parameters = List.copyOf(b.parameters);
        this.effects = Collections.unmodifiableMap(new EnumMap<>(b.effects));
    }

    /** Starts the declaration of a hook point. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The hook point's name ({@code pkt4_receive}). */
    public String name() {
        return name;
    }

    /** When the server calls it. */
    public String description() {
        return description;
    }

    /** Its arguments, in the order the guide lists them. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameter of the given argument name, or null when the hook point has none of that name. */
    public Parameter parameter(String argumentName) {
        for (Parameter p : parameters) {
            if (p.argument.name().equals(argumentName)) {
                return p;
            }
        }
        return null;
    }

    /** Whether the hook point gives this status a meaning ({@link NextStep#CONTINUE} always has one). */
    public boolean supports(NextStep step) {
        return step == NextStep.CONTINUE || effects.containsKey(step);
    }

    /** What the server does when the callouts leave this status, or null when it is treated as CONTINUE. */
    public String effect(NextStep step) {
        return effects.get(step);
    }

    /** The status as the server obeys it: a status the hook point does not declare becomes CONTINUE. */
    public NextStep obeyed(NextStep step) {
        return supports(step) ? step : NextStep.CONTINUE;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a {@link HookPoint}. */
    public static final class Builder {

        private final String name;
        private String description = "";
        private final List<Parameter> parameters = new ArrayList<>();
        private final Map<NextStep, String> effects = new EnumMap<>(NextStep.class);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** When the server calls the hook point. */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /** An argument the server passes and does not read back. */
        public Builder in(Argument<?> argument) {
            return add(argument, Direction.IN, null);
        }

        /** An argument the server reads back after the callouts. */
        public Builder inOut(Argument<?> argument) {
            return add(argument, Direction.IN_OUT, null);
        }

        /** An argument the server passes only in some calls, described by {@code condition}. */
        public Builder sometimes(Argument<?> argument, Direction direction, String condition) {
            return add(argument, direction, Objects.requireNonNull(condition, "condition"));
        }

        private Builder add(Argument<?> argument, Direction direction, String condition) {
            for (Parameter p : parameters) {
                if (p.argument.name().equals(argument.name())) {
                    throw new IllegalArgumentException(name + " declares argument " + argument.name() + " twice");
                }
            }
            parameters.add(new Parameter(argument, direction, condition));
            return this;
        }

        /** What {@link NextStep#SKIP} makes the server do. */
        public Builder onSkip(String effect) {
            effects.put(NextStep.SKIP, Objects.requireNonNull(effect, "effect"));
            return this;
        }

        /** What {@link NextStep#DROP} makes the server do. */
        public Builder onDrop(String effect) {
            effects.put(NextStep.DROP, Objects.requireNonNull(effect, "effect"));
            return this;
        }

        public HookPoint build() {
            return new HookPoint(this);
        }
    }
}
