package org.onewindow.connectors.jsonapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.connectors.ConnectorConfigException;

/**
 * An API key read from the environment. Its value goes into requests only: {@link #toString()} and
 * {@link #mask(String)} keep it out of messages, logs and stored records.
 */
final class ApiKey {

    /** Only variables meant for sources can be read: a mapping file must not send the database password away. */
    static final String ENV_PREFIX = "ONEWINDOW_SECRET_";

    private static final String MASK = "****";

    private final String parameter;
    private final String value;
    /** The value percent-encoded, in either case of hex digits. */
    private final Pattern encoded;

    private ApiKey(String parameter, String value) {
        this.parameter = parameter;
        this.value = value;
        this.encoded = Pattern.compile(
                Pattern.quote(URLEncoder.encode(value, StandardCharsets.UTF_8)), Pattern.CASE_INSENSITIVE);
    }

    /** @return null without settings */
    static ApiKey from(JsonApiSettings.ApiKeySettings settings, Function<String, String> env) {
        if (settings == null) {
            return null;
        }
        if (settings.parameter().isBlank()) {
            throw new ConnectorConfigException("apiKey.parameter must not be blank");
        }
        if (!settings.env().startsWith(ENV_PREFIX) || settings.env().length() == ENV_PREFIX.length()) {
            throw new ConnectorConfigException("apiKey.env must name an environment variable starting with "
                    + ENV_PREFIX + ", got '" + settings.env() + "'");
        }
        String value = env.apply(settings.env());
        if (value == null || value.isBlank()) {
            throw new ConnectorConfigException("apiKey.env: environment variable " + settings.env() + " is not set");
        }
        return new ApiKey(settings.parameter(), value.strip());
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }

    /** The text with the key, as written or percent-encoded, replaced by {@value #MASK}. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        return encoded.matcher(text.replace(value, MASK)).replaceAll(Matcher.quoteReplacement(MASK));
    }

    @Override
    public String toString() {
        return "ApiKey[" + parameter + "=" + MASK + "]";
    }
}
