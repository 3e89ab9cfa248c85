/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs that end in 401 with distinctive header values, every log line captured at TRACE, and JMX on: no value may
 * show up in a log line, an exception, a health check result, an MBean name or attribute, or the toString() of the
 * route, endpoint and consumer.
 */
class SseHeaderSecretsTest {

    private static final String PLAIN = "hdrCanary7Q";
    /** Written as RAW(...) with '&' inside, which Camel's sanitizer and a naive mask both cut short. */
    private static final String AMPERSAND_PART = "rawCanary9Z";
    private static final String WITH_AMPERSAND = "x&" + AMPERSAND_PART;
    private static final String LISTED = "listCanary3K";
    private static final String IN_THE_QUERY = "queryCanary5M";
    private static final String SIGNED = "sigCanary8R";
    private static final List<String> SECRETS = List.of(PLAIN, AMPERSAND_PART, LISTED, IN_THE_QUERY, SIGNED);

    private FixtureServer server;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new FixtureServer();
        server.otherwise(c -> c.respond(401, "application/json", "{\"code\":\"unauthorized\"}"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    /** The way the docs recommend for secrets: on the component, where no endpoint URI ever holds them. */
    @Test
    void headersOnTheComponentAppearNowhere() throws Exception {
        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            context.getComponent("sse", SseComponent.class).setRequestHeaders(
                    "X-Api-Key: " + PLAIN + ", X-Other: " + WITH_AMPERSAND + ", X-Token: " + LISTED);
            run(context, "");
            assertCaptured(capture.lines());
            seen.addAll(capture.lines());
        }
        assertThat(seen).isNotEmpty().allSatisfy(SseHeaderSecretsTest::holdsNoSecret);
    }

    /**
     * In the URI, Camel's own TRACE lines and its DEBUG line "... converted to endpoint" print the URI as written
     * while it resolves the endpoint (as they do for an apiKey). Everything else, Camel's JMX, health and toString()
     * included, masks the values.
     */
    @Test
    void headersInTheUriAreMaskedEverywhereButCamelsOwnEndpointResolutionLines() throws Exception {
        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            run(context, "&header.X-Api-Key=" + PLAIN + "&header.X-Other=RAW(" + WITH_AMPERSAND + ")"
                         + "&requestHeaders=RAW(X-Token: " + LISTED + ", X-Tenant: acme)");
            assertCaptured(capture.lines());
            for (String line : capture.lines()) {
                if (!line.startsWith("TRACE org.apache.camel.")
                        && !line.startsWith("DEBUG org.apache.camel.impl.engine.AbstractCamelContext")) {
                    seen.add(line);
                }
            }
        }
        assertThat(seen).isNotEmpty().allSatisfy(SseHeaderSecretsTest::holdsNoSecret);
    }

