/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The admin HTTP API under {@code /_simulator}, for people driving the standalone simulator by hand.
 * JSON in, JSON out; no authentication (bind to loopback). See docs/simulator.md for the routes.
 */
final class AdminApi {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int MAX_BULK_SESSIONS = 100_000;
    /** Under {@code /predicate/sessions/}: POSTs on these names act on many sessions (a session so named keeps its GET and DELETE). */
    private static final Set<String> BULK_ROUTES = Set.of("bulk", "advance", "update");

    private final SseSimulator sim;

    AdminApi(SseSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpServerRequest req) {
        req.body().onComplete(ar -> {
            if (ar.failed()) {
                respond(req, 400, error("bad_request", "could not read the body"));
                return;
            }
            try {
                route(req, ar.result());
            } catch (NotFound e) {
                respond(req, 404, error("not_found", e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                respond(req, 400, error("bad_request", e.getMessage()));
            } catch (RuntimeException e) {
                respond(req, 500, error("internal_error", String.valueOf(e)));
            }
        });
    }

    private void route(HttpServerRequest req, Buffer bodyBytes) {
        if (bodyBytes.length() > MAX_BODY) {
            throw new IllegalArgumentException("body too large");
        }
        String rest = req.path().substring(SseSimulator.ADMIN_PATH.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] p = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        HttpMethod m = req.method();
        JsonNode body = bodyBytes.length() == 0 ? F.objectNode() : Json.read(bodyBytes.toString());

        if (p.length == 0 && m == HttpMethod.GET) {
            respond(req, 200, info());
        } else if (p.length == 1 && p[0].equals("reset") && m == HttpMethod.POST) {
            sim.reset();
            respond(req, 200, F.objectNode().put("reset", true));
        } else if (p.length == 1 && p[0].equals("requests") && m == HttpMethod.GET) {
            respond(req, 200, requests());
        } else if (p.length >= 2 && p[0].equals("predicate") && p[1].equals("sessions")) {
            predicate(req, m, p, body);
        } else if (p.length >= 2 && p[0].equals("aidenid") && p[1].equals("events")) {
            aidenId(req, m, p, body);
        } else if (p.length == 2 && p[0].equals("faults") && m == HttpMethod.POST) {
            faults(req, p[1], body);
        } else {
            throw new NotFound("no admin route " + m + " " + req.path());
        }
    }

    // ---- /_simulator ------------------------------------------------------------------------

    private ObjectNode info() {
        ObjectNode n = F.objectNode();
        n.put("baseUrl", sim.baseUrl());
        ObjectNode pr = n.putObject("predicate");
        pr.put("apiKey", SseSimulator.PREDICATE_API_KEY);
        pr.put("streamUrl", sim.baseUrl() + SseSimulator.PREDICATE_STREAM_PATH_PREFIX + "{individual|business}/{sessionId}");
        pr.put("defaultGeneration", sim.predicate().defaultGeneration().name().toLowerCase(Locale.ROOT));
        ArrayNode ss = pr.putArray("sessions");
        for (PredicateSession s : sim.predicate().sessions()) {
            ss.add(session(s));
        }
        ObjectNode aiden = n.putObject("aidenid");
        aiden.put("apiKey", SseSimulator.AIDENID_API_KEY);
        aiden.put("noScopeApiKey", SseSimulator.AIDENID_NO_SCOPE_API_KEY);
        aiden.put("orgId", SseSimulator.AIDENID_ORG_ID);
        aiden.put("projectId", SseSimulator.AIDENID_PROJECT_ID);
        aiden.put("streamUrl", sim.aidenIdStreamUrl());
        aiden.put("lastEventId", sim.aidenId().lastEventId());
        ObjectNode st = n.putObject("stats");
        st.put("connections", sim.stats().connections());
        st.put("acceptedStreams", sim.stats().acceptedStreams());
        st.put("openStreams", sim.stats().openStreams());
        st.put("eventsSent", sim.stats().eventsSent());
        st.put("streamConnections", sim.stats().streamConnections());
        st.put("http2Connections", sim.stats().http2Connections());
        st.put("maxStreamsOnOneConnection", sim.stats().maxStreamsOnOneConnection());
        st.put("refusedStreams", sim.stats().refusedStreams());
        st.put("slowStreamsDropped", sim.stats().slowStreamsDropped());
        return n;
    }

    private ArrayNode requests() {
        ArrayNode a = F.arrayNode();
        for (RecordedRequest r : sim.requests()) {
            ObjectNode o = a.addObject();
            o.put("number", r.number());
            o.put("receivedAt", r.receivedAt().toString());
            o.put("vendor", r.vendor() == null ? null : r.vendor().name().toLowerCase(Locale.ROOT));
            o.put("method", r.method());
            o.put("uri", r.uri());
            o.put("status", r.status());
            o.set("headers", Json.MAPPER.valueToTree(r.headers()));
            ArrayNode f = o.putArray("faults");
            r.faults().forEach(x -> f.add(x.toString()));
        }
        return a;
    }

    // ---- /_simulator/predicate/sessions -----------------------------------------------------

    private void predicate(HttpServerRequest req, HttpMethod m, String[] p, JsonNode body) {
        if (p.length == 2 && m == HttpMethod.GET) {
            ArrayNode a = F.arrayNode();
            sim.predicate().sessions().forEach(s -> a.add(session(s)));
            respond(req, 200, a);
            return;
        }
        if (p.length == 2 && m == HttpMethod.POST) {
            respond(req, 201, session(createSession(body)));
            return;
        }
        if (p.length == 3 && m == HttpMethod.POST && BULK_ROUTES.contains(p[2])) {
            bulk(req, p[2], body);
            return;
        }
        PredicateSession s = sim.predicate().find(p.length > 2 ? p[2] : "")
                .orElseThrow(() -> new NotFound("no Predicate session " + (p.length > 2 ? p[2] : "")));
        if (p.length == 3 && m == HttpMethod.GET) {
            respond(req, 200, session(s));
        } else if (p.length == 3 && m == HttpMethod.DELETE) {
            sim.predicate().remove(s.id());
            respond(req, 200, F.objectNode().put("removed", s.id()));
        } else if (p.length == 4 && p[3].equals("advance") && m == HttpMethod.POST) {
            s.advance();
            respond(req, 200, session(s));
        } else if (p.length == 4 && p[3].equals("restart") && m == HttpMethod.POST) {
            s.restart();
            respond(req, 200, session(s));
        } else if (p.length == 4 && p[3].equals("update") && m == HttpMethod.POST) {
            s.update(changes(body));
            respond(req, 200, session(s));
        } else {
            throw new NotFound("no admin route " + m + " " + req.path());
        }
    }

    private static Consumer<PredicateSession.Update> changes(JsonNode body) {
        return u -> {
            if (body.hasNonNull("status")) {
                u.status(body.get("status").asText());
            }
            if (body.has("userId")) {
                u.userId(text(body, "userId"));
            }
            if (body.has("completedAt")) {
                u.completedAt(text(body, "completedAt"));
            }
            if (body.has("verifiedWallets")) {
                u.verifiedWallets(wallets(body.get("verifiedWallets")));
            }
            if (body.has("unverifiedWallets")) {
                u.unverifiedWallets(wallets(body.get("unverifiedWallets")));
            }
        };
    }

    /** {@code /predicate/sessions/bulk}, {@code /advance} and {@code /update}: many sessions in one request. */
    private void bulk(HttpServerRequest req, String what, JsonNode body) {
        switch (what) {
            case "bulk" -> {
                List<PredicateSession> created = createSessions(body);
                ObjectNode n = F.objectNode().put("count", created.size());
                ArrayNode a = n.putArray("sessions");
                for (PredicateSession s : created) {
                    a.addObject().put("sessionId", s.id()).put("type", s.type().pathSegment()).put("url", s.url());
                }
                respond(req, 201, n);
            }
            case "advance" -> {
                BulkAdvance result = sim.predicate().advanceAll(selected(body));
                ObjectNode n = F.objectNode().put("advanced", result.advanced().size());
                ArrayNode a = n.putArray("notAdvanced");
                result.notAdvanced().forEach(s -> a.add(s.id()));
                respond(req, 200, n);
            }
            default -> {
                List<PredicateSession> updated = sim.predicate().updateAll(selected(body), changes(body));
                respond(req, 200, F.objectNode().put("updated", updated.size()));
            }
        }
    }

    /** {@code "all": true} or {@code "sessionIds": [...]}; every ID must exist, else nothing changes. */
    private List<PredicateSession> selected(JsonNode body) {
        if (body.path("all").asBoolean(false)) {
            return sim.predicate().sessions();
        }
        JsonNode ids = body.get("sessionIds");
        if (ids == null || !ids.isArray()) {
            throw new IllegalArgumentException("give \"sessionIds\": [...] or \"all\": true");
        }
        List<PredicateSession> list = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            list.add(sim.predicate().find(id.asText()).orElseThrow(() -> new NotFound("no Predicate session " + id.asText())));
        }
        return list;
    }

    private List<PredicateSession> createSessions(JsonNode body) {
        JsonNode ids = body.get("sessionIds");
        if (ids != null && !ids.isArray()) {
            throw new IllegalArgumentException("\"sessionIds\" must be an array");
        }
        int count = body.hasNonNull("count") ? body.get("count").asInt(-1) : ids != null ? ids.size() : -1;
        if (count < 0 || count > MAX_BULK_SESSIONS) {
            throw new IllegalArgumentException("give \"count\" from 0 to " + MAX_BULK_SESSIONS + " (or \"sessionIds\")");
        }
        if (ids != null && ids.size() != count) {
            throw new IllegalArgumentException("\"count\" is " + count + " but " + ids.size() + " session IDs are given");
        }
        JsonNode scripts = body.get("scripts");
        if (scripts != null && (!scripts.isArray() || scripts.isEmpty())) {
            throw new IllegalArgumentException("\"scripts\" must be a non-empty array of scripts");
        }
        List<List<Step>> parsedScripts = new ArrayList<>();
        if (scripts != null) {
            for (JsonNode script : scripts) {
                parsedScripts.add(steps(script));
            }
        }
        return sim.predicate().createSessions(count, (b, i) -> {
            configure(b, body);
            if (ids != null) {
                b.id(ids.get(i).asText());
            }
            if (!parsedScripts.isEmpty()) {
                b.script(parsedScripts.get(i % parsedScripts.size()));
            }
        });
    }

    private PredicateSession createSession(JsonNode body) {
        PredicateSession.Builder b = sim.predicate().newSession();
        if (body.hasNonNull("sessionId")) {
            b.id(body.get("sessionId").asText());
        }
        configure(b, body);
        return b.create();
    }

    /** The fields a single and a bulk create share. */
    private static void configure(PredicateSession.Builder b, JsonNode body) {
        if (body.hasNonNull("type")) {
            b.type(VerificationType.fromPathSegment(body.get("type").asText()));
        }
        if (body.hasNonNull("generation")) {
            b.generation(Generation.valueOf(body.get("generation").asText().toUpperCase(Locale.ROOT)));
        }
        if (body.hasNonNull("status")) {
            b.status(body.get("status").asText());
        }
        if (body.hasNonNull("userId")) {
            b.userId(body.get("userId").asText());
        }
        if (body.has("verifiedWallets")) {
            b.verifiedWallets(wallets(body.get("verifiedWallets")).toArray(new SimulatedWallet[0]));
        }
        if (body.has("unverifiedWallets")) {
            b.unverifiedWallets(wallets(body.get("unverifiedWallets")).toArray(new SimulatedWallet[0]));
        }
        if (body.hasNonNull("stepDelayMs")) {
            b.happyPath(Duration.ofMillis(body.get("stepDelayMs").asLong()));
        }
        if (body.has("script")) {
            b.script(steps(body.get("script")));
        }
        if (body.hasNonNull("scriptStart")) {
            b.scriptStart(ScriptStart.valueOf(body.get("scriptStart").asText().toUpperCase(Locale.ROOT)));
        }
        if (body.hasNonNull("restartWhenTerminal")) {
            b.restartWhenTerminal(body.get("restartWhenTerminal").asBoolean());
        }
    }

    /** {@code [{"afterMs":1000,"status":"submitted","userId":"u-1"}, ...]}. */
    private static List<Step> steps(JsonNode script) {
        if (!script.isArray()) {
            throw new IllegalArgumentException("a script is an array of steps");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode st : script) {
            if (!st.hasNonNull("status")) {
                throw new IllegalArgumentException("every step needs a \"status\"");
            }
            Step step = Step.after(Duration.ofMillis(st.path("afterMs").asLong(0)), st.get("status").asText());
            if (st.hasNonNull("userId")) {
                step = step.withUserId(st.get("userId").asText());
            }
            steps.add(step);
        }
        return steps;
    }

    private static List<SimulatedWallet> wallets(JsonNode array) {
        List<SimulatedWallet> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode w : array) {
                list.add(new SimulatedWallet(w.path("id").asText(), w.path("address").asText(), w.path("chain").asText("ethereum")));
            }
        }
        return list;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private ObjectNode session(PredicateSession s) {
        ObjectNode n = F.objectNode();
        n.put("sessionId", s.id());
        n.put("type", s.type().pathSegment());
        n.put("generation", s.generation().name().toLowerCase(Locale.ROOT));
        n.put("status", s.status());
        n.put("url", s.url());
        n.put("openStreams", s.openStreams());
        n.set("snapshot", Json.read(s.snapshotJson()));
        return n;
    }

