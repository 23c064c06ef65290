package org.onewindow.runtime.demo;

import java.util.List;

/** One service of a demo agency, as written in {@code demo-sites/<agency>/services.json}. */
public record DemoService(
        String id,
        String name,
        String category,
        String supportType,
        String summary,
        String purpose,
        String audience,
        String criteria,
        String benefits,
        String howToApply,
        String deadline,
        List<String> documents,
        String department,
        String contact,
        String registeredAt,
        String updatedAt) {
}
