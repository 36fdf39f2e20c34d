package io.agentassist.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The analyzers of the index. Text fields use Lucene's English analyzer (stop words, possessives, Porter
 * stemming). Names use a lighter one that keeps every word unstemmed but folds accents, apostrophes and
 * "&amp;", so "Rosa’s B&amp;B" and "rosas b and b" compare equal.
 */
public final class KnowledgeAnalyzers {
    public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private KnowledgeAnalyzers() {
    }

    /** The analyzer used both to write the index and to parse queries. */
    public static Analyzer indexAnalyzer() {
        Analyzer english = new EnglishAnalyzer(STOP_WORDS);
        return new PerFieldAnalyzerWrapper(english, Map.of(IndexFields.PLAIN, new NameAnalyzer()));
    }

    /** Splits text into the normalised words used to recognise names. */
    public static List<String> nameTokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (Analyzer analyzer = new NameAnalyzer(); TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!term.isEmpty()) {
                    tokens.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return tokens;
    }

    /** Unstemmed, accent- and apostrophe-folded words; "&amp;" reads as "and". */
    static final class NameAnalyzer extends Analyzer {
        private static final NormalizeCharMap CHAR_MAP;

        static {
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            builder.add("&", " and ");
            builder.add("\u2019", "'");
            builder.add("\u2018", "'");
            CHAR_MAP = builder.build();
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(CHAR_MAP, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new PatternReplaceFilter(stream, Pattern.compile("'"), "", true);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
