package io.agentassist.app.cli;

import io.agentassist.core.knowledge.SearchMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mode bm25|dense|hybrid}; a bad value is a usage error that names the value. */
final class SearchModeConverter implements ITypeConverter<SearchMode> {
    @Override
    public SearchMode convert(String value) {
        try {
            return SearchMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
