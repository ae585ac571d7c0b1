package org.clearinghouse.web;

import java.text.Normalizer;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PagePath;

/**
 * Turns the name a browser sends with an upload into a safe file name: only its last part (some
 * browsers send a whole path), spaces as hyphens, checked by the page-name rules.
 */
final class FileNames {
    private FileNames() {}

    static String clean(String uploadedName) {
        String name = uploadedName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", "-");
        if (name.isEmpty() || PagePath.tryOf(name).isEmpty() || name.contains("/")) {
            throw new BadRequestException("The file name \u201c" + uploadedName + "\u201d is not allowed: use "
                    + "letters, digits, '-', '_' and '.', not starting with '.'.");
        }
        return name;
    }
}
