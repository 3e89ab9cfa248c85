/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.Recorder.comment;
import static io.camelsse.component.sse.parser.Recorder.event;
import static io.camelsse.component.sse.parser.Recorder.message;
import static io.camelsse.component.sse.parser.Recorder.retry;
import static io.camelsse.component.sse.parser.StreamBytes.BOM;
import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static io.camelsse.component.sse.parser.StreamBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The WHATWG rules for interpreting an event stream, one case per rule, plus the behaviours the
 * web-platform-tests {@code eventsource/format-*} tests check (those are named {@code wpt_...}).
 * Every case runs fed whole, fed one byte at a time, and fed in random chunks.
 *
 * <p>The WPT cases use the bytes the WPT server sends: its {@code message.py} appends
 * {@code "\n\n\n"} to the message, or {@code "\n"} when called with {@code newline=none}.
 */
class EventStreamParserConformanceTest {

    private static final String WPT_END = "\n\n\n";
    private static final String WPT_END_NEWLINE_NONE = "\n";

    /**
     * One or more streams (connections) fed to one parser, and what it must report; {@code ownIds}, when given, says
     * for each event whether its own block set its ID.
     */
    record Case(String name, List<byte[]> streams, List<Object> expected, String lastEventId, List<Boolean> ownIds) {

        Case expect(Object... seen) {
            return new Case(name, streams, List.of(seen), lastEventId, ownIds);
        }

        Case lastEventId(String id) {
            return new Case(name, streams, expected, id, ownIds);
        }

        Case ownIds(Boolean... own) {
            return new Case(name, streams, expected, lastEventId, List.of(own));
        }
    }

    static Case given(String name, byte[]... streams) {
        return new Case(name, Arrays.asList(streams), List.of(), null, null);
    }

    @TestFactory
    Stream<DynamicContainer> rules() {
        return cases().stream().map(c -> dynamicContainer(c.name(), Stream
                .of(Chunking.whole(), Chunking.oneByte(), Chunking.random(Chunking.RUN_SEED ^ c.name().hashCode()))
                .map(chunking -> dynamicTest(chunking.toString(), () -> check(c, chunking)))));
    }

    private static void check(Case c, Chunking chunking) throws EventTooLargeException {
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder);
        for (byte[] stream : c.streams()) {
            chunking.feed(parser, stream);
            parser.endOfStream();
        }
        String description = String.format("%s fed in %s (replay with -Dsse.test.seed=%d)", c.name(), chunking,
                Chunking.RUN_SEED);
        assertThat(recorder.seen).as(description).containsExactlyElementsOf(c.expected());
        if (c.lastEventId() != null) {
            assertThat(parser.lastEventId()).as(description).isEqualTo(c.lastEventId());
        }
        if (c.ownIds() != null) {
            assertThat(recorder.ownIds()).as(description).containsExactlyElementsOf(c.ownIds());
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        utf8Rules(cases);
        byteOrderMarkRules(cases);
        lineEndsRules(cases);
        dispatchRules(cases);
        commentsRules(cases);
        fieldParsingRules(cases);
        eventTypeRules(cases);
        lastEventIdRules(cases);
        retryRules(cases);
        endOfStreamRules(cases);
        return cases;
    }

