package org.onewindow.harvester.schedule;

import org.jboss.logging.Logger;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.store.HarvestRun;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import jakarta.enterprise.inject.spi.CDI;

/** Fired by Quartz on a source's cron schedule; starts a run unless one is going. */
@DisallowConcurrentExecution
public class ScheduledHarvestJob implements Job {

    static final String SOURCE_ID = "sourceId";
    private static final Logger LOG = Logger.getLogger(ScheduledHarvestJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String sourceId = context.getMergedJobDataMap().getString(SOURCE_ID);
        try {
            HarvestRun run = CDI.current().select(HarvestService.class).get().start(sourceId, HarvestRun.Trigger.SCHEDULE);
            LOG.infof("scheduled run %d of %s started", run.id, sourceId);
        } catch (HarvestService.AlreadyRunningException | HarvestService.UnknownSourceException e) {
            LOG.warnf("scheduled run of %s skipped: %s", sourceId, e.getMessage());
        }
    }
}
