/**
 * Start-up safety: early checks of settings, data folder and port ({@link cn.tongban.platform.startup.StartupGuard}),
 * production checks modules contribute ({@link cn.tongban.platform.startup.ProductionCheck}), and a
 * one-line report of a refused start.
 */
@NamedInterface("startup")
package cn.tongban.platform.startup;

import org.springframework.modulith.NamedInterface;
