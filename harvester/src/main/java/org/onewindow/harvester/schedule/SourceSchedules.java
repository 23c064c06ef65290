package org.onewindow.harvester.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.Source;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Registers each source's cron schedule in Quartz's clustered JDBC store (replacing an older one). */
@ApplicationScoped
public class SourceSchedules {

    private static final Logger LOG = Logger.getLogger(SourceSchedules.class);
    private static final String GROUP = "sources";

    @Inject
    Scheduler quartz;

    @Inject
    HarvesterConfig config;

    /** The source's schedule follows what it now is (enabled or not, its cron), where this instance schedules at all. */
    public void follow(Source source) {
        if (!config.harvest().schedulesEnabled()) {
            return;
        }
        if (source.enabled) {
            register(source);
        } else {
            unregister(source.id);
        }
    }

    /** A disabled source's schedule goes (on every instance: the store is shared). */
    public void unregister(String sourceId) {
        try {
            quartz.deleteJob(JobKey.jobKey("harvest-" + sourceId, GROUP));
            LOG.infof("source %s unscheduled", sourceId);
        } catch (SchedulerException e) {
            LOG.errorf("source %s not unscheduled: %s", sourceId, e.getMessage());
        }
    }

    public void register(Source source) {
        JobDetail job = JobBuilder.newJob(ScheduledHarvestJob.class)
                .withIdentity("harvest-" + source.id, GROUP)
                .usingJobData(ScheduledHarvestJob.SOURCE_ID, source.id)
                .storeDurably()
                .build();
        try {
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity("cron-" + source.id, GROUP)
                    .withSchedule(
                            CronScheduleBuilder.cronSchedule(source.schedule).withMisfireHandlingInstructionDoNothing())
                    .build();
            quartz.scheduleJob(job, Set.of(trigger), true);
            LOG.infof("source %s scheduled: %s (next %s)", source.id, source.schedule, trigger.getNextFireTime());
        } catch (RuntimeException | SchedulerException e) {
            LOG.errorf("source %s not scheduled: bad schedule '%s': %s", source.id, source.schedule, e.getMessage());
        }
    }
}
