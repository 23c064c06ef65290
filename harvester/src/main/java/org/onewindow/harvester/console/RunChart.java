package org.onewindow.harvester.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.onewindow.harvester.store.HarvestRun;

/**
 * A source's runs as an SVG bar chart, drawn on the server: per run, oldest on the left, one bar each for services
 * added, updated and withdrawn and for errors (not fetched, rejected, gone), on one scale. The runs table beside it
 * holds the same numbers for those who do not see the chart.
 */
public record RunChart(int width, int height, int max, List<Bar> bars) {

    static final int RUN_WIDTH = 24;
    static final int HEIGHT = 120;
    static final List<String> KINDS = List.of("added", "updated", "withdrawn", "errors");

    /** One bar: its box in the chart and what it counts. */
    public record Bar(int x, int y, int width, int height, String kind, long runId, int value) {}

    static RunChart of(List<HarvestRun> newestFirst) {
        List<HarvestRun> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        int max = 1;
        for (HarvestRun run : runs) {
            for (int value : values(run)) {
                max = Math.max(max, value);
            }
        }
        List<Bar> bars = new ArrayList<>();
        int barWidth = (RUN_WIDTH - 4) / KINDS.size();
        for (int i = 0; i < runs.size(); i++) {
            int[] values = values(runs.get(i));
            for (int k = 0; k < KINDS.size(); k++) {
                int height = values[k] == 0 ? 0 : Math.max(1, (int) Math.round((double) values[k] * HEIGHT / max));
                bars.add(new Bar(
                        i * RUN_WIDTH + 2 + k * barWidth,
                        HEIGHT - height,
                        barWidth,
                        height,
                        KINDS.get(k),
                        runs.get(i).id,
                        values[k]));
            }
        }
        return new RunChart(Math.max(RUN_WIDTH, runs.size() * RUN_WIDTH), HEIGHT, max, bars);
    }

    private static int[] values(HarvestRun run) {
        return new int[] {run.added, run.updated, run.withdrawn, run.errored + run.rejected + run.gone};
    }
}
