package io.agentassist.knowledge.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. A knowledge file in another encoding must be reported, not silently turned into
 * replacement characters that then get indexed and shown to agents.
 */
final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /** Decodes the bytes, dropping a leading byte-order mark; throws naming the offset of the first bad byte. */
    static String decode(byte[] bytes) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** A file or line that is not valid UTF-8. */
    static final class InvalidUtf8Exception extends CharacterCodingException {
        private final long offset;

        InvalidUtf8Exception(long offset) {
            this.offset = offset;
        }

        long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 (first bad byte at offset " + offset + ")";
        }
    }
}
