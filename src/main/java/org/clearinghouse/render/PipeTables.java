package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Set;

/**
 * Flexmark's tables extension, whose table parser is only started for a paragraph that could be
 * a table. The extension builds its parser for every page that has a paragraph (compiling a
 * regular expression each time) and scans each paragraph: a few percent of parsing a page,
 * on pages that almost never hold a table. Its parser gives up at once, changing nothing, when
 * a paragraph's first line has no {@code |}; such a paragraph is not handed to it here, and its
 * parser is built the first time one is. Everything else (the parser's own rules, the HTML
 * renderer, the options) is the extension's: the result is the same tree and the same HTML.
 * Stateless and thread-safe.
 */
final class PipeTables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        // Instead of tables.extend(builder), which registers only the table paragraph parser.
        builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        tables.extend(builder, rendererType);
    }

    /** Whether the table parser could make a table of the paragraph. */
    static boolean mayBeTable(Paragraph paragraph) {
        List<BasedSequence> lines = paragraph.getContentLines();
        return lines.isEmpty() || lines.get(0).indexOf('|') >= 0;
    }

    /** The extension's factory, with the same place among Flexmark's paragraph pre-processors. */
    private static final class Factory implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory tables;

        Factory(ParagraphPreProcessorFactory tables) {
            this.tables = tables;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            return new ParagraphPreProcessor() {
                private ParagraphPreProcessor parser; // built for the first paragraph that needs it

                @Override
                public int preProcessBlock(Paragraph paragraph, ParserState paragraphState) {
                    if (!mayBeTable(paragraph)) {
                        return 0;
                    }
                    if (parser == null) {
                        parser = tables.apply(state);
                    }
                    return parser.preProcessBlock(paragraph, paragraphState);
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return tables.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return tables.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return tables.affectsGlobalScope();
        }
    }
}
