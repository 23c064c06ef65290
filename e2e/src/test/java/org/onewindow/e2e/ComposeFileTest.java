package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the production {@code docker-compose.yml} without a Docker engine: it is valid Compose, it gives the apps
 * only configuration they declare (and what they require), and its Elasticsearch image matches the build's.
 */
class ComposeFileTest {

    private static final String COMPOSE_SCHEMA = "/compose-spec/compose-spec.json";

    /** Compose services that run one of our Quarkus apps; the module is the service's build context. */
    private static final List<String> APP_SERVICES = List.of("harvester", "catalogue-api");

    /** Secrets: the compose file must demand them from the environment ({@code ${VAR:?message}}), never default them. */
    private static final List<String> SECRET_KEYS = List.of("ONEWINDOW_OPERATOR_KEY", "QUARKUS_DATASOURCE_PASSWORD");

    /** The catalogue API's read-only database role (harvester migration V7). */
    private static final String READER_ROLE = "onewindow_reader";

    private static final Pattern REQUIRED_INTERPOLATION = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}");

    /** {@code ${NAME}} or {@code ${NAME:default}} in a property value. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");

    private static final String CONFIG_MAPPING_DESCRIPTOR =
            "L" + ConfigMapping.class.getName().replace('.', '/') + ";";

    private static Path repoRoot;
    private static JsonNode compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        String configured = System.getProperty("onewindow.repo-root");
        repoRoot = (configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured))
                .toAbsolutePath()
                .normalize();
        Path composeFile = repoRoot.resolve("docker-compose.yml");
        assertThat(composeFile)
                .as("the production stack at the repository root")
                .isRegularFile();
        compose = new YAMLMapper().readTree(composeFile.toFile());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Valid Compose
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() throws IOException {
        Schema schema = composeSchema();

        assertThat(describe(validate(schema, compose)))
                .as("docker-compose.yml against the Compose Specification schema")
                .isEmpty();

        // The validator must be able to say no: two deliberately broken copies.
        ObjectNode portsAsString = compose.deepCopy();
        ((ObjectNode) portsAsString.get("services").get("catalogue-api")).put("ports", "8080");
        assertThat(describe(validate(schema, portsAsString)))
                .as("ports given as a string instead of a list")
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains("ports"));

        ObjectNode unknownTopLevelKey = compose.deepCopy();
        unknownTopLevelKey.putObject("servcies");
        assertThat(describe(validate(schema, unknownTopLevelKey)))
                .as("an unknown top-level key")
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains("servcies"));
    }

    private static Schema composeSchema() {
        assertThat(ComposeFileTest.class.getResource(COMPOSE_SCHEMA))
                .as("classpath resource " + COMPOSE_SCHEMA)
                .isNotNull();
        // Loaded by its classpath location: the schema's relative $id ("compose_spec.json") needs a base IRI.
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:" + COMPOSE_SCHEMA.substring(1)));
    }

    private static List<Error> validate(Schema schema, JsonNode document) throws IOException {
        // Jackson 2 tree (ours) -> JSON text -> the validator's own (Jackson 3) reader.
        return schema.validate(new ObjectMapper().writeValueAsString(document), InputFormat.JSON);
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream()
                .map(e -> e.getInstanceLocation() + " [" + e.getKeyword() + "] " + e.getMessage())
                .collect(Collectors.toList());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. Environment keys are declared configuration
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everyEnvironmentKeyIsConfigurationTheAppDeclares() throws Exception {
        for (String service : APP_SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            assertThat(definition.isObject())
                    .as("service %s in docker-compose.yml", service)
                    .isTrue();
            Path module = moduleOf(service, definition);
            DeclaredConfig declared = DeclaredConfig.of(module);
            Map<String, String> environment = environment(definition.path("environment"));
            assertThat(environment).as("environment of service %s", service).isNotEmpty();

            Set<String> undeclared = new TreeSet<>();
            for (String key : environment.keySet()) {
                if (declared.envPatterns().stream()
                        .noneMatch(p -> p.matcher(key).matches())) {
                    undeclared.add(key);
                }
            }
            assertThat(undeclared)
                    .as(
                            "environment keys of service %s that %s does not declare (application.properties or "
                                    + "@ConfigMapping) — misspelt or stale? %d declared keys: %s",
                            service, module.getFileName(), declared.keys().size(), declared.keys())
                    .isEmpty();

            Set<String> missing = new TreeSet<>(declared.requiredEnv());
            missing.removeAll(environment.keySet());
            assertThat(missing)
                    .as("settings %s requires (no default) that service %s does not set", module.getFileName(), service)
                    .isEmpty();

            for (String secret : SECRET_KEYS) {
                if (environment.containsKey(secret)) {
                    assertThat(environment.get(secret))
                            .as(
                                    "%s of service %s must be required from the environment (${VAR:?message})",
                                    secret, service)
                            .matches(REQUIRED_INTERPOLATION);
                }
            }
        }

        assertThat(environment(compose.path("services").path("harvester").path("environment")))
                .as("the harvester does not start without an operator key")
                .containsKey("ONEWINDOW_OPERATOR_KEY");
    }

    @Test
    void theCatalogueApiReadsAsTheReadOnlyRoleWithAPasswordOfItsOwn() throws IOException {
        JsonNode services = compose.path("services");
        Map<String, String> api = environment(services.path("catalogue-api").path("environment"));
        Map<String, String> harvester = environment(services.path("harvester").path("environment"));
        Map<String, String> roles = environment(services.path("database-roles").path("environment"));
        String migration = Files.readString(
                repoRoot.resolve("harvester/src/main/resources/db/migration/V7__catalogue_reader_role.sql"));

        assertThat(migration).as("the role the harvester's migration creates").contains("CREATE ROLE " + READER_ROLE);
        assertThat(api.get("QUARKUS_DATASOURCE_USERNAME"))
                .isEqualTo(READER_ROLE)
                .isNotEqualTo(harvester.get("QUARKUS_DATASOURCE_USERNAME"));
        assertThat(variableOf(api.get("QUARKUS_DATASOURCE_PASSWORD")))
                .as("the API's password variable")
                .isNotEqualTo(variableOf(harvester.get("QUARKUS_DATASOURCE_PASSWORD")))
                .isEqualTo(variableOf(roles.get("READER_PASSWORD")));
        assertThat(services.path("database-roles").path("entrypoint").toString())
                .contains("ALTER ROLE " + READER_ROLE + " WITH LOGIN PASSWORD :'password'");
        assertThat(services.path("catalogue-api")
                        .path("depends_on")
                        .path("database-roles")
                        .path("condition")
                        .asText())
                .as("the API starts once its role can log in")
                .isEqualTo("service_completed_successfully");
    }

    /** The variable a {@code ${NAME…}} value reads. */
    private static String variableOf(String value) {
        Matcher variable = EXPRESSION.matcher(value == null ? "" : value);
        return variable.find() ? variable.group(1) : null;
    }

    /** The app module a service is built from: its build context, relative to the compose file. */
    private static Path moduleOf(String service, JsonNode definition) {
        JsonNode build = definition.path("build");
        String context =
                build.isTextual() ? build.asText() : build.path("context").asText(null);
        assertThat(context).as("build context of service %s", service).isNotNull();
        Path module = repoRoot.resolve(context).normalize();
        assertThat(module.resolve("src/main/resources/application.properties"))
                .as("service %s builds a Quarkus app module", service)
                .isRegularFile();
        return module;
    }

    /** Compose {@code environment}: a map, or a list of {@code KEY=VALUE} / {@code KEY}. */
    private static Map<String, String> environment(JsonNode node) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                environment.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String entry = item.asText();
                int eq = entry.indexOf('=');
                environment.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return environment;
    }

    /**
     * The configuration an app module declares: the keys of its application.properties (profile prefix stripped), the
     * names its property expressions reference, and every key of its {@code @ConfigMapping} interfaces, read from the
     * compiled classes.
     */
    record DeclaredConfig(Set<String> keys, List<Pattern> envPatterns, Set<String> requiredEnv) {

        static DeclaredConfig of(Path module) throws Exception {
            Set<String> keys = new TreeSet<>();
            Set<String> requiredEnv = new TreeSet<>();

            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(
                    module.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : properties.stringPropertyNames()) {
                String key =
                        name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
                keys.add(key);
                String value = properties.getProperty(name);
                values.putIfAbsent(key, value);
                Matcher expression = EXPRESSION.matcher(value);
                while (expression.find()) {
                    keys.add(expression.group(1));
                }
            }

            Path classes = module.resolve("target/classes");
            assertThat(classes)
                    .as(
                            "compiled classes of %s (build the module first: ./mvnw -DskipTests package)",
                            module.getFileName())
                    .isDirectory();
            List<MappedKey> mapped = configMappingKeys(classes);
            for (MappedKey key : mapped) {
                keys.add(key.name());
                if (key.required()) {
                    String value = values.get(key.name());
                    if (value == null || value.isBlank()) {
                        requiredEnv.add(envName(key.name())); // nothing but the environment can give it
                    } else {
                        Matcher expression = EXPRESSION.matcher(value);
                        while (expression.find()) {
                            if (expression.group(2) == null) {
                                requiredEnv.add(envName(expression.group(1))); // ${NAME} without a default
                            }
                        }
                    }
                }
            }

            List<Pattern> envPatterns =
                    keys.stream().map(DeclaredConfig::envPattern).collect(Collectors.toList());
            return new DeclaredConfig(keys, envPatterns, requiredEnv);
        }

        /** SmallRye's environment form of a property name: uppercase, every char not [A-Za-z0-9] becomes '_'. */
        static String envName(String key) {
            StringBuilder env = new StringBuilder(key.length());
            for (char c : key.toCharArray()) {
                env.append(isAsciiAlphanumeric(c) ? Character.toUpperCase(c) : '_');
            }
            return env.toString();
        }

        /** As {@link #envName}, with a map-key segment {@code *} matching any name and {@code [*]} any index. */
        static Pattern envPattern(String key) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (key.startsWith("[*]", i)) {
                    regex.append("_[0-9]+_");
                    i += 2;
                } else if (c == '*') {
                    regex.append("[A-Z0-9_]+");
                } else {
                    regex.append(isAsciiAlphanumeric(c) ? Character.toUpperCase(c) : '_');
                }
            }
            return Pattern.compile(regex.toString());
        }

        private static boolean isAsciiAlphanumeric(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    record MappedKey(String name, boolean required) {}

    /** Every key of every {@code @ConfigMapping} interface compiled into {@code classes}. */
    static List<MappedKey> configMappingKeys(Path classes) throws Exception {
        List<String> annotated;
        try (Stream<Path> files = Files.walk(classes)) {
            annotated = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(ComposeFileTest::mentionsConfigMapping)
                    .map(f -> classes.relativize(f)
                            .toString()
                            .replace(f.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<MappedKey> keys = new ArrayList<>();
        // Parent: the test class loader, so ConfigMapping & co. are the very classes this test refers to.
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ComposeFileTest.class.getClassLoader())) {
            for (String className : annotated) {
                Class<?> type = Class.forName(className, false, loader);
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null && type.isInterface()) {
                    new MappingWalker(mapping.namingStrategy(), mapping.beanStyleGetters(), keys)
                            .group(type, mapping.prefix(), true, new LinkedHashSet<>());
                }
            }
        }
        return keys;
    }

    private static boolean mentionsConfigMapping(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains(CONFIG_MAPPING_DESCRIPTOR);
        } catch (IOException e) {
            throw new IllegalStateException(classFile.toString(), e);
        }
    }

    /** Walks a mapping interface the way SmallRye names its properties. */
    private record MappingWalker(Function<String, String> naming, boolean beanStyleGetters, List<MappedKey> keys) {

        void group(Class<?> type, String path, boolean required, Set<Class<?>> visiting) {
            if (!visiting.add(type)) {
                return; // recursive structure: its keys are already being collected
            }
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())
                        || method.isDefault()
                        || method.isSynthetic()
                        || method.getParameterCount() != 0
                        || method.getReturnType() == void.class
                        || method.getDeclaringClass() == Object.class
                        || Set.of("toString", "hashCode").contains(method.getName())) {
                    continue;
                }
                String name;
                if (method.isAnnotationPresent(WithParentName.class)) {
                    name = "";
                } else if (method.isAnnotationPresent(WithName.class)) {
                    name = method.getAnnotation(WithName.class).value();
                } else {
                    name = naming.apply(beanStyleGetters ? stripGetter(method.getName()) : method.getName());
                }
                boolean leafRequired = required && !method.isAnnotationPresent(WithDefault.class);
                property(method, method.getGenericReturnType(), join(path, name), leafRequired, visiting);
            }
            visiting.remove(type);
        }

        private void property(Method method, Type type, String path, boolean required, Set<Class<?>> visiting) {
            Class<?> raw = raw(type);
            if (method.isAnnotationPresent(WithConverter.class)) {
                keys.add(new MappedKey(path, required));
            } else if (raw == Optional.class) {
                property(method, typeArgument(type, 0), path, false, visiting);
            } else if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
                keys.add(new MappedKey(path, false));
            } else if (Map.class.isAssignableFrom(raw)) {
                Type valueType = typeArgument(type, 1);
                if (method.isAnnotationPresent(WithUnnamedKey.class)) {
                    property(method, valueType, path, false, visiting);
                }
                property(method, valueType, join(path, "*"), false, visiting);
            } else if (Collection.class.isAssignableFrom(raw)) {
                Type element = typeArgument(type, 0);
                if (isGroup(raw(element))) {
                    property(method, element, path + "[*]", false, visiting);
                } else {
                    keys.add(new MappedKey(path, required)); // a,b,c
                    keys.add(new MappedKey(path + "[*]", false)); // path[0]=a
                }
            } else if (isGroup(raw)) {
                group(raw, path, required, visiting);
            } else {
                keys.add(new MappedKey(path, required));
            }
        }

        private static boolean isGroup(Class<?> type) {
            return type.isInterface() && !type.getName().startsWith("java.");
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> c) {
                return c;
            }
            if (type instanceof ParameterizedType p) {
                return (Class<?>) p.getRawType();
            }
            return Object.class; // wildcard or type variable: treat as a leaf
        }

        private static Type typeArgument(Type type, int index) {
            return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
        }

        private static String stripGetter(String name) {
            for (String prefix : List.of("get", "is")) {
                if (name.length() > prefix.length()
                        && name.startsWith(prefix)
                        && Character.isUpperCase(name.charAt(prefix.length()))) {
                    return Character.toLowerCase(name.charAt(prefix.length())) + name.substring(prefix.length() + 1);
                }
            }
            return name;
        }

        private static String join(String path, String segment) {
            if (segment.isEmpty()) {
                return path;
            }
            return path.isEmpty() ? segment : path + "." + segment;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Elasticsearch version
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void composeStackPinsTheElasticsearchVersionTheBuildUses() throws Exception {
        String version = elasticsearchVersionOfTheBuild();

        JsonNode build = compose.path("services").path("elasticsearch").path("build");
        assertThat(build.isObject())
                .as("service elasticsearch is built (to install our analysis plugin)")
                .isTrue();
        Path dockerfile = repoRoot.resolve(build.path("context").asText("."))
                .resolve(build.path("dockerfile").asText("Dockerfile"))
                .normalize();
        assertThat(dockerfile).as("the elasticsearch service's Dockerfile").isRegularFile();

        List<String> lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
        String from = lines.stream()
                .map(String::trim)
                .filter(line -> line.regionMatches(true, 0, "FROM ", 0, 5))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FROM in " + dockerfile));
        String image = from.split("\\s+")[1];
        int tagAt = image.lastIndexOf(':');
        assertThat(tagAt).as("FROM %s names a tag", image).isGreaterThan(image.lastIndexOf('/'));

        assertThat(image.substring(0, tagAt)).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch");
        assertThat(image.substring(tagAt + 1))
                .as(
                        "tag of %s (the plugin only installs into the version it was built for, <elasticsearch.version>)",
                        dockerfile.getFileName())
                .isEqualTo(version);
        assertThat(String.join("\n", lines))
                .as("the Dockerfile installs our analysis plugin")
                .contains("analysis-plugin/target/analysis-plugin-")
                .contains("elasticsearch-plugin install --batch");
    }

    private static String elasticsearchVersionOfTheBuild() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom =
                factory.newDocumentBuilder().parse(repoRoot.resolve("pom.xml").toFile());
        NodeList properties = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            Element element = (Element) properties.item(i);
            if (element.getParentNode() == pom.getDocumentElement()) {
                NodeList version = element.getElementsByTagName("elasticsearch.version");
                if (version.getLength() > 0) {
                    return version.item(0).getTextContent().trim();
                }
            }
        }
        throw new AssertionError("no <elasticsearch.version> in the root pom.xml");
    }
}
