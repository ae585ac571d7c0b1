package org.clearinghouse.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionEntry;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.wiki.Wiki;

/**
 * {@code /feed.atom}: the wiki's 50 newest changes as an Atom 1.0 feed (RFC 4287), or with
 * {@code ?path=} one page's. Written by ROME, so the XML is well-formed and escaped; each entry
 * links to the diff of its change, and its id is that link (unique and permanent: a commit and a
 * page name). Links are absolute, built from the request's own scheme and host.
 */
final class FeedRoutes {
    static final int ENTRIES = 50;
    static final String TYPE = "application/atom+xml";

    private final Wiki wiki;
    private final String siteName;

    FeedRoutes(Wiki wiki, String siteName) {
        this.wiki = wiki;
        this.siteName = siteName;
    }

    void register(RoutesConfig routes) {
        routes.get("/feed.atom", this::feed);
    }

    private void feed(Context ctx) throws FeedException {
        String base = ctx.scheme() + "://" + Optional.ofNullable(ctx.host()).orElse("localhost");
        Optional<PagePath> path = HistoryRoutes.param(ctx, "path").map(PagePath::of);
        RevisionPage changes = path.isPresent()
                ? wiki.history(path.get(), ENTRIES, Optional.empty())
                : wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), ENTRIES),
                        Optional.empty());
        Feed feed = new Feed("atom_1.0");
        String self = base + "/feed.atom" + path.map(p -> "?path=" + p).orElse("");
        feed.setId(self);
        feed.setTitle(clean(path.map(p -> siteName + ": history of " + p).orElse(siteName + ": recent changes")));
        feed.setUpdated(Date.from(changes.entries().stream().findFirst()
                .map(e -> e.revision().time().toInstant()).orElseGet(Instant::now)));
        feed.setAuthors(List.of(person(siteName, Optional.empty())));
        feed.setAlternateLinks(List.of(link("alternate", "text/html",
                base + path.map(p -> "/history/" + p).orElse("/changes"))));
        feed.setOtherLinks(List.of(link("self", TYPE, self)));
        List<Entry> entries = new ArrayList<>();
        for (RevisionEntry change : changes.entries()) {
            entries.add(entry(base, change));
        }
        feed.setEntries(entries);
        ctx.contentType(TYPE + "; charset=utf-8").result(new WireFeedOutput().outputString(feed));
    }

    private static Entry entry(String base, RevisionEntry change) {
        // A page renamed away is best seen under its new name.
        String page = change.kind() == ChangeKind.RENAME_FROM ? change.otherPath().orElse(change.path()) : change.path();
        String href = base + "/diff/" + page + "?to=" + change.revision().id();
        Entry entry = new Entry();
        // One id per page and commit: a rename's two entries share a link but not an id.
        entry.setId(base + "/diff/" + change.path() + "?to=" + change.revision().id());
        entry.setTitle(clean(change.path() + " " + HistoryModels.kindLabel(change) + ": " + firstLine(change)));
        entry.setUpdated(Date.from(change.revision().time().toInstant()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", href)));
        entry.setAuthors(List.of(person(change.revision().author().name(),
                Optional.of(change.revision().author().email()).filter(e -> !e.isBlank()))));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(clean(change.path() + " " + HistoryModels.kindLabel(change) + " ("
                + HistoryModels.signed(change.sizeDelta()) + ") by " + change.revision().author().name()
                + " in " + change.revision().shortId() + ": " + change.revision().message()));
        entry.setSummary(summary);
        return entry;
    }

    private static String firstLine(RevisionEntry change) {
        String message = change.revision().message();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SyndPerson person(String name, Optional<String> email) {
        Person person = new Person();
        person.setName(clean(name.isBlank() ? "unknown" : name));
        email.map(FeedRoutes::clean).ifPresent(person::setEmail);
        return person;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /** Drops the characters XML 1.0 cannot carry (commit messages from outside may hold any). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
