package org.onewindow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Replaces Hanja terms by their Hangul reading (福祉 → 복지), so mixed-script pages match Hangul queries. */
@NamedComponent("ow_korean_readingform")
public class KoreanReadingFormFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new KoreanReadingFormFilter(input);
    }
}