    private static void utf8Rules(List<Case> cases) {
        cases.add(given("utf8_text_is_decoded",
                bytes("data: caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\n\n"))
                .expect(message("caf\u00e9 \u4e2d\u6587 \uD83D\uDE00")));
        cases.add(given("wpt_format_utf_8",
                bytes("data:ok", raw(0xE2, 0x80, 0xA6), WPT_END))
                .expect(message("ok\u2026")));
        cases.add(given("utf8_malformed_bytes_become_one_replacement_per_maximal_subpart",
                bytes("data: ", raw(0xFF), "a", raw(0xC0, 0x80), "b", raw(0xED, 0xA0, 0x80), "c",
                        raw(0xF0, 0x80, 0x80), "d", raw(0xE0, 0xA0), "e", raw(0xF4, 0x90, 0x80, 0x80), "f",
                        raw(0xF0, 0x9F, 0x98), "g", raw(0x80, 0xBF), "\n\n"))
                .expect(message("\uFFFDa\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFDc\uFFFD\uFFFD\uFFFDd\uFFFDe"
                        + "\uFFFD\uFFFD\uFFFD\uFFFDf\uFFFDg\uFFFD\uFFFD")));
        cases.add(given("utf8_incomplete_sequence_before_a_line_end_is_one_replacement",
                bytes("data: ", raw(0xE2, 0x82), "\ndata: ", raw(0xF0, 0x9F, 0x98), "\r\n\n"))
                .expect(message("\uFFFD\n\uFFFD")));
        cases.add(given("utf8_incomplete_sequence_before_a_colon_stays_in_the_field_name",
                bytes("data", raw(0xC3), ": x\ndata: y\n\n"))
                .expect(message("y")));
        cases.add(given("utf8_in_event_type_and_id",
                bytes("event: \u00fcber\nid: \u00efd-\u2603\ndata: x\n\n"))
                .expect(event("\u00fcber", "x", "\u00efd-\u2603"))
                .lastEventId("\u00efd-\u2603"));
        cases.add(given("utf8_malformed_bytes_in_event_type_id_and_comment",
                bytes("event: ", raw(0xFF), "\nid: ", raw(0xC3), "\n:", raw(0xE2, 0x82), "\ndata: x\n\n"))
                .expect(comment("\uFFFD"), event("\uFFFD", "x", "\uFFFD")));
    }

    private static void byteOrderMarkRules(List<Case> cases) {
        cases.add(given("bom_at_the_start_of_the_stream_is_skipped",
                bytes(BOM, "data: 1\n\n"))
                .expect(message("1")));
        cases.add(given("wpt_format_bom",
                bytes(BOM, "data:1\n\n", BOM, "data:2\n\ndata:3", WPT_END))
                .expect(message("1"), message("3")));
        cases.add(given("wpt_format_bom_2",
                bytes(BOM, BOM, "data:1\n\ndata:2\n\ndata:3", WPT_END))
                .expect(message("2"), message("3")));
        cases.add(given("bom_prefix_not_followed_by_the_rest_is_content",
                bytes(raw(0xEF, 0xBB), "data: 1\n\ndata: 2\n\n"))
                .expect(message("2")));
        cases.add(given("bom_first_byte_alone_is_content",
                bytes(raw(0xEF), "\ndata: 2\n\n"))
                .expect(message("2")));
        cases.add(given("bom_alone_is_an_empty_stream",
                bytes(BOM), bytes("data: 2\n\n"))
                .expect(message("2")));
        cases.add(given("bom_is_skipped_at_the_start_of_every_stream",
                bytes(BOM, "data: 1\n\n"), bytes(BOM, "data: 2\n\n"))
                .expect(message("1"), message("2")));
    }

    private static void lineEndsRules(List<Case> cases) {
        cases.add(given("lf_ends_a_line",
                bytes("data: a\ndata: b\n\n"))
                .expect(message("a\nb")));
        cases.add(given("cr_ends_a_line",
                bytes("data: a\rdata: b\r\r"))
                .expect(message("a\nb")));
        cases.add(given("crlf_ends_a_line",
                bytes("data: a\r\ndata: b\r\n\r\n"))
                .expect(message("a\nb")));
        cases.add(given("mixed_line_ends",
                bytes("data: a\rdata: b\ndata: c\r\n\ndata: d\r\n\r"))
                .expect(message("a\nb\nc"), message("d")));
        cases.add(given("cr_cr_is_two_line_ends",
                bytes("data: a\r\rdata: b\r\r"))
                .expect(message("a"), message("b")));
        cases.add(given("lf_cr_is_two_line_ends",
                bytes("data: a\n\rdata: b\n\r"))
                .expect(message("a"), message("b")));
        cases.add(given("crlf_crlf_is_a_line_end_and_a_blank_line",
                bytes("data: a\r\n\r\ndata: b\r\n\r\n"))
                .expect(message("a"), message("b")));
        cases.add(given("wpt_format_newlines",
                bytes("data:test\r\ndata\ndata:test\r\n\r", WPT_END_NEWLINE_NONE))
                .expect(message("test\n\ntest")));
    }

