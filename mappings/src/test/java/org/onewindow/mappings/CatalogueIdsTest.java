package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.model.CatalogueIds;

class CatalogueIdsTest {

    @Test
    void aSourceWhoseIdEndsWhereAnotherLocalIdBeginsGetsAnIdOfItsOwn() {
        // the ids of old, sourceId + "-" + localId, were both "seoul-sitemap-X"
        assertThat(CatalogueIds.of("seoul", "sitemap-X")).isEqualTo("seoul~sitemap-X");
        assertThat(CatalogueIds.of("seoul-sitemap", "X")).isEqualTo("seoul-sitemap~X");
    }

    @Test
    void localIdsThatFoldedToTheSameIdStayApart() {
        assertThat(CatalogueIds.of("mohw-welfare", "a b")).isEqualTo("mohw-welfare~a~20b");
        assertThat(CatalogueIds.of("mohw-welfare", "a_b")).isEqualTo("mohw-welfare~a_b");
        assertThat(CatalogueIds.of("mohw-welfare", "a~20b")).isEqualTo("mohw-welfare~a~7E20b");
        assertThat(CatalogueIds.of("mohw-welfare", "WLF/001 가")).isEqualTo("mohw-welfare~WLF~2F001~20~EA~B0~80");
    }

    @Test
    void aPlainLocalIdIsKeptAsItIs() {
        assertThat(CatalogueIds.of("seoul-sitemap", "SEOUL-2015-0396")).isEqualTo("seoul-sitemap~SEOUL-2015-0396");
        assertThat(CatalogueIds.of("nhis-jsonld", "NHIS_0016.v2")).isEqualTo("nhis-jsonld~NHIS_0016.v2");
    }

    @Test
    void aVeryLongLocalIdIsWrittenAsItsDigest() {
        String longId = "https://www.example.go.kr/" + "가".repeat(100);
        String id = CatalogueIds.of("mohw-welfare", longId);
        assertThat(id).startsWith("mohw-welfare~~H").hasSize("mohw-welfare~~H".length() + 64);
        assertThat(CatalogueIds.of("mohw-welfare", longId + "x")).isNotEqualTo(id);
    }

    /** Decoding every id back to its source and local id is what makes the form injective. */
    @Test
    void everyIdDecodesToTheSourceAndLocalIdItWasMadeOf() {
        Random random = new Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            String source = "s" + randomString(random, "abcz09-", 19);
            String local = switch (i % 3) {
                case 0 -> randomString(random, "aZ09.-_~ /%가HU", 30);
                case 1 -> randomChars(random, Character.MIN_VALUE, Character.MAX_VALUE, 30);
                default -> randomChars(random, '\uD7F0', '\uE010', 5);
            };
            String id = CatalogueIds.of(source, local);
            assertThat(id.length()).isLessThanOrEqualTo(CatalogueIds.MAX_LENGTH);
            assertThat(id).matches("[A-Za-z0-9._~-]+");
            assertThat(URI.create("http://h/api/v1/services/" + id).getPath()).endsWith("/" + id);
            if (!id.startsWith(source + "~~H")) {
                assertThat(decode(id)).as("local id %s", local).containsExactly(source, local);
            }
        }
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomChars(Random random, char from, char to, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    private static String[] decode(String id) {
        int separator = id.indexOf('~');
        String local = id.substring(separator + 1);
        StringBuilder decoded = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < local.length(); ) {
            char c = local.charAt(i);
            if (c == '~' && local.charAt(i + 1) == 'U') {
                decoded.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
                decoded.append((char) HexFormat.fromHexDigits(local, i + 2, i + 6));
                i += 6;
            } else if (c == '~') {
                bytes.write(HexFormat.fromHexDigits(local, i + 1, i + 3));
                i += 3;
            } else {
                decoded.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
                decoded.append(c);
                i++;
            }
        }
        decoded.append(bytes.toString(StandardCharsets.UTF_8));
        return new String[] {id.substring(0, separator), decoded.toString()};
    }
}
