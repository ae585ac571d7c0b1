package org.clearinghouse.app;

import java.io.PrintWriter;
import java.util.List;
import org.clearinghouse.account.Account;
import org.clearinghouse.account.AccountStore;
import picocli.CommandLine.Command;

/**
 * {@code user list}: prints the accounts as a table of name, display name, e-mail and role.
 * Password hashes are never shown. Not thread-safe; one instance serves one command line.
 */
@Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "List the user accounts.")
final class UserCommandList extends UserCommandBase {

    private static final List<String> HEADINGS = List.of("NAME", "DISPLAY NAME", "EMAIL", "ROLE");

    @Override
    void execute() {
        AccountStore store = store();
        List<Account> accounts = store.list();
        if (accounts.isEmpty()) {
            out().println("No users in " + store.file());
            return;
        }
        List<List<String>> rows = accounts.stream()
                .map(a -> List.of(a.name(), a.displayName(), a.email().isEmpty() ? "-" : a.email(), a.role().id()))
                .toList();
        int[] widths = new int[HEADINGS.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = HEADINGS.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        PrintWriter out = out();
        printRow(out, HEADINGS, widths);
        rows.forEach(row -> printRow(out, row, widths));
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - cell.length() + 2));
            }
        }
        out.println(line);
    }
}
