package org.onewindow.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * Synonyms at search time (a graph, so multi-word synonyms work in match queries): the list OneWindow maintains for
 * the language (bundled {@code synonyms-ko.txt} / {@code synonyms-en.txt}), plus any {@code synonyms} lines in the
 * index settings. Rules are analysed the way the language's fields are (Korean morphology; English lower case and
 * Porter stemming), so the filter must follow that chain in the search analyzer.
 */
@NamedComponent("ow_synonyms")
public class SynonymsFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        /** ko or en: which bundled list, and how its rules are analysed. */
        @StringSetting(path = "language", defaultValue = "ko")
        String language();

        /** Extra rules in Solr format ("청년, 젊은이"). */
        @ListSetting(path = "synonyms")
        List<String> synonyms();
    }

    private final SynonymMap synonyms;

    @Inject
    public SynonymsFilterFactory(Settings settings) {
        String language = settings.language().toLowerCase(Locale.ROOT);
        if (!language.equals("ko") && !language.equals("en")) {
            throw new IllegalArgumentException("ow_synonyms language must be ko or en, got " + settings.language());
        }
        List<String> rules = new ArrayList<>(bundled(language));
        if (settings.synonyms() != null) {
            rules.addAll(settings.synonyms());
        }
        this.synonyms = build(rules, language);
    }

    /** The bundled rules of a language, one per line, comments and blank lines dropped. */
    static List<String> bundled(String language) {
        try (InputStream in = SynonymsFilterFactory.class.getResourceAsStream("synonyms-" + language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms-" + language + ".txt is missing from the plugin");
            }
            List<String> rules = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String rule = line.strip();
                if (!rule.isEmpty() && !rule.startsWith("#")) {
                    rules.add(rule);
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynonymMap build(List<String> rules, String language) {
        try (Analyzer analyzer = ruleAnalyzer(language)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("invalid synonym rules: " + e.getMessage(), e);
        }
    }

    /** The chain the rules' words go through: the one the language's fields are analysed with. */
    static Analyzer ruleAnalyzer(String language) {
        if (language.equals("en")) {
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String field) {
                    Tokenizer tokenizer = new StandardTokenizer();
                    TokenStream stream =
                            new PorterStemFilter(new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer)));
                    return new TokenStreamComponents(tokenizer, stream);
                }
            };
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new KoreanTokenizer(
                        KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                        KoreanTokenizerFactory.userDictionary(List.of()),
                        KoreanTokenizer.DecompoundMode.DISCARD,
                        false,
                        true);
                TokenStream stream = new LowerCaseFilter(new KoreanReadingFormFilter(
                        new KoreanPartOfSpeechStopFilter(tokenizer, KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS)));
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new SynonymGraphFilter(input, synonyms, true);
    }
}
