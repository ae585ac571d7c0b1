package org.clearinghouse.account;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between the bytes of the accounts file and accounts. The format is
 * {@code {"users":[{"name","displayName","email","role","passwordHash"}]}}, pretty-printed so a
 * person can read a diff of it. Unknown fields are ignored, so an older version can still read a
 * file written by a newer one; anything else wrong is an {@link AccountFileException} that names
 * the file, never a silently shorter list. Thread-safe: the Jackson mapper is configured once and
 * then only used.
 */
final class AccountsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @JsonPropertyOrder({"name", "displayName", "email", "role", "passwordHash"})
    record UserJson(String name, String displayName, String email, String role, String passwordHash) {
    }

    record UsersJson(List<UserJson> users) {
    }

    private AccountsJson() {
    }

    /** The accounts in {@code json} (read from {@code file}) by name, in name order. */
    static Map<String, Account> parse(byte[] json, Path file) {
        UsersJson root;
        try {
            root = MAPPER.readValue(json, UsersJson.class);
        } catch (JsonProcessingException e) {
            throw new AccountFileException(file, "The accounts file " + file + " is not valid: "
                    + e.getOriginalMessage() + where(e.getLocation()) + ". Fix or restore it.", e);
        } catch (IOException e) {
            throw new AccountFileException(file, "Could not read the accounts file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Account> accounts = new TreeMap<>();
        if (root == null || root.users() == null) {
            // "{}" (or "null") holds no users; that is a valid, empty file rather than damage.
            return accounts;
        }
        int number = 0;
        for (UserJson user : root.users()) {
            number++;
            Account account = toAccount(user, number, file);
            if (accounts.putIfAbsent(account.name(), account) != null) {
                throw new AccountFileException(file, "The accounts file " + file + " lists the user '"
                        + account.name() + "' twice. Fix or restore it.", null);
            }
        }
        return accounts;
    }

    /** The file content for {@code accounts}, ending with a newline. */
    static byte[] format(Collection<Account> accounts) {
        List<UserJson> users = accounts.stream()
                .map(a -> new UserJson(a.name(), a.displayName(), a.email(), a.role().id(), a.passwordHash()))
                .toList();
        try {
            String text = MAPPER.writeValueAsString(new UsersJson(users)) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain strings always serialise", e);
        }
    }

    private static Account toAccount(UserJson user, int number, Path file) {
        String which = "user #" + number;
        try {
            if (user == null) {
                throw new IllegalArgumentException("the entry is empty");
            }
            which = user.name() == null ? which : which + " ('" + user.name() + "')";
            if (user.role() == null) {
                throw new IllegalArgumentException("the role is missing");
            }
            return new Account(user.name(), user.displayName(), user.email(), Role.parse(user.role()),
                    user.passwordHash());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccountFileException(file, "The accounts file " + file + " is not valid: " + which
                    + ": " + e.getMessage() + ". Fix or restore it.", e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
