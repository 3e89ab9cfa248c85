/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * A deliberately plain reading of the WHATWG event-stream rules: decode the whole stream, split
 * it into lines, interpret each line with string operations. Slow and simple, so the real parser
 * can be checked against it on generated streams.
 */
final class ReferenceParser {

    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    final List<Object> seen = new ArrayList<>();
    String lastEventId = "";
    private String idBuffer = "";
    private boolean ownId;
    private StringBuilder data = new StringBuilder();
    private String type = "";

    /** Parses one stream (one connection's body) up to its end. */
    void stream(byte[] bytes) {
        String text = ReferenceUtf8Decoder.decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        // what is left has no line end: an incomplete line of an incomplete event, dropped
        data = new StringBuilder();
        type = "";
        idBuffer = lastEventId;
        ownId = false;
    }

    private void line(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith(":")) {
            seen.add(new Recorder.Comment(line.substring(1)));
        } else {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            field(name, value);
        }
    }

    private void field(String name, String value) {
        switch (name) {
            case "event" -> type = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                    ownId = true;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    seen.add(new Recorder.Retry(new BigInteger(value).min(MAX_LONG).longValueExact()));
                }
            }
            default -> {
            }
        }
    }

    private void dispatch() {
        lastEventId = idBuffer;
        boolean hadOwnId = ownId;
        ownId = false;
        if (data.length() == 0) {
            type = "";
            return;
        }
        String text = data.substring(0, data.length() - 1);
        seen.add(new ServerSentEvent(type.isEmpty() ? "message" : type, text, lastEventId, hadOwnId));
        data = new StringBuilder();
        type = "";
    }
}
