package cn.tongban.application;

import java.util.List;

import cn.tongban.platform.rules.Rule;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The approval rules of a service item (秒批规则), by basic item code, so every region's
 * implementation shares them: an application's task for the item is approved at submission when all
 * pass (and its materials and sealed data need no person to check them).
 *
 * @param itemName the item's name, for whoever reads the seed file
 */
@Document("approval_rules")
record ApprovalRuleSet(@Id String itemBasicCode, String itemName, List<Rule> rules) {
}
