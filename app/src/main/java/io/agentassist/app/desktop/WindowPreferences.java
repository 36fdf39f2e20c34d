package io.agentassist.app.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window looked like when it was closed: size, position, split positions and theme, so the next
 * start looks the same. Kept in the data folder; a missing or broken file just means the defaults.
 */
record WindowPreferences(double x, double y, double width, double height, boolean maximized, double[] dividers,
                         boolean dark) {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPreferences.class);
    static final WindowPreferences DEFAULTS = new WindowPreferences(Double.NaN, Double.NaN, 1360, 820, false,
            new double[0], false);

    static WindowPreferences load(Path file) {
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            String dividers = p.getProperty("dividers", "").strip();
            return new WindowPreferences(number(p, "x", Double.NaN), number(p, "y", Double.NaN),
                    Math.max(800, number(p, "width", DEFAULTS.width)), Math.max(500, number(p, "height", DEFAULTS.height)),
                    Boolean.parseBoolean(p.getProperty("maximized")),
                    dividers.isEmpty() ? new double[0]
                            : Arrays.stream(dividers.split(",")).mapToDouble(Double::parseDouble).toArray(),
                    Boolean.parseBoolean(p.getProperty("dark")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window preferences {} ignored: {}", file, e.toString());
            return DEFAULTS;
        }
    }

    void save(Path file) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("dividers", String.join(",", Arrays.stream(dividers).mapToObj(Double::toString).toList()));
        p.setProperty("dark", Boolean.toString(dark));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(writer, "Agent Assist window");
            }
        } catch (IOException e) {
            LOG.warn("Window preferences could not be saved to {}: {}", file, e.toString());
        }
    }

    private static double number(Properties p, String key, double fallback) {
        String value = p.getProperty(key);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
