package io.agentassist.app.cli;

import io.agentassist.knowledge.index.EmbeddingModelChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --embedding-model all-minilm-l6-v2-q|bge-small-en-v1.5-q}. */
final class EmbeddingModelConverter implements ITypeConverter<EmbeddingModelChoice> {
    @Override
    public EmbeddingModelChoice convert(String value) {
        try {
            return EmbeddingModelChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
