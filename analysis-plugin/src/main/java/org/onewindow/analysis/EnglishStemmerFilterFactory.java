package org.onewindow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** English stemming as Elasticsearch's "english" analyzer does it: possessive 's dropped, then Porter (allowances → allow). */
@NamedComponent("ow_english_stemmer")
public class EnglishStemmerFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new PorterStemFilter(new EnglishPossessiveFilter(input));
    }
}
