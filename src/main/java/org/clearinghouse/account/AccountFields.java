package org.clearinghouse.account;

import java.util.regex.Pattern;

/**
 * The rules for the fields of an {@link Account}, usable on their own so a caller (the
 * {@code user} command, a sign-up form) can reject bad input before asking for a password.
 * Stateless, so thread-safe.
 */
public final class AccountFields {

    /** The longest account name accepted. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The longest display name accepted. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;
    /** The longest e-mail address accepted (the SMTP limit on a path). */
    public static final int MAX_EMAIL_LENGTH = 254;

    // ASCII only: names appear in URLs, commit authors and log lines, and look-alike Unicode
    // letters would let one person pose as another. No leading dot, so a name can never be "."
    // or "..", nor a hidden file name, wherever it ends up being used.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}");

    // Deliberately loose: one @, something on each side, a dot in the domain, no blanks.
    // Real validation of an address is sending mail to it.
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private AccountFields() {
    }

    /**
     * Returns {@code name} when it is a valid account name: 1 to 64 ASCII letters, digits,
     * {@code -}, {@code _} or {@code .}, not starting with a dot.
     *
     * @throws IllegalArgumentException saying what is wrong otherwise
     */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An account name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Account name is too long (" + name.length()
                    + " characters; at most " + MAX_NAME_LENGTH + ")");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid account name '" + printable(name)
                    + "': use letters, digits, '-', '_' and '.', not starting with '.'");
        }
        return name;
    }

    /** The display name with surrounding blanks removed, or {@code name} when none is given. */
    public static String displayName(String displayName, String name) {
        String stripped = displayName == null ? "" : displayName.strip();
        if (stripped.isEmpty()) {
            return name;
        }
        if (stripped.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("Display name is too long (at most "
                    + MAX_DISPLAY_NAME_LENGTH + " characters)");
        }
        if (hasControlCharacter(stripped)) {
            throw new IllegalArgumentException("Display name must not contain control characters");
        }
        return stripped;
    }

    /** The e-mail address with surrounding blanks removed; {@code ""} when none is given. */
    public static String email(String email) {
        String stripped = email == null ? "" : email.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        if (stripped.length() > MAX_EMAIL_LENGTH || hasControlCharacter(stripped)
                || !EMAIL.matcher(stripped).matches()) {
            throw new IllegalArgumentException("Invalid e-mail address '" + printable(stripped)
                    + "': expected something like name@example.org");
        }
        return stripped;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The text cut short and with control characters replaced, safe to echo in one line. */
    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
