package cn.tongban.application;

import java.util.List;

import cn.tongban.platform.rules.Rule;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A 免申即享 policy: who is eligible (rules over the same facts as approval rules), what they get,
 * and the service item granting it stands for (an accepted offer is an application for it).
 *
 * @param benefit what the resident receives, as the policy words it
 */
@Document("benefit_policies")
record BenefitPolicy(@Id String code, String name, String benefit, String itemBasicCode, List<Rule> rules) {
}
