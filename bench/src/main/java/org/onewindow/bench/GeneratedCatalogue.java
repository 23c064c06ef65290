package org.onewindow.bench;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoService;

/**
 * A catalogue of any size made from the demo agencies' services and the region vocabulary: service {@code i} is demo
 * service {@code i mod n} as run by the {@code (i div n)}-th region (nationwide first), with its name prefixed by the
 * region, the region as competent authority, and its own views and modification date. The same index always gives
 * the same service, so nothing is held in memory and every run of the benchmark indexes the same catalogue.
 */
public final class GeneratedCatalogue extends AbstractList<DemoService> {

    private static final LocalDate OLDEST_CHANGE = LocalDate.of(2023, 1, 1);

    private final int size;
    private final List<DemoService> demo = new ArrayList<>();
    private final List<Term> regions;

    public GeneratedCatalogue(int size) {
        this.size = size;
        for (DemoAgency agency : DemoAgency.all()) {
            for (DemoService service : agency.services()) {
                demo.add(withAuthority(service, agency.agencyName()));
            }
        }
        regions = Vocabularies.bundled().get(Vocabularies.REGIONS).terms().stream()
                .filter(t -> !"KR".equals(t.code()))
                .toList();
    }

    /** The demo services the catalogue varies (314). */
    public int baseCount() {
        return demo.size();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public DemoService get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        DemoService base = demo.get(index % demo.size());
        int round = index / demo.size();
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
        String id = String.format("G%07d", index);
        long views = (long) Math.pow(10, random.nextDouble(1, 5.3)); // 10 … 200,000: a few services are read far more
        String updated = OLDEST_CHANGE.plusDays(random.nextInt(1400)).toString();
        if (round == 0) {
            return copy(base, id, base.name(), base.nameEn(), base.agencyName(), base.regionCode(), views, updated);
        }
        Term region = regions.get((round - 1) % regions.size());
        String place = region.ko().substring(region.ko().lastIndexOf(' ') + 1);
        return copy(
                base,
                id,
                place + " " + base.name(),
                base.nameEn() == null ? null : region.en() + " " + base.nameEn(),
                region.ko(),
                region.code(),
                views,
                updated);
    }

    private static DemoService withAuthority(DemoService s, String siteAgency) {
        return s.agencyName() != null
                ? s
                : copy(
                        s,
                        s.id(),
                        s.name(),
                        s.nameEn(),
                        siteAgency,
                        s.regionCode(),
                        s.views() == null ? 0 : s.views(),
                        s.updatedAt());
    }

    private static DemoService copy(
            DemoService s,
            String id,
            String name,
            String nameEn,
            String authority,
            String region,
            long views,
            String updated) {
        return new DemoService(
                id,
                name,
                s.category(),
                s.supportType(),
                s.summary(),
                s.purpose(),
                s.audience(),
                s.criteria(),
                s.benefits(),
                s.howToApply(),
                s.deadline(),
                s.documents(),
                s.department(),
                s.contact(),
                s.registeredAt(),
                updated,
                nameEn,
                s.summaryEn(),
                authority,
                s.agencyCode(),
                s.onlineUrl(),
                views,
                s.lifeEvents(),
                region,
                null);
    }
}
