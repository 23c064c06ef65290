package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the Java sources of every module: a class is named by an import, not spelled out where it is used (unless
 * two classes of one name meet in a file); every import is used, once; a class's injected fields come before its
 * constructors and methods; text changes case in {@link Locale#ROOT}.
 */
class SourceHygieneTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of(
            "analysis-plugin",
            "bench",
            "catalogue-api",
            "connectors",
            "e2e",
            "harvester",
            "local-runtime",
            "mappings",
            "signals");
    /** A package path of lower-case segments ending in a class name, as in {@code java.util.List} or {@code org.x.Y.method}. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.@\"])((?:java|javax|jakarta|org|com|io)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z]\\w*)");

    private static final Pattern IMPORT = Pattern.compile("import ([\\w.]+)\\.([A-Z]\\w*);");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    private static final Pattern ANY_IMPORT = Pattern.compile("import (?:static )?[\\w.]+\\.(\\w+|\\*);");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\b");

    @Test
    void classesAreImportedNotSpelledOut() {
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            List<String[]> qualified = new ArrayList<>(); // file:line, package, simple name
            Map<String, String> imported = new HashMap<>();
            Set<String> declared = new HashSet<>();
            boolean inComment = false;
            boolean inTextBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (countOf("\"\"\"", line) % 2 == 1) {
                    inTextBlock = !inTextBlock;
                    continue;
                }
                if (inTextBlock) {
                    continue; // text, not code
                }
                Matcher imports = IMPORT.matcher(line);
                if (imports.matches()) {
                    imported.put(imports.group(2), imports.group(1));
                }
                if (line.startsWith("/*")) {
                    inComment = true;
                }
                boolean comment = inComment || line.startsWith("//") || line.startsWith("*");
                if (line.contains("*/")) {
                    inComment = false;
                }
                if (comment || line.startsWith("import ") || line.startsWith("package ")) {
                    continue;
                }
                String code = STRING.matcher(line.replaceAll("//.*$", "")).replaceAll("\"\"");
                Matcher declaration = DECLARED.matcher(code);
                while (declaration.find()) {
                    declared.add(declaration.group(1));
                }
                Matcher name = QUALIFIED.matcher(code);
                while (name.find()) {
                    qualified.add(new String[] {ROOT.relativize(file) + ":" + (i + 1), name.group(1), name.group(2)});
                }
            }
            Map<String, Set<String>> packagesByName = new HashMap<>();
            qualified.forEach(q ->
                    packagesByName.computeIfAbsent(q[2], n -> new HashSet<>()).add(q[1]));
            for (String[] q : qualified) {
                // two classes of one simple name in a file: one of them has to be spelled out
                boolean clash = packagesByName.get(q[2]).size() > 1
                        || (imported.containsKey(q[2]) && !imported.get(q[2]).equals(q[1]))
                        || declared.contains(q[2]);
                if (!clash) {
                    found.add(q[0] + ": " + q[1] + "." + q[2]);
                }
            }
        }
        assertThat(found).as("fully-qualified class names in code: import them").isEmpty();
    }

    @Test
    void injectedFieldsComeFirst() {
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            boolean memberSeen = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("    ") || line.startsWith("     ")) {
                    continue; // members of the top-level class only
                }
                String member = line.strip();
                if (member.equals("@Inject") && memberSeen) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1));
                }
                if (!TYPE.matcher(member).find()
                        && !member.startsWith("@")
                        && member.contains("(")
                        && member.endsWith("{")
                        && !member.contains("=")) {
                    memberSeen = true; // a constructor or method
                }
            }
        }
        assertThat(found)
                .as("@Inject fields after a constructor or method: move them to the top of the class")
                .isEmpty();
    }

    @Test
    void everyImportIsUsedOnce() {
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            String body = String.join(
                    "\n",
                    lines.stream().filter(line -> !line.startsWith("import ")).toList());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher imported = ANY_IMPORT.matcher(lines.get(i));
                if (!imported.matches()) {
                    continue;
                }
                if (!seen.add(lines.get(i))) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": twice: " + lines.get(i));
                } else if (!"*".equals(imported.group(1))
                        && !Pattern.compile("\\b" + imported.group(1) + "\\b")
                                .matcher(body)
                                .find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": unused: " + lines.get(i));
                }
            }
        }
        assertThat(found).as("imports").isEmpty();
    }

    /**
     * {@code toLowerCase()} follows the JVM's default locale: under Turkish, {@code "FAILED"} becomes {@code "faıled"},
     * so a status, an event name or a language tag would change with the machine the app runs on.
     */
    @Test
    void caseIsChangedInTheRootLocale() {
        Pattern localeLess = Pattern.compile("\\.to(?:Lower|Upper)Case\\(\\)");
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String code =
                        STRING.matcher(lines.get(i).replaceAll("//.*$", "")).replaceAll("\"\"");
                if (localeLess.matcher(code).find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": "
                            + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("case changed in the default locale").isEmpty();
    }

    private static int countOf(String what, String line) {
        int count = 0;
        for (int at = line.indexOf(what); at >= 0; at = line.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static List<Path> javaSources() {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(src)) {
                walk.filter(path -> path.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("the modules' sources, from " + ROOT).hasSizeGreaterThan(100);
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
