package org.onewindow.harvester.schedule;

import jakarta.enterprise.inject.spi.CDI;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.run.InstanceIdentity;
import org.onewindow.harvester.store.HarvestRun;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Fired by Quartz on a source's cron schedule (on one instance of the cluster); starts a run unless one is going,
 * and writes the firing down.
 */
@DisallowConcurrentExecution
public class ScheduledHarvestJob implements Job {

    static final String SOURCE_ID = "sourceId";
    private static final Logger LOG = Logger.getLogger(ScheduledHarvestJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String sourceId = context.getMergedJobDataMap().getString(SOURCE_ID);
        Instant scheduledAt = context.getScheduledFireTime() == null
                ? Instant.now()
                : context.getScheduledFireTime().toInstant();
        String outcome;
        try {
            HarvestRun run =
                    CDI.current().select(HarvestService.class).get().start(sourceId, HarvestRun.Trigger.SCHEDULE);
            outcome = "started run " + run.id;
            LOG.infof("scheduled run %d of %s started", run.id, sourceId);
        } catch (HarvestService.AlreadyRunningException
                | HarvestService.UnknownSourceException
                | HarvestService.DisabledSourceException e) {
            outcome = "skipped: " + e.getMessage();
            LOG.infof("scheduled run of %s skipped: %s", sourceId, e.getMessage());
        }
        CDI.current()
                .select(ScheduleFires.class)
                .get()
                .record(
                        sourceId,
                        scheduledAt,
                        CDI.current().select(InstanceIdentity.class).get().name(),
                        outcome);
    }
}
