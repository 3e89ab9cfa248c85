/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with two SSE routes, {@link KycRoute} and {@link AidenIdRoute}. Neither endpoint URI
 * names a key or a server: the starters configure the {@code predicate-sse} and {@code aidenid-sse} components from
 * {@code application.properties} (the local simulator) or {@code application-live.properties} (the real APIs, with
 * the profile {@code live}).
 */
@SpringBootApplication
public class SseSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(SseSpringBootApplication.class, args);
    }
}
