/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

/**
 * {@code java -jar examples/demo/target/camel-sse-demo.jar}: runs the demo against the embedded simulator, or against
 * the real APIs for each vendor whose credentials are in the environment, and exits with the demo's result: 0 when
 * the expected flow happened, 1 when it did not, 2 when the routes could not even start.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        // the simulator's Netty would otherwise use sun.misc.Unsafe, which JDK 24+ warns about on the console;
        // the demo's few events do not need it
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
        DemoSettings settings = DemoSettings.fromEnvironment(System.getenv(), System.out);
        int exitCode;
        try {
            exitCode = new Demo(settings, System.out).run().exitCode();
        } catch (Exception e) {
            // Camel wraps the reason in several layers; the innermost message is the one that says what to fix
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            System.out.println("The demo could not start: " + cause.getMessage());
            System.out.println("See docs/troubleshooting.md.");
            exitCode = 2;
        }
        System.out.println("Exit code " + exitCode + ".");
        System.exit(exitCode);
    }
}
