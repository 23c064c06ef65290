package org.onewindow.analysis;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.POS;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Drops particles, endings and other parts of speech that carry no search meaning (을, 하는 …). */
@NamedComponent("ow_korean_part_of_speech")
public class KoreanPartOfSpeechFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        /** POS tags to drop, e.g. ["E", "J"]; empty means nori's default stop tags. */
        @ListSetting(path = "stoptags")
        List<String> stopTags();
    }

    private final Set<POS.Tag> stopTags;

    @Inject
    public KoreanPartOfSpeechFilterFactory(Settings settings) {
        List<String> tags = settings.stopTags();
        this.stopTags = tags == null || tags.isEmpty()
                ? KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS
                : tags.stream().map(POS::resolveTag).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new KoreanPartOfSpeechStopFilter(input, stopTags);
    }
}
