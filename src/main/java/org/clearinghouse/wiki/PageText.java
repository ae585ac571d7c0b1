package org.clearinghouse.wiki;

import java.nio.charset.StandardCharsets;

/** Turns a page's bytes into text: UTF-8, without a byte-order mark. */
final class PageText {
    private PageText() {}

    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
