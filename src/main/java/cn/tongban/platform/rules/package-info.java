/**
 * Approval rules as data (规则): a small JSON rule tree over named facts, validated against the facts
 * a module can supply and evaluated with a reason per rule. No expressions, no code: a rule is a
 * fact, an operator and a value, or all/any of rules.
 */
@NamedInterface("rules")
package cn.tongban.platform.rules;

import org.springframework.modulith.NamedInterface;