    private static void dispatchRules(List<Case> cases) {
        cases.add(given("blank_line_dispatches_the_event",
                bytes("data: a\n\ndata: b\n\n"))
                .expect(message("a"), message("b")));
        cases.add(given("data_lines_are_joined_with_lf",
                bytes("data: a\ndata: b\ndata: c\n\n"))
                .expect(message("a\nb\nc")));
        cases.add(given("empty_data_field_dispatches_an_empty_string",
                bytes("data:\n\n"))
                .expect(message("")));
        cases.add(given("only_the_last_lf_of_the_data_buffer_is_removed",
                bytes("data:\ndata:\n\n"))
                .expect(message("\n")));
        cases.add(given("wpt_format_field_data",
                bytes("data:\n\ndata\ndata\n\ndata:test", WPT_END))
                .expect(message(""), message("\n"), message("test")));
        cases.add(given("block_without_data_dispatches_nothing",
                bytes("event: x\n\nid: 1\n\n:c\n\n\n\n"))
                .expect(comment("c"))
                .lastEventId("1"));
        cases.add(given("blank_lines_alone_dispatch_nothing",
                bytes("\n\r\n\r\n\n"))
                .expect()
                .lastEventId(""));
        cases.add(given("line_of_spaces_is_not_blank",
                bytes("data: a\n \n  \ndata: b\n\n"))
                .expect(message("a\nb")));
        cases.add(given("wpt_format_null_character",
                bytes("data:\0\n\n", WPT_END))
                .expect(message("\0")));
    }

    private static void commentsRules(List<Case> cases) {
        cases.add(given("comment_is_reported_without_its_colon",
                bytes(": keep-alive\n"))
                .expect(comment(" keep-alive")));
        cases.add(given("empty_comment",
                bytes(":\n"))
                .expect(comment("")));
        cases.add(given("comment_keeps_later_colons",
                bytes("::a: b\n"))
                .expect(comment(":a: b")));
        cases.add(given("comment_inside_an_event_does_not_end_it",
                bytes("data: a\n: c\ndata: b\n\n"))
                .expect(comment(" c"), message("a\nb")));
        String longComment = "x".repeat(2048);
        cases.add(given("wpt_format_comments",
                bytes("data:1\r:\0\n:\r\ndata:2\n:" + longComment + "\rdata:3\n:data:fail\r:" + longComment
                        + "\ndata:4\n", WPT_END_NEWLINE_NONE))
                .expect(comment("\0"), comment(""), comment(longComment), comment("data:fail"),
                        comment(longComment), message("1\n2\n3\n4")));
    }

    private static void fieldParsingRules(List<Case> cases) {
        cases.add(given("value_is_everything_after_the_first_colon",
                bytes("data: a:b: c\n\n"))
                .expect(message("a:b: c")));
        cases.add(given("one_leading_space_is_removed_from_the_value",
                bytes("data: x\n\n"))
                .expect(message("x")));
        cases.add(given("only_one_leading_space_is_removed_from_the_value",
                bytes("data:  x\n\n"))
                .expect(message(" x")));
        cases.add(given("value_without_leading_space_is_kept_whole",
                bytes("data:x\n\n"))
                .expect(message("x")));
        cases.add(given("trailing_spaces_are_kept",
                bytes("data: x  \n\n"))
                .expect(message("x  ")));
        cases.add(given("wpt_format_leading_space",
                bytes("data:\ttest\rdata: \ndata:test", WPT_END))
                .expect(message("\ttest\n\ntest")));
        cases.add(given("line_without_colon_is_a_field_name_with_an_empty_value",
                bytes("data\n\nevent\ndata:x\n\n"))
                .expect(message(""), message("x")));
        cases.add(given("field_names_are_case_sensitive",
                bytes("Data: a\nDATA: b\nEvent: c\nID: d\nRetry: 1\ndata: e\n\n"))
                .expect(message("e"))
                .lastEventId(""));
        cases.add(given("space_before_field_name_makes_another_field",
                bytes(" data: a\ndata : b\ndata: c\n\n"))
                .expect(message("c")));
        cases.add(given("unknown_fields_are_ignored",
                bytes("foo: bar\nid-x: 1\ndata: x\nfoo\n\n"))
                .expect(message("x"))
                .lastEventId(""));
        cases.add(given("wpt_format_field_unknown",
                bytes("data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test", WPT_END))
                .expect(comment("thisisacommentyay"), message("test\n\ntest")));
        cases.add(given("wpt_format_field_parsing",
                bytes("data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n"
                        + " data:32\ndata:4\n", WPT_END_NEWLINE_NONE))
                .expect(message("\0\n 2\n1\n3\n\n4")));
    }

