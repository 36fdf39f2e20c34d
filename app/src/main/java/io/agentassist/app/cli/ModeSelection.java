package io.agentassist.app.cli;

import io.agentassist.core.knowledge.SearchMode;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One search mode, or {@code all} of them in a fixed order (bm25, dense, hybrid), for comparisons. */
record ModeSelection(List<SearchMode> modes) {
    static final String ALL = "all";

    ModeSelection {
        modes = List.copyOf(modes);
    }

    static ModeSelection parse(String value) {
        if (value.trim().toLowerCase(Locale.ROOT).equals(ALL)) {
            return new ModeSelection(List.of(SearchMode.values()));
        }
        try {
            return new ModeSelection(List.of(SearchMode.parse(value)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown search mode \"" + value + "\": expected bm25, dense, hybrid or all", e);
        }
    }

    static final class Converter implements ITypeConverter<ModeSelection> {
        @Override
        public ModeSelection convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
