package org.kea4j.hooks;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a callout receives: the hook point's arguments, the status that tells the server what to do next,
 * and a context private to the calling library that lives as long as the packet is processed (one handle is
 * used for every hook point a packet passes, by one thread at a time).
 *
 * <p>Arguments are read and set through the typed keys of the hook point's declaration
 * ({@code handle.get(Dhcp4Hooks.QUERY4)}), or by Kea's names ({@code handle.getArgument("query4")}). A value
 * set for a declared argument must be of its type; the server reads back only the in/out arguments. A
 * library may set arguments of its own names to hand data to the libraries after it.
 */
@ProviderType
public interface CalloutHandle {

    /**
     * An argument by name.
     *
     * @throws NoSuchArgumentException when the hook point has no such argument
     */
    <T> T getArgument(String name);

    /**
     * An argument by name, checked against a type.
     *
     * @throws NoSuchArgumentException  when absent
     * @throws IllegalArgumentException when of another type
     */
    <T> T getArgument(String name, Class<T> type);

    /**
     * Sets or replaces an argument; the server reads back its in/out arguments after the callouts.
     *
     * @throws IllegalArgumentException when the hook point declares an argument of this name with another type
     */
    void setArgument(String name, Object value);

    /**
     * An argument through its typed key.
     *
     * @throws NoSuchArgumentException  when absent
     * @throws IllegalArgumentException when the value present is of another type
     */
    <T> T get(Argument<T> argument);

    /**
     * Sets an argument through its typed key.
     *
     * @throws IllegalArgumentException when the hook point declares an argument of this name with another type
     */
    <T> void set(Argument<T> argument, T value);

    /** Removes an argument. */
    void deleteArgument(String name);

    /** Removes all arguments. */
    void deleteAllArguments();

    /** The names of the current arguments. */
    Set<String> getArgumentNames();

    /** Kea 0.9's skip flag: {@code true} is {@link NextStep#SKIP}, {@code false} is CONTINUE. */
    void setSkip(boolean skip);

    /** Whether the status is SKIP (or DROP). */
    boolean getSkip();

    /** Sets what the server does next; reset to CONTINUE before each hook point. */
    void setStatus(NextStep status);

    /** The status set so far by this hook point's callouts. */
    NextStep getStatus();

    /** Stores a value in the calling library's context for this packet. */
    void setContext(String name, Object value);

    /**
     * A value of the calling library's context.
     *
     * @throws NoSuchCalloutContextException when absent
     */
    <T> T getContext(String name);

    /** The names in the calling library's context. */
    Set<String> getContextNames();

    /** Removes a value from the calling library's context. */
    void deleteContext(String name);

    /** Empties the calling library's context. */
    void deleteAllContext();

    /** The name of the hook point being called. */
    String getHookName();

    /** The declaration of the hook point being called, or null outside a hook point. */
    HookPoint getHookPoint();

    /** The handle of the library whose callout is running, to register or deregister callouts. */
    LibraryHandle getLibraryHandle();
}