    private static void eventTypeRules(List<Case> cases) {
        cases.add(given("event_type_defaults_to_message",
                bytes("data: x\n\n"))
                .expect(event("message", "x", "")));
        cases.add(given("event_field_sets_the_type",
                bytes("event: update\ndata: x\n\n"))
                .expect(event("update", "x", "")));
        cases.add(given("wpt_format_field_event",
                bytes("event:test\ndata:x\n\ndata:x", WPT_END))
                .expect(event("test", "x", ""), message("x")));
        cases.add(given("wpt_format_field_event_empty",
                bytes("event: \ndata:data", WPT_END))
                .expect(message("data")));
        cases.add(given("last_event_field_wins",
                bytes("event: a\nevent: b\ndata: x\n\n"))
                .expect(event("b", "x", "")));
        cases.add(given("event_type_is_reset_after_dispatch",
                bytes("event: a\ndata: x\n\ndata: y\n\nevent: a\ndata: z\n\n"))
                .expect(event("a", "x", ""), message("y"), event("a", "z", "")));
        cases.add(given("event_type_of_a_block_without_data_is_reset",
                bytes("event: a\n\ndata: y\n\n"))
                .expect(message("y")));
        StringBuilder manyTypes = new StringBuilder();
        List<Object> manyTypeEvents = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int type = 0; type < 11; type++) {
                manyTypes.append("event: type-").append(type).append("\ndata: ").append(round).append("\n\n");
                manyTypeEvents.add(event("type-" + type, String.valueOf(round), ""));
            }
        }
        cases.add(given("event_types_keep_their_names_when_many_alternate",
                bytes(manyTypes.toString()))
                .expect(manyTypeEvents.toArray()));
        cases.add(given("event_type_message_may_be_named",
                bytes("event: message\ndata: x\n\n"))
                .expect(message("x")));
    }

    private static void lastEventIdRules(List<Case> cases) {
        cases.add(given("id_sets_the_last_event_id",
                bytes("id: 42\ndata: x\n\n"))
                .expect(message("x", "42"))
                .lastEventId("42")
                .ownIds(true));
        cases.add(given("id_after_data_still_applies_to_that_event",
                bytes("data: x\nid: 7\n\n"))
                .expect(message("x", "7"))
                .ownIds(true));
        cases.add(given("id_in_a_block_without_data_still_sets_the_last_event_id",
                bytes("id: 5\n\ndata: x\n\n"))
                .expect(message("x", "5"))
                .lastEventId("5")
                .ownIds(false));
        cases.add(given("wpt_format_field_id",
                bytes("id: \u2026\nretry: 200\ndata: hello\n\n"))
                .expect(retry(200), message("hello", "\u2026"))
                .lastEventId("\u2026"));
        cases.add(given("wpt_format_field_id_2",
                bytes("id: \u2026\nretry: 200\ndata: hello\n\n"), bytes("data: \u2026\n\n"),
                bytes("data: \u2026\n\n"))
                .expect(retry(200), message("hello", "\u2026"), message("\u2026", "\u2026"),
                        message("\u2026", "\u2026")));
        cases.add(given("wpt_format_field_id_3_persists",
                bytes("id: 1\ndata: 1\n\ndata: 2\n\nid: 2\ndata:3\n\ndata:4\n\n"))
                .expect(message("1", "1"), message("2", "1"), message("3", "2"), message("4", "2"))
                .ownIds(true, false, true, false));
        cases.add(given("wpt_format_field_id_3_resets",
                bytes("id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n"))
                .expect(message("1", "1"), message("2", ""), message("3", ""))
                .lastEventId("")
                .ownIds(true, true, false));
        cases.add(given("wpt_format_field_id_3_resets_without_colon",
                bytes("id: 1\ndata: 1\n\nid\ndata:2\n\ndata:3\n\n"))
                .expect(message("1", "1"), message("2", ""), message("3", ""))
                .lastEventId("")
                .ownIds(true, true, false));
        String[] nulIds = {"\0\0", "x\0", "\0x", "x\0x", " \0"};
        for (int i = 0; i < nulIds.length; i++) {
            cases.add(given("wpt_format_field_id_null_" + (i + 1),
                    bytes("id: " + nulIds[i] + "\nretry: 200\ndata: hello\n\n"))
                    .expect(retry(200), message("hello", ""))
                    .lastEventId("")
                    .ownIds(false));
        }
        cases.add(given("id_with_nul_leaves_the_previous_id",
                bytes("id: 1\ndata: a\n\nid: 2\0\ndata: b\n\n"))
                .expect(message("a", "1"), message("b", "1"))
                .lastEventId("1")
                .ownIds(true, false));
        cases.add(given("id_persists_across_streams",
                bytes("id: 1\ndata: a\n\n"), bytes("data: b\n\n"))
                .expect(message("a", "1"), message("b", "1"))
                .lastEventId("1")
                .ownIds(true, false));
    }

    private static void retryRules(List<Case> cases) {
        cases.add(given("wpt_format_field_retry",
                bytes("retry:03000\ndata:x", WPT_END))
                .expect(retry(3000), message("x")));
        cases.add(given("wpt_format_field_retry_bogus",
                bytes("retry:3000\nretry:1000x\ndata:x", WPT_END))
                .expect(retry(3000), message("x")));
        cases.add(given("wpt_format_field_retry_empty",
                bytes("retry\ndata:test", WPT_END))
                .expect(message("test")));
        cases.add(given("retry_with_empty_value_is_ignored",
                bytes("retry:\nretry: \n"))
                .expect());
        cases.add(given("retry_is_reported_when_read_without_a_blank_line",
                bytes("retry: 1500\n"))
                .expect(retry(1500)));
        cases.add(given("retry_zero",
                bytes("retry: 0\n"))
                .expect(retry(0)));
        cases.add(given("retry_with_a_second_leading_space_is_ignored",
                bytes("retry:  500\n"))
                .expect());
        cases.add(given("retry_that_is_not_all_ascii_digits_is_ignored",
                bytes("retry: -1\nretry: +1\nretry: 1.5\nretry: 1e3\nretry: 0x10\nretry: 12 \nretry: 1 2\n"
                        + "retry: \u0661\u0662\nretry: \uFF11\uFF12\n"))
                .expect());
        cases.add(given("retry_too_large_for_a_long_is_clamped",
                bytes("retry: 9223372036854775807\nretry: 9223372036854775808\nretry: 99999999999999999999999999\n"))
                .expect(retry(Long.MAX_VALUE), retry(Long.MAX_VALUE), retry(Long.MAX_VALUE)));
    }

    private static void endOfStreamRules(List<Case> cases) {
        cases.add(given("event_without_final_blank_line_is_dropped_at_end_of_stream",
                bytes("data: a\n\ndata: b\n"))
                .expect(message("a")));
        cases.add(given("line_without_line_end_is_dropped_at_end_of_stream",
                bytes("data: a\n\ndata: b"))
                .expect(message("a")));
        cases.add(given("wpt_format_data_before_final_empty_line",
                bytes("retry:1000\ndata:test1\n\nid:test\ndata:test2", WPT_END_NEWLINE_NONE))
                .expect(retry(1000), message("test1", ""))
                .lastEventId(""));
        cases.add(given("id_of_a_dropped_event_is_dropped_too",
                bytes("id: 1\ndata: a\n\nid: 2\ndata: b\n"), bytes("data: c\n\n"))
                .expect(message("a", "1"), message("c", "1"))
                .lastEventId("1"));
        cases.add(given("event_type_of_a_dropped_event_is_dropped_too",
                bytes("event: x\ndata: y\n"), bytes("data: z\n\n"))
                .expect(message("z")));
        cases.add(given("unfinished_line_does_not_continue_in_the_next_stream",
                bytes("data: a\n\ndat"), bytes("a: b\n\ndata: c\n\n"))
                .expect(message("a"), message("c")));
        cases.add(given("cr_at_end_of_stream_ends_the_line_at_once",
                bytes("data: a\r\r"))
                .expect(message("a")));
    }
}
