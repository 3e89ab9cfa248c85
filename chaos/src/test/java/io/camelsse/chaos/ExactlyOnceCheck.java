/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the event IDs a consumer delivered with the IDs the server published: lost (published, never delivered),
 * duplicated (delivered more than once), out of order (delivered before an ID published earlier) and unknown ones.
 */
record ExactlyOnceCheck(String who, int published, int delivered, List<String> lostIds, List<String> duplicatedIds,
        List<String> outOfOrderIds, List<String> unknownIds) {

    static ExactlyOnceCheck of(String who, List<String> published, List<String> delivered) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            position.put(published.get(i), i);
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicated = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int highest = -1;
        for (String id : delivered) {
            Integer at = position.get(id);
            if (at == null) {
                unknown.add(id);
                continue;
            }
            if (!seen.add(id)) {
                duplicated.add(id);
                continue;
            }
            if (at < highest) {
                outOfOrder.add(id);
            }
            highest = Math.max(highest, at);
        }
        List<String> lost = new ArrayList<>();
        for (String id : published) {
            if (!seen.contains(id)) {
                lost.add(id);
            }
        }
        return new ExactlyOnceCheck(who, published.size(), delivered.size(), lost, duplicated, outOfOrder, unknown);
    }

    int lost() {
        return lostIds.size();
    }

    int duplicated() {
        return duplicatedIds.size();
    }

    boolean exactlyOnceInOrder() {
        return lostIds.isEmpty() && duplicatedIds.isEmpty() && outOfOrderIds.isEmpty() && unknownIds.isEmpty();
    }

    @Override
    public String toString() {
        return who + ": published=" + published + " delivered=" + delivered + " lost=" + lost() + first(lostIds)
               + " duplicated=" + duplicated() + first(duplicatedIds) + " outOfOrder=" + outOfOrderIds.size()
               + first(outOfOrderIds) + " unknown=" + unknownIds.size() + first(unknownIds);
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? "" : " " + ids.subList(0, Math.min(10, ids.size())) + (ids.size() > 10 ? "..." : "");
    }
}
