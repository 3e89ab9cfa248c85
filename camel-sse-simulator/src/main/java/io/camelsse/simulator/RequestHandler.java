/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes a request to a vendor endpoint or the admin API. Runs on the event loop of the hub. */
final class RequestHandler {

    private static final long HTTP2_REFUSED_STREAM = 0x7;

    private final SseSimulator sim;
    private final AdminApi admin;

    RequestHandler(SseSimulator sim, boolean adminApi) {
        this.sim = sim;
        this.admin = adminApi ? new AdminApi(sim) : null;
    }

    void handle(HttpServerRequest req, Hub hub) {
        String path = req.path();
        if (admin != null && (path.equals(SseSimulator.ADMIN_PATH) || path.startsWith(SseSimulator.ADMIN_PATH + "/"))) {
            admin.handle(req);
            return;
        }
        Vendor vendor = null;
        if (path.startsWith(SseSimulator.PREDICATE_STREAM_PATH_PREFIX)) {
            vendor = Vendor.PREDICATE;
        } else if (path.equals(SseSimulator.AIDENID_STREAM_PATH)) {
            vendor = Vendor.AIDENID;
        }
        RecordedRequestDraft draft = new RecordedRequestDraft(req, vendor);
        if (vendor == null) {
            error(req, draft, 404, "not_found", "No such endpoint: " + path);
            return;
        }
        sim.stats.connection(vendor);
        if (hub.overStreamLimit(req)) {
            sim.stats.streamRefused();
            sim.record(draft, 0, List.of());
            req.response().reset(HTTP2_REFUSED_STREAM);
            return;
        }
        if (req.method() != HttpMethod.GET) {
            req.response().putHeader("Allow", "GET");
            error(req, draft, 405, "method_not_allowed", "Only GET is supported here");
            return;
        }
        if (vendor == Vendor.PREDICATE) {
            predicate(req, hub, draft, path);
        } else {
            aidenId(req, hub, draft);
        }
    }

    private void predicate(HttpServerRequest req, Hub hub, RecordedRequestDraft draft, String path) {
        if (!SseSimulator.PREDICATE_API_KEY.equals(bearer(req))) {
            error(req, draft, 401, "unauthorized", "Missing or invalid API key");
            return;
        }
        String[] parts = path.substring(SseSimulator.PREDICATE_STREAM_PATH_PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            error(req, draft, 404, "not_found", "No such endpoint: " + path);
            return;
        }
        VerificationType type;
        try {
            type = VerificationType.fromPathSegment(parts[0]);
        } catch (IllegalArgumentException e) {
            error(req, draft, 400, "invalid_type", "Verification type must be 'individual' or 'business'");
            return;
        }
        Optional<PredicateSession> found = sim.predicate().find(parts[1]);
        if (found.isEmpty() || found.get().type() != type) {
            error(req, draft, 404, "session_not_found", "Session not found: " + parts[1]);
            return;
        }
        long number = sim.nextConnectionNumber();
        Faults.FaultPlan plan = sim.faults().take(Vendor.PREDICATE, number);
        if (plan != null && plan.status != null) {
            statusFault(req, draft, plan);
            return;
        }
        sim.stats.accepted(Vendor.PREDICATE);
        sim.record(draft, 200, plan == null ? List.of() : plan.faults);
        SimulatedStream stream = new SimulatedStream(sim, hub, Vendor.PREDICATE, req, plan);
        stream.connection = hub.streamOpened(req);
        hub.add(stream);
        stream.open();
        found.get().attach(stream);
    }

    private void aidenId(HttpServerRequest req, Hub hub, RecordedRequestDraft draft) {
        String key = bearer(req);
        if (!SseSimulator.AIDENID_API_KEY.equals(key) && !SseSimulator.AIDENID_NO_SCOPE_API_KEY.equals(key)) {
            error(req, draft, 401, "unauthorized", "Missing or invalid API key");
            return;
        }
        if (SseSimulator.AIDENID_NO_SCOPE_API_KEY.equals(key)) {
            error(req, draft, 403, "forbidden", "API key lacks the required scope");
            return;
        }
        if (!SseSimulator.AIDENID_ORG_ID.equals(req.getHeader("X-Org-Id"))) {
            error(req, draft, 403, "forbidden", "API key has no access to this organization");
            return;
        }
        if (!SseSimulator.AIDENID_PROJECT_ID.equals(req.getHeader("X-Project-Id"))) {
            error(req, draft, 403, "forbidden", "API key has no access to this project");
            return;
        }
        if (!sim.stats.tryAcceptAidenId(sim.aidenId().streamLimit())) {
            req.response().putHeader("Retry-After", Long.toString(sim.aidenId().streamLimitRetryAfterSeconds()));
            error(req, draft, 429, "stream_limit_reached", "Too many concurrent SSE connections for your plan");
            return;
        }
        long number = sim.nextConnectionNumber();
        Faults.FaultPlan plan = sim.faults().take(Vendor.AIDENID, number);
        if (plan != null && plan.status != null) {
            sim.stats.releaseAidenId();
            statusFault(req, draft, plan);
            return;
        }
        sim.record(draft, 200, plan == null ? List.of() : plan.faults);
        SimulatedStream stream = new SimulatedStream(sim, hub, Vendor.AIDENID, req, plan);
        stream.connection = hub.streamOpened(req);
        hub.add(stream);
        stream.open();
        sim.aidenId().attach(stream, req.getHeader("Last-Event-ID"));
    }

    private void statusFault(HttpServerRequest req, RecordedRequestDraft draft, Faults.FaultPlan plan) {
        Fault.Status s = plan.status;
        HttpServerResponse resp = req.response();
        resp.setStatusCode(s.code());
        for (Map.Entry<String, String> h : s.headers().entrySet()) {
            resp.putHeader(h.getKey(), h.getValue());
        }
        sim.record(draft, s.code(), plan.faults);
        String body = s.body();
        boolean bodyless = s.code() == 204 || s.code() == 304 || (s.code() >= 300 && s.code() < 400);
        if (body == null && !bodyless) {
            body = Json.error(errorCode(s.code()), "Simulated fault: HTTP " + s.code());
        }
        if (body == null || s.code() == 204 || s.code() == 304) {
            resp.end();
        } else {
            if (!s.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
                resp.putHeader("Content-Type", "application/json");
            }
            resp.end(body);
        }
    }

    private static String errorCode(int status) {
        switch (status) {
            case 400: return "bad_request";
            case 401: return "unauthorized";
            case 403: return "forbidden";
            case 404: return "not_found";
            case 408: return "request_timeout";
            case 410: return "gone";
            case 429: return "rate_limited";
            case 500: return "internal_error";
            case 502: return "bad_gateway";
            case 503: return "service_unavailable";
            case 504: return "gateway_timeout";
            default: return "error";
        }
    }

    private void error(HttpServerRequest req, RecordedRequestDraft draft, int status, String code, String message) {
        sim.record(draft, status, List.of());
        req.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Json.error(code, message));
    }

    /** The token of {@code Authorization: Bearer <token>}, or null. */
    static String bearer(HttpServerRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth == null) {
            return null;
        }
        auth = auth.trim();
        if (auth.length() > 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }
}
