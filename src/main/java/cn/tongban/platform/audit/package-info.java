/**
 * The security audit trail (安全审计日志): sign-ins, failures, denials, rate limiting and
 * administrative changes, kept 180 days and readable by administrators.
 */
@NamedInterface("audit")
package cn.tongban.platform.audit;

import org.springframework.modulith.NamedInterface;
