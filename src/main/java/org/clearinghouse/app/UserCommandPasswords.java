package org.clearinghouse.app;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.clearinghouse.account.PasswordHasher;

/**
 * Gets a new password for the {@code user} command: one line of standard input with
 * {@code --password-stdin} (for scripts), otherwise typed twice at the terminal without echo.
 * Works on char and byte arrays, zeroing its copies, so the password is never a String.
 * Stateless, so thread-safe.
 */
final class UserCommandPasswords {

    // Far above the 72 bytes bcrypt reads; only there so a runaway pipe cannot fill memory.
    private static final int MAX_LINE_BYTES = 1024;

    private UserCommandPasswords() {
    }

    /** The password for {@code name}, from {@code input} when {@code fromStdin}, else the terminal. */
    static char[] read(boolean fromStdin, InputStream input, String name) {
        return fromStdin ? readLine(input) : prompt(name);
    }

    /** The first line of {@code input}, without its line ending. */
    static char[] readLine(InputStream input) {
        // A plain array rather than a growing stream, so every copy of the bytes can be zeroed.
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        try {
            int b = input.read();
            if (b == -1) {
                throw new UserCommandBase.Failure("No password on standard input (--password-stdin)");
            }
            while (b != -1 && b != '\n') {
                if (length == line.length) {
                    throw new UserCommandBase.Failure("The password line on standard input is too long");
                }
                line[length++] = (byte) b;
                b = input.read();
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return decode(line, length);
        } catch (IOException e) {
            throw new UserCommandBase.Failure("Could not read the password from standard input: " + e.getMessage());
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    /** Asks twice at the terminal, checking the rules before asking again. */
    static char[] prompt(String name) {
        Console console = System.console();
        if (console == null) {
            throw new UserCommandBase.Failure("No terminal to ask for the password: "
                    + "pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("New password for %s: ", name);
        if (first == null) {
            throw new UserCommandBase.Failure("No password given");
        }
        char[] second = null;
        try {
            PasswordHasher.checkRules(first);
            second = console.readPassword("Repeat the password: ");
            if (second == null || !Arrays.equals(first, second)) {
                throw new UserCommandBase.Failure("The passwords do not match");
            }
            return first.clone();
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static char[] decode(byte[] bytes, int length) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            throw new UserCommandBase.Failure("The password on standard input is not UTF-8 text");
        }
        char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return password;
    }
}