    @Test
    void endpointsThatDifferOnlyInAHeaderValueStayTwoEndpoints() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            SseEndpoint first = context.getEndpoint(server.url("/e").replace("http:", "sse:http:")
                                                    + "?header.X-Api-Key=one", SseEndpoint.class);
            SseEndpoint second = context.getEndpoint(server.url("/e").replace("http:", "sse:http:")
                                                     + "?header.X-Api-Key=two", SseEndpoint.class);
            assertThat(second).isNotSameAs(first).isNotEqualTo(first);
            assertThat(first.getEndpointUri()).isEqualTo(second.getEndpointUri()).contains("header.X-Api-Key=xxxxxx");
            assertThat(first.getConfiguration().getHeaders()).containsEntry("X-Api-Key", "one");
            assertThat(second.getConfiguration().getHeaders()).containsEntry("X-Api-Key", "two");
            assertThat(context.getEndpoints()).contains(first, second);
        } finally {
            context.stop();
        }
    }

    /** The stream URL's own query parameters that look secret are masked the same way as header values. */
    @Test
    void secretLookingParametersOfTheStreamUrlAreMaskedEverywhereButCamelsOwnEndpointResolutionLines()
            throws Exception {
        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            run(context, "&header.X-Api-Key=" + PLAIN + "&header.X-Other=RAW(" + WITH_AMPERSAND + ")"
                         + "&requestHeaders=RAW(X-Token: " + LISTED + ")&key=" + IN_THE_QUERY + "&signature=" + SIGNED
                         + "&page=2");
            for (String line : capture.lines()) {
                if (!line.startsWith("TRACE org.apache.camel.")
                        && !line.startsWith("DEBUG org.apache.camel.impl.engine.AbstractCamelContext")) {
                    seen.add(line);
                }
            }
        }
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.requestLine())
                .as("the URL was requested as written").contains("key=" + IN_THE_QUERY, "signature=" + SIGNED));
        assertThat(seen).isNotEmpty().allSatisfy(SseHeaderSecretsTest::holdsNoSecret);
        assertThat(seen).as("a parameter that looks like no secret is shown").anyMatch(t -> t.contains("page=2"));
    }

    /**
     * A server may answer an error with a Location that repeats the request URL, as a login redirect does: its secret
     * query parameters are masked in the reported exception as they are in the stream URL.
     */
    @Test
    void theLocationOfAnErrorAnswerShowsNoSecretOfItsQuery() throws Exception {
        server.otherwise(c -> c.respond(401, "application/json", "{\"code\":\"unauthorized\"}",
                "Location: https://login.example.com/sso?return_to=%2Fevents&token=" + IN_THE_QUERY
                + "&signature=" + SIGNED + "&lang=en"));
        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            List<Exchange> bridged = new CopyOnWriteArrayList<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(HttpOperationFailedException.class).handled(true).process(bridged::add);
                    from("sse:" + server.url("/events") + "?bridgeErrorHandler=true").routeId("bridged")
                            .to("log:never");
                    from("sse:" + server.url("/events")).routeId("logged").to("log:never");
                }
            });
            context.start();
            try {
                await().until(() -> bridged.size() == 1 && server.requests().size() == 2);
                HttpOperationFailedException failure
                        = bridged.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
                assertThat(failure.getRedirectLocation()).as("the rest of the Location is shown as sent")
                        .isEqualTo("https://login.example.com/sso?return_to=%2Fevents&token=xxxxxx"
                                   + "&signature=xxxxxx&lang=en");
                seen.add(stackTrace(failure));
                SseConsumer logged = (SseConsumer) context.getRoute("logged").getConsumer();
                await().until(() -> logged.getHealthCheck().call().getState() == HealthCheck.State.DOWN);
                seen.add(describe(logged.getHealthCheck().call()));
            } finally {
                context.stop();
            }
            seen.addAll(capture.lines());
        }
        assertThat(seen).as("the failure was logged with its Location")
                .anyMatch(l -> l.startsWith("WARN") && l.contains("redirectLocation: https://login.example.com"));
        assertThat(seen).allSatisfy(SseHeaderSecretsTest::holdsNoSecret);
    }

    @Test
    void theMaskKeepsEveryPartOfTheUriButTheSecrets() {
        assertThat(EndpointUriMasking.mask("sse:https://bob:pw1@h:8443/e?token=t1&page=2&header.X-K=RAW(a&b)"
                                           + "&requestHeaders=X-A: 1&sessionKey=RAW{s)1}&flag&reconnectDelay=10"))
                .isEqualTo("sse:https://bob:xxxxxx@h:8443/e?token=xxxxxx&page=2&header.X-K=xxxxxx"
                           + "&requestHeaders=xxxxxx&sessionKey=xxxxxx&flag&reconnectDelay=10");
    }

    private void run(CamelContext context, String uriOptions) throws Exception {
        List<Exchange> bridged = new CopyOnWriteArrayList<>();
        String uri = "sse:" + server.url("/events") + "?reconnectDelay=10";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class).handled(true).process(bridged::add);
                from(uri + "&bridgeErrorHandler=true" + uriOptions).routeId("bridged").to("log:never");
                from(uri + uriOptions).routeId("logged").to("log:never");
            }
        });
        context.start();
        try {
            await().until(() -> bridged.size() == 1 && server.requests().size() == 2);
            assertThat(server.requests()).allSatisfy(r -> {
                assertThat(r.header("X-Api-Key")).as("the values were sent").isEqualTo(PLAIN);
                assertThat(r.header("X-Other")).isEqualTo(WITH_AMPERSAND);
                assertThat(r.header("X-Token")).isEqualTo(LISTED);
            });
            seen.add(stackTrace(bridged.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
            for (String routeId : List.of("bridged", "logged")) {
                Route route = context.getRoute(routeId);
                seen.add(String.valueOf(route));
                seen.add(String.valueOf(route.getEndpoint()));
                seen.add(String.valueOf(route.getConsumer()));
                await().until(() -> ((SseConsumer) route.getConsumer()).getHealthCheck().call().getState()
                                    == HealthCheck.State.DOWN);
            }
            HealthCheckHelper.invoke(context).forEach(result -> seen.add(describe(result)));
            assertThat(seen).as("Camel's consumer health checks were read")
                    .anyMatch(text -> text.contains("consumer:bridged") && text.contains("endpoint.uri"));
            seen.addAll(jmx(context));
            seen.add(String.valueOf(context.getEndpoints()));
        } finally {
            context.stop();
        }
    }

    /** Every MBean name of the context, and every attribute of every one of them. */
    private static List<String> jmx(CamelContext context) throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        List<String> texts = new ArrayList<>();
        for (ObjectName name : mbeans.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",*"), null)) {
            texts.add(name.toString());
            for (MBeanAttributeInfo attribute : mbeans.getMBeanInfo(name).getAttributes()) {
                try {
                    Object value = mbeans.getAttribute(name, attribute.getName());
                    texts.add(name + " " + attribute.getName() + "="
                              + (value instanceof Object[] array ? Arrays.deepToString(array) : value));
                } catch (Exception unreadable) {
                    texts.add(name + " " + attribute.getName() + " " + stackTrace(unreadable));
                }
            }
        }
        assertThat(texts).as("the sse endpoint's MBean and its EndpointUri")
                .anyMatch(t -> t.contains("type=endpoints") && t.contains("EndpointUri=sse:"));
        assertThat(texts).as("the routes' MBeans").anyMatch(t -> t.contains("type=routes") && t.contains("bridged"));
        assertThat(texts).as("the consumers' MBeans").anyMatch(t -> t.contains("type=consumers"));
        return texts;
    }

    private static void assertCaptured(List<String> lines) {
        assertThat(lines).as("debug lines of the stream were captured")
                .anyMatch(l -> l.startsWith("DEBUG io.camelsse.component.sse.connection.SseStream"));
        assertThat(lines).as("trace lines of Camel were captured").anyMatch(l -> l.startsWith("TRACE org.apache.camel"));
        assertThat(lines).as("the failure itself was logged")
                .anyMatch(l -> l.startsWith("WARN") && l.contains("statusCode: 401"));
    }

    private static void holdsNoSecret(String text) {
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static String describe(HealthCheck.Result result) {
        return result.getCheck().getId() + " " + result.getState() + " " + result.getMessage().orElse("") + " "
               + result.getDetails() + " " + result.getError().map(SseHeaderSecretsTest::stackTrace).orElse("");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
