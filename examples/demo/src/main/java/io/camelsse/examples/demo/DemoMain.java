/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

/**
 * {@code java -jar examples/demo/target/camel-sse-demo.jar}: runs the demo against the embedded simulator, or against
 * the real APIs for each vendor whose credentials are in the environment, and exits with the demo's result.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoSettings settings = DemoSettings.fromEnvironment(System.getenv(), System.out);
        int exitCode = new Demo(settings, System.out).run().exitCode();
        System.out.println("Exit code " + exitCode + ".");
        System.exit(exitCode);
    }
}
