package org.kea4j.launch;

import java.util.Arrays;
import java.util.List;

/**
 * {@code client ...}: kea4j's test client (core's {@code ClientTool}) run on kea4j's packet classes alone, without
 * starting the framework. Loaded by {@link Main} beside the core bundle's jar.
 */
public final class Client {

    private Client() {
    }

    public static int run(String[] args) throws Exception {
        Class<?> tool = Class.forName("org.kea4j.core.internal.client.ClientTool", true, Client.class.getClassLoader());
        Object instance = tool.getConstructor().newInstance();
        List<String> arguments = Arrays.asList(args).subList(1, args.length);
        return (Integer) tool.getMethod("run", List.class, java.io.PrintStream.class, java.io.PrintStream.class)
                .invoke(instance, arguments, System.out, System.err);
    }
}
