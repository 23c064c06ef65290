package org.onewindow.harvester.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.mappings.model.RawRecord;

class SourceSecretsRulesTest {

    private static final String NAME = "ONEWINDOW_SECRET_API_KEY";
    private static final String VALUE = "k3y+with/slash==";
    private static final Map<String, String> ENVIRONMENT =
            Map.of(NAME, VALUE, "QUARKUS_DATASOURCE_PASSWORD", "db-password");

    @Test
    void onlyBoundSecretVariablesCanBeRead() {
        SourceSecrets secrets = secrets("https://api.agency.go.kr", false);

        assertThat(secrets.read(NAME)).isEqualTo(VALUE);
        assertThatThrownBy(() -> secrets.read("QUARKUS_DATASOURCE_PASSWORD"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("only ONEWINDOW_SECRET_* variables bound to it");
        assertThatThrownBy(() -> secrets.read("ONEWINDOW_SECRET_OTHER"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(
                        "PUT /api/v1/sources/agency-api/settings {\"secrets\": [\"ONEWINDOW_SECRET_OTHER\"]}");
    }

    @Test
    void aSecretGoesOnlyToItsSourcesHostAndOnlyOverHttps() {
        SourceSecrets secrets = secrets("https://api.agency.go.kr", false);
        secrets.read(NAME);

        assertThat(secrets.refusal("https://api.agency.go.kr/list?serviceKey=k3y%2Bwith%2Fslash%3D%3D"))
                .isEmpty();
        assertThat(secrets.refusal("https://evil.example/list?serviceKey=k3y%2bwith%2fslash%3d%3d"))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("sent only to api.agency.go.kr, not to evil.example"));
        assertThat(secrets.refusal("https://api.agency.go.kr:8443/list?k=" + VALUE))
                .isPresent();
        assertThat(secrets.refusal("http://api.agency.go.kr/list?k=" + VALUE))
                .hasValueSatisfying(reason -> assertThat(reason).contains("only over https"));
        assertThat(secrets.refusal("https://evil.example/list"))
                .as("no secret carried")
                .isEmpty();
    }

    @Test
    void aSourceAllowedPrivateNetworksMaySendItOverHttp() {
        SourceSecrets secrets = secrets("http://127.0.0.1:8090", true);
        secrets.read(NAME);

        assertThat(secrets.refusal("http://127.0.0.1:8090/list?k=" + VALUE)).isEmpty();
    }

    @Test
    void secretsAreMaskedAndFoundAsWrittenOrPercentEncoded() {
        SourceSecrets secrets = secrets("https://api.agency.go.kr", false);
        secrets.read(NAME);

        assertThat(secrets.mask("key " + VALUE + " and k3y%2Bwith%2Fslash%3D%3D"))
                .isEqualTo("key **** and ****");
        assertThat(secrets.appearsIn(new RawRecord(
                        "1",
                        "https://api.agency.go.kr/1",
                        Map.of("a", List.of("x", "echo: k3y%2bwith%2fslash%3d%3d")))))
                .isTrue();
        assertThat(secrets.appearsIn(
                        new RawRecord("1", "https://api.agency.go.kr/1", Map.of("a", List.of("nothing here")))))
                .isFalse();
    }

    @Test
    void aDryRunWithoutAConfiguredSourceReadsNoSecret() {
        SourceSecrets secrets = new SourceSecrets("new-source", Set.of(NAME), null, false, ENVIRONMENT::get);

        assertThatThrownBy(() -> secrets.read(NAME)).hasMessageContaining("has no configured base URL");
    }

    private static SourceSecrets secrets(String home, boolean allowPrivateNetworks) {
        return new SourceSecrets("agency-api", Set.of(NAME), URI.create(home), allowPrivateNetworks, ENVIRONMENT::get);
    }
}
