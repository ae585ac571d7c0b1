package org.clearinghouse.wiki;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.PushRules;

/**
 * What a pushed file must satisfy, the same as a save through the web: a valid name, the size
 * limits, and (for pages) UTF-8 text whose front matter parses. Thread-safe.
 */
final class PushRulesOfTheWiki implements PushRules {
    private final MarkdownRenderer renderer;
    private final WikiLimits limits;

    PushRulesOfTheWiki(MarkdownRenderer renderer, WikiLimits limits) {
        this.renderer = renderer;
        this.limits = limits;
    }

    @Override
    public Optional<String> refusal(String path, byte[] content) {
        if (PagePath.tryOf(path).isEmpty()) {
            return Optional.of("not a valid name (letters, digits, '-', '_' and '.', with '/' between "
                    + "folders; no part may start with '.')");
        }
        if (!path.endsWith(PagePath.EXTENSION)) {
            return content.length > limits.maxFileBytes()
                    ? Optional.of("larger than the limit of " + limits.maxFileBytes() / 1_000_000 + " MB for files")
                    : Optional.empty();
        }
        if (PagePath.fromFileName(path).isEmpty()) {
            return Optional.of("not a valid page name");
        }
        if (content.length > limits.maxPageBytes()) {
            return Optional.of("larger than the limit of " + limits.maxPageBytes() / 1024 + " KiB for pages");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            renderer.checkFrontMatter(PageText.decode(text.getBytes(StandardCharsets.UTF_8)));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("a page must be UTF-8 text");
        } catch (InvalidFrontMatterException e) {
            return Optional.of(e.getMessage());
        }
    }
}
