package org.clearinghouse.page;

import java.util.Objects;

/** Who made a change: the name and email recorded in the commit. */
public record Author(String name, String email) {
    public Author {
        Objects.requireNonNull(name, "name");
        email = email == null ? "" : email;
    }
}
