package org.onewindow.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Korean morphological tokenizer (Lucene nori), e.g. 청년수당을 → 청년, 수당. */
@NamedComponent("ow_korean_tokenizer")
public class KoreanTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        /** none, discard (default: compounds are replaced by their parts) or mixed (compound and parts). */
        @StringSetting(path = "decompound_mode", defaultValue = "discard")
        String decompoundMode();

        @BooleanSetting(path = "discard_punctuation", defaultValue = true)
        boolean discardPunctuation();

        /** Extra dictionary entries, one per line in nori's user dictionary format ("세종시 세종 시"). */
        @ListSetting(path = "user_dictionary_rules")
        List<String> userDictionaryRules();
    }

    private final KoreanTokenizer.DecompoundMode decompoundMode;
    private final boolean discardPunctuation;
    private final UserDictionary userDictionary;

    @Inject
    public KoreanTokenizerFactory(Settings settings) {
        this.decompoundMode =
                KoreanTokenizer.DecompoundMode.valueOf(settings.decompoundMode().toUpperCase(Locale.ROOT));
        this.discardPunctuation = settings.discardPunctuation();
        this.userDictionary = userDictionary(settings.userDictionaryRules());
    }

    /** Our bundled dictionary ({@code userdict-ko.txt}) plus the index's own rules. */
    static UserDictionary userDictionary(List<String> rules) {
        List<String> all = new ArrayList<>(bundledDictionary());
        if (rules != null) {
            all.addAll(rules);
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", all)));
        } catch (IOException e) {
            throw new UncheckedIOException("invalid user_dictionary_rules", e);
        }
    }

    /** The words OneWindow keeps whole, one entry per line, comments dropped. */
    static List<String> bundledDictionary() {
        try (InputStream in = KoreanTokenizerFactory.class.getResourceAsStream("userdict-ko.txt")) {
            if (in == null) {
                throw new IllegalStateException("userdict-ko.txt is missing from the plugin");
            }
            List<String> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    entries.add(line.strip());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Tokenizer create() {
        return new KoreanTokenizer(
                KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                userDictionary,
                decompoundMode,
                false,
                discardPunctuation);
    }
}
