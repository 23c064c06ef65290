package org.onewindow.connectors.html;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.onewindow.connectors.ConnectorConfigException;

/** Compiles selectors and patterns from settings, failing with the setting's name when they cannot work. */
final class SettingChecks {

    private SettingChecks() {}

    static Evaluator selector(String where, String css) {
        try {
            return QueryParser.parse(css);
        } catch (Selector.SelectorParseException e) {
            throw new ConnectorConfigException(where + ": invalid CSS selector '" + css + "': " + e.getMessage(), e);
        }
    }

    /** @return null for an absent pattern; otherwise one with at least one capturing group */
    static Pattern patternWithGroup(String where, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            if (pattern.matcher("").groupCount() < 1) {
                throw new ConnectorConfigException(where + ": pattern '" + regex + "' needs a capturing group");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new ConnectorConfigException(where + ": invalid pattern '" + regex + "': " + e.getDescription(), e);
        }
    }
}
