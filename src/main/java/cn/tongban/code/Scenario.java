package cn.tongban.code;

import java.util.List;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A place where codes are scanned (场景): what a terminal there may learn ({@code disclose}) and
 * whether a code may be scanned there more than once within its validity.
 *
 * @param districtCode for RESIDENT_OF_DISTRICT: the district the gate belongs to
 */
@Document("code_scenarios")
record Scenario(@Id String code, String name, String nameEn, String description, List<Disclosure> disclose, Replay replay,
		List<HolderKind> holderKinds, String districtCode) implements Bilingual.Named {

	enum Replay {

		/** 单次有效: one scan per code (bus gate, scenic turnstile). */
		SINGLE_USE,
		/** Any number of scans within validity (counter, hospital). */
		REUSABLE

	}

}