    // ---- /_simulator/aidenid/events ---------------------------------------------------------

    private void aidenId(HttpServerRequest req, HttpMethod m, String[] p, JsonNode body) {
        if (p.length == 2 && m == HttpMethod.GET) {
            ArrayNode a = F.arrayNode();
            for (SimulatedAidenIdEvent e : sim.aidenId().events()) {
                a.addObject().put("id", e.id()).put("type", e.type()).put("data", e.data());
            }
            respond(req, 200, a);
            return;
        }
        if (m != HttpMethod.POST || p.length > 3) {
            throw new NotFound("no admin route " + m + " " + req.path());
        }
        String type = p.length == 3 ? p[2] : text(body, "type");
        if (type == null) {
            throw new IllegalArgumentException("give the event type in the path or as \"type\"");
        }
        JsonNode data = body.get("data");
        String identityId = data != null && data.hasNonNull("identity_id") ? data.get("identity_id").asText()
                : body.hasNonNull("identity_id") ? body.get("identity_id").asText() : AidenIdEvents.newIdentityId();
        String id;
        if (data != null && !data.isNull()) {
            id = sim.aidenId().publish(type, data.isTextual() ? data.asText() : Json.write(data));
        } else {
            switch (type) {
                case AidenIdEvents.IDENTITY_CREATED -> id = sim.aidenId().publishIdentityCreated(identityId);
                case AidenIdEvents.IDENTITY_EXPIRED -> id = sim.aidenId().publishIdentityExpired(identityId);
                case AidenIdEvents.EXTRACTION_COMPLETED -> id = sim.aidenId().publishExtractionCompleted(identityId);
                case AidenIdEvents.INBOUND_RECEIVED -> id = sim.aidenId().publishInboundReceived(identityId);
                default -> throw new IllegalArgumentException("give \"data\" for an event of type " + type);
            }
        }
        respond(req, 201, F.objectNode().put("id", id).put("type", type));
    }

