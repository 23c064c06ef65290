package org.onewindow.mappings.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.model.CatalogueIds;
import org.onewindow.mappings.model.CompetentAuthority;
import org.onewindow.mappings.model.Licence;
import org.onewindow.mappings.model.LocalizedText;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.model.SourceLanguage;
import org.onewindow.mappings.source.ExtractBudgetExceededException;
import org.onewindow.mappings.source.FieldRule;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceLicence;
import org.onewindow.mappings.source.TargetField;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;

/**
 * Pure: raw fields + the source's mapping → a {@link ServiceRecord}, its validation problems (not published) and
 * its warnings (published without the values warned about). The vocabularies are read once from the classpath.
 */
public final class MappingEngine {

    private final Vocabularies vocabularies;

    public MappingEngine() {
        this(Vocabularies.bundled());
    }

    public MappingEngine(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /**
     * Text fields shown as formatted text; each gets the HTML of the raw field that filled it, if any, cleaned with the
     * display safelist here whatever connector made it (links resolved against the record's URL).
     */
    private static final List<TargetField> FORMATTED = List.of(
            TargetField.DESCRIPTION,
            TargetField.AUDIENCE,
            TargetField.ELIGIBILITY,
            TargetField.BENEFITS,
            TargetField.HOW_TO_APPLY);

    /** Whether a record's authority is the source's agency, whatever the spacing ("보건 복지부"). */
    private static boolean sameName(String named, String agency) {
        return agency != null
                && WHITESPACE
                        .matcher(named)
                        .replaceAll("")
                        .equals(WHITESPACE.matcher(agency).replaceAll(""));
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static Map<String, String> htmlRenditions(SourceDefinition source, RawRecord raw) {
        Map<String, String> html = new LinkedHashMap<>();
        for (TargetField field : FORMATTED) {
            FieldRule rule = source.fields().get(field);
            if (rule == null) {
                continue;
            }
            for (String from : rule.from()) {
                if (raw.values(from).stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<String> rendition = raw.values(from + ServiceRecord.HTML_SUFFIX);
                String cleaned = rendition.isEmpty() ? "" : DisplayHtml.clean(String.join("\n", rendition), raw.url());
                if (!cleaned.isEmpty()) {
                    html.put(field.key(), cleaned);
                }
                break;
            }
        }
        return html;
    }

    /**
     * @throws ExtractBudgetExceededException when a field's extract rule does more work on the record's text than a
     *                                        linear pattern needs (its message names the field and the pattern): the
     *                                        record cannot be mapped, which the harvester records as its map error
     */
    public MappingResult map(SourceDefinition source, RawRecord raw) {
        FieldValues values = new FieldValues(source, raw, vocabularies);
        List<String> problems = new ArrayList<>();

        String authorityName = values.text(TargetField.AUTHORITY_NAME);
        String authorityCode = values.text(TargetField.AUTHORITY_CODE);
        boolean ownAgency =
                authorityName == null || sameName(authorityName, source.agency().name());
        CompetentAuthority authority = new CompetentAuthority(
                authorityCode != null
                        ? authorityCode
                        : ownAgency ? source.agency().code() : null,
                authorityName == null ? source.agency().name() : authorityName,
                source.agency().type(),
                values.text(TargetField.DEPARTMENT));

        var modified = values.date(TargetField.LAST_MODIFIED);
        modified.filter(date -> date.date() == null)
                .ifPresent(date -> problems.add("lastModified: unreadable date '" + date.text() + "'"));

        SourceLanguage language = source.language();
        LocalizedText name = localized(language, values.text(TargetField.NAME), values.text(TargetField.NAME_EN));
        LocalizedText summary =
                localized(language, values.text(TargetField.SUMMARY), values.text(TargetField.SUMMARY_EN));
        LocalizedText description =
                localized(language, values.text(TargetField.DESCRIPTION), values.text(TargetField.DESCRIPTION_EN));

        ServiceRecord record = new ServiceRecord(
                CatalogueIds.of(source.id(), raw.sourceRecordId()),
                source.id(),
                raw.sourceRecordId(),
                raw.url(),
                language == SourceLanguage.KO ? null : language.tag(),
                name,
                summary,
                description,
                values.text(TargetField.SUPPORT_TYPE),
                values.text(TargetField.AUDIENCE),
                values.list(TargetField.AUDIENCE_CODES),
                values.text(TargetField.ELIGIBILITY),
                values.text(TargetField.BENEFITS),
                values.text(TargetField.HOW_TO_APPLY),
                values.url(TargetField.ONLINE_APPLICATION_URL),
                values.text(TargetField.APPLICATION_PERIOD),
                values.list(TargetField.REQUIRED_DOCUMENTS),
                authority,
                values.text(TargetField.CONTACT),
                values.list(TargetField.CATEGORIES),
                values.list(TargetField.LIFE_EVENTS),
                values.list(TargetField.KEYWORDS),
                values.list(TargetField.REGION),
                values.list(TargetField.LEGAL_BASIS),
                modified.map(FieldValues.DateValue::date).orElse(null),
                values.integer(TargetField.POPULARITY),
                licence(source.licence()),
                source.licence() == null ? null : source.licence().attribution(),
                htmlRenditions(source, raw));

        if (name == null) {
            problems.add("name: missing");
        }
        if (summary == null && description == null) {
            problems.add("description: missing (neither summary nor description)");
        }
        if (authority.name() == null || authority.name().isBlank()) {
            problems.add("competentAuthority: missing");
        }
        if (!Urls.isHttp(raw.url())) {
            problems.add("url: not an absolute http(s) URL: '" + raw.url() + "'");
        }
        return new MappingResult(record, problems, values.warnings());
    }

    private Licence licence(SourceLicence licence) {
        if (licence == null) {
            return null;
        }
        Term term =
                vocabularies.get(Vocabularies.LICENCES).byCode(licence.type()).orElseThrow();
        return new Licence(term.code(), new LocalizedText(term.ko(), term.en()), term.url());
    }

    /**
     * A text in the source's language and, for a Korean source, its English rendition ({@code nameEn}); a source in
     * English has no second language (its mapping file may not map {@code nameEn}: {@code FileCheck}).
     */
    private static LocalizedText localized(SourceLanguage language, String text, String english) {
        if (language == SourceLanguage.EN) {
            return text == null ? null : new LocalizedText(null, text);
        }
        return text == null && english == null ? null : new LocalizedText(text, english);
    }
}
