package org.clearinghouse.wiki;

import java.nio.charset.StandardCharsets;

/** Turns a page's bytes into text: UTF-8, without a byte-order mark. */
final class PageText {
    private PageText() {}

    static String decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    /** The first {@code length} bytes, decoded; {@code length} must fall between characters. */
    static String decode(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