    // ---- /_simulator/faults -----------------------------------------------------------------

    private void faults(HttpServerRequest req, String what, JsonNode body) {
        switch (what) {
            case "clear" -> sim.faults().clear();
            case "next" -> {
                Vendor vendor = body.hasNonNull("vendor") ? Vendor.valueOf(body.get("vendor").asText().toUpperCase(Locale.ROOT)) : null;
                List<Fault> list = new ArrayList<>();
                for (JsonNode f : body.path("faults")) {
                    list.add(fault(f));
                }
                if (vendor == null) {
                    sim.faults().nextStream(list.toArray(new Fault[0]));
                } else {
                    sim.faults().nextStream(vendor, list.toArray(new Fault[0]));
                }
            }
            case "always" -> {
                List<Fault> list = new ArrayList<>();
                for (JsonNode f : body.path("faults")) {
                    list.add(fault(f));
                }
                sim.faults().always(list.toArray(new Fault[0]));
            }
            case "random" -> sim.faults().random(body.path("seed").asLong(1), body.path("probability").asDouble(0));
            default -> throw new NotFound("no admin route POST " + req.path());
        }
        respond(req, 200, F.objectNode().put("queued", sim.faults().queued()));
    }

    static Fault fault(JsonNode f) {
        String kind = f.path("kind").asText("");
        int after = f.path("afterEvents").asInt(0);
        switch (kind) {
            case "dropAfterEvents":
                return Fault.dropAfterEvents(f.path("events").asInt(0));
            case "dropMidEvent":
                return Fault.dropMidEvent(after);
            case "stall":
                return Fault.stallAfterEvents(after, Duration.ofMillis(f.path("ms").asLong(1000)));
            case "oneByteChunks":
                return Fault.oneByteChunks();
            case "slowWrites":
                return Fault.slowWrites(f.path("pieceBytes").asInt(Fault.SLOW_WRITE_PIECE_BYTES),
                        Duration.ofMillis(f.path("pauseMs").asLong(50)));
            case "malformedJson":
                return Fault.malformedJson(after);
            case "oversizedEvent":
                return Fault.oversizedEvent(f.path("bytes").asInt(65536), after);
            case "contentType":
                return Fault.contentType(f.path("contentType").asText("text/plain"));
            case "status": {
                Fault.Status s = Fault.status(f.path("code").asInt(503));
                if (f.hasNonNull("retryAfterSeconds")) {
                    s = s.retryAfter(Duration.ofSeconds(f.get("retryAfterSeconds").asLong()));
                }
                if (f.hasNonNull("location")) {
                    s = s.header("Location", f.get("location").asText());
                }
                return s;
            }
            default:
                throw new IllegalArgumentException("unknown fault kind '" + kind + "'");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static ObjectNode error(String code, String message) {
        return F.objectNode().put("code", code).put("message", message);
    }

    private static void respond(HttpServerRequest req, int status, JsonNode body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.write(body));
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
