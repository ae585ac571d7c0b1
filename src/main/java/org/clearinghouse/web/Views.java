package org.clearinghouse.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Renders Pebble templates with autoescaping on. Templates come from a folder on disk when one is
 * given and exists (so a site can restyle without rebuilding), else from the copies in the jar.
 * Thread-safe: the engine compiles each template once and caches it.
 */
public final class Views {
    private final PebbleEngine engine;

    public Views(Optional<Path> templatesDir) {
        this.engine = new PebbleEngine.Builder()
                .loader(loader(templatesDir))
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(false)
                .build();
    }

    /** True when templates are read from {@code templatesDir} rather than the jar. */
    static boolean usesFolder(Optional<Path> templatesDir) {
        return templatesDir.filter(Files::isDirectory).isPresent();
    }

    private static Loader<String> loader(Optional<Path> templatesDir) {
        Loader<String> loader;
        if (usesFolder(templatesDir)) {
            loader = new FileLoader(templatesDir.get().toAbsolutePath().normalize().toString());
        } else {
            ClasspathLoader classpath = new ClasspathLoader(Views.class.getClassLoader());
            classpath.setPrefix("templates");
            loader = classpath;
        }
        loader.setSuffix(".peb");
        return loader;
    }

    /** Renders {@code name} (without {@code .peb}) with the model. */
    public String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
