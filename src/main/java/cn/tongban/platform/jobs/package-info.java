/**
 * Scheduled work that one instance at a time runs (单实例任务): a lease in the database per job, so
 * a batch runs on exactly one instance, and another takes the job over when the holder dies.
 */
@NamedInterface("jobs")
package cn.tongban.platform.jobs;

import org.springframework.modulith.NamedInterface;
