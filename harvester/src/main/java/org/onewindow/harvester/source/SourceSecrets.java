package org.onewindow.harvester.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.harvester.fetch.RequestSecrets;
import org.onewindow.mappings.model.RawRecord;

/**
 * The {@code ONEWINDOW_SECRET_*} environment variables one source may read: only those an operator bound to it
 * (its {@code secrets} setting), sent only to the source's own host (the host of its configured base URL),
 * over https unless the source is allowed private networks, and masked in everything shown or stored.
 */
public final class SourceSecrets implements RequestSecrets {

    public static final String PREFIX = "ONEWINDOW_SECRET_";
    private static final String MASK = "****";

    private final String sourceId;
    private final Set<String> bound;
    private final URI home;
    private final boolean allowPrivateNetworks;
    private final Function<String, String> environment;
    private final Map<String, Secret> read = new ConcurrentHashMap<>();

    /** A value read, and the pattern of its percent-encoded form (in either case of hex digits). */
    private record Secret(String value, Pattern encoded) {
        static Secret of(String value) {
            return new Secret(
                    value,
                    Pattern.compile(
                            Pattern.quote(URLEncoder.encode(value, StandardCharsets.UTF_8)), Pattern.CASE_INSENSITIVE));
        }

        boolean in(String text) {
            return text.contains(value) || encoded.matcher(text).find();
        }
    }

    /**
     * @param home the base URL whose host the secrets may be sent to; null when the source has none yet (a dry-run
     *     of a file whose id names no configured source): then no secret can be read
     */
    public SourceSecrets(
            String sourceId,
            Set<String> bound,
            URI home,
            boolean allowPrivateNetworks,
            Function<String, String> environment) {
        this.sourceId = sourceId;
        this.bound = Set.copyOf(bound);
        this.home = home;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.environment = environment;
    }

    /**
     * The connector's view of the environment: a bound secret's value, nothing else.
     *
     * @throws ConnectorConfigException naming the setting that would allow the read
     */
    public String read(String name) {
        if (!name.startsWith(PREFIX)) {
            throw new ConnectorConfigException("environment variable " + name + " cannot be read by a source: only "
                    + PREFIX + "* variables bound to it can");
        }
        if (!bound.contains(name)) {
            throw new ConnectorConfigException(name + " is not bound to source '" + sourceId
                    + "': an operator binds it with PUT /api/v1/sources/" + sourceId + "/settings {\"secrets\": [\""
                    + name
                    + "\"]}");
        }
        if (home == null || home.getHost() == null) {
            throw new ConnectorConfigException(
                    name + " cannot be used: source '" + sourceId + "' has no configured base URL to send it to");
        }
        String value = environment.apply(name);
        if (value != null && !value.isBlank()) {
            read.put(name, Secret.of(value.strip()));
        }
        return value;
    }

    @Override
    public Optional<String> refusal(String url) {
        for (Map.Entry<String, Secret> secret : read.entrySet()) {
            if (!secret.getValue().in(url)) {
                continue;
            }
            URI target;
            try {
                target = URI.create(url);
            } catch (IllegalArgumentException e) {
                return Optional.of("a request carrying " + secret.getKey() + " is not a valid URL");
            }
            if (!"https".equalsIgnoreCase(target.getScheme()) && !allowPrivateNetworks) {
                return Optional.of("the request carries " + secret.getKey() + ", which is sent only over https");
            }
            if (!sameHost(target)) {
                return Optional.of("the request carries " + secret.getKey() + ", which is sent only to "
                        + home.getHost() + port(home) + ", not to " + target.getHost() + port(target));
            }
        }
        return Optional.empty();
    }

    /** Whether any value the source read appears in the record's URL or fields (as written or percent-encoded). */
    public boolean appearsIn(RawRecord raw) {
        if (read.isEmpty()) {
            return false; // the common case, on every record: nothing to look for
        }
        return Stream.concat(
                        Stream.of(raw.url()), raw.fields().values().stream().flatMap(List::stream))
                .filter(Objects::nonNull)
                .anyMatch(text -> read.values().stream().anyMatch(secret -> secret.in(text)));
    }

    /** The text with every secret the source read, as written or percent-encoded, replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Secret secret : read.values()) {
            masked = secret.encoded()
                    .matcher(masked.replace(secret.value(), MASK))
                    .replaceAll(Matcher.quoteReplacement(MASK));
        }
        return masked;
    }

    private boolean sameHost(URI target) {
        return target.getHost() != null
                && target.getHost().equalsIgnoreCase(home.getHost())
                && effectivePort(target) == effectivePort(home);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String port(URI uri) {
        return uri.getPort() >= 0 ? ":" + uri.getPort() : "";
    }
}
