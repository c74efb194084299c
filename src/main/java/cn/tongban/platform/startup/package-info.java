/**
 * Start-up safety: early checks of settings, data folder and port ({@link cn.tongban.platform.startup.StartupGuard}),
 * production checks modules contribute ({@link cn.tongban.platform.startup.ProductionCheck}), a
 * one-line report of a refused start, and start-up work that loads in the background while callers wait
 * ({@link cn.tongban.platform.startup.BackgroundLoad}).
 */
@NamedInterface("startup")
package cn.tongban.platform.startup;

import org.springframework.modulith.NamedInterface;
