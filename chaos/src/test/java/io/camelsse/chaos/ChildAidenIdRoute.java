/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The process that the kill scenario kills: an aidenid-sse route whose position lives in a file repository and which
 * appends each event ID it processes to a file, flushed at once. Runs until it is killed.
 * <p>
 * Arguments: simulator base URL, repository file, processed-IDs file.
 */
public final class ChildAidenIdRoute {

    private ChildAidenIdRoute() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        File repositoryFile = new File(args[1]);
        File processedFile = new File(args[2]);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("positions", FileStateRepository.fileStateRepository(repositoryFile));
        OutputStream processed = new FileOutputStream(processedFile, true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aidenid-sse:stream?baseUrl=" + baseUrl + "&apiKey=" + SseSimulator.AIDENID_API_KEY
                     + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
                     + "&lastEventIdRepository=#positions&reconnectDelay=50&maxReconnectDelay=500")
                        .routeId("child")
                        .process(e -> {
                            String id = e.getMessage().getHeader("CamelSseEventId", String.class);
                            processed.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                            processed.flush();
                        });
            }
        });
        context.start();
        new CountDownLatch(1).await();
    }
}
