package org.clearinghouse.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of link paths and percent-encoding of the query and fragment of hrefs the
 * renderer builds. Unlike {@link java.net.URLDecoder} it leaves {@code +} alone (that is form
 * encoding, not URL encoding) and refuses malformed input instead of guessing. Thread-safe
 * (stateless).
 */
final class PercentCoding {

    /** Characters kept as they are in a query or fragment; everything else is encoded. */
    private static final String KEPT = "-._~!$&'()*+,;=:@/?";

    private PercentCoding() {}

    /** Decodes {@code %XX} sequences as UTF-8; null when malformed. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Encodes a query or fragment: ASCII letters, digits, {@value #KEPT} and well-formed
     * {@code %XX} escapes stay; every other character becomes UTF-8 {@code %XX}.
     */
    static String encodeComponent(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c < 128 && Character.isLetterOrDigit(c)) || KEPT.indexOf(c) >= 0;
            boolean escape = c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0;
            if (plain || escape) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out.toString();
    }
}
