package org.kea4j.hooks;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A typed hook argument: the name Kea gives it and the Java type of its value. Callouts read and set
 * arguments through these keys ({@link CalloutHandle#get(Argument)}, {@link CalloutHandle#set(Argument, Object)});
 * the string names keep working. The arguments of kea4j's hook points are declared in {@link Dhcp4Hooks},
 * {@link Dhcp6Hooks} and {@link ServerHooks}; a library may declare its own to pass data to another library.
 * Two arguments are equal when their names and types are.
 *
 * @param <T> the type of the argument's value
 */
@ProviderType
public final class Argument<T> {

    private final String name;
    private final Class<?> type;
    private final Class<?> elementType;
    private final String description;

    private Argument(String name, Class<?> type, Class<?> elementType, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.elementType = elementType;
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An argument whose value is of the given type. */
    public static <T> Argument<T> of(String name, Class<T> type, String description) {
        return new Argument<>(name, type, null, description);
    }

    /** An argument whose value is a list of the given element type. */
    public static <E> Argument<List<E>> listOf(String name, Class<E> elementType, String description) {
        return new Argument<>(name, List.class, elementType, description);
    }

    /** The name callouts and Kea use ({@code query4}, {@code lease4}, ...). */
    public String name() {
        return name;
    }

    /** The Java type of the value ({@code List} for a list). */
    public Class<?> type() {
        return type;
    }

    /** The type as the hooks guide shows it: {@code Pkt4}, {@code List<Subnet4>}. */
    public String typeName() {
        return elementType == null ? type.getSimpleName()
                : type.getSimpleName() + "<" + elementType.getSimpleName() + ">";
    }

    /** What the value is. */
    public String description() {
        return description;
    }

    /**
     * Checks that a value fits this argument.
     *
     * @return the value (null passes)
     * @throws IllegalArgumentException when the value is of another type
     */
    @SuppressWarnings("unchecked")
    public T cast(Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("argument " + name + " takes a " + typeName() + ", not a "
                    + value.getClass().getName());
        }
        return (T) value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argument<?> a && a.name.equals(name) && a.type == type;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
