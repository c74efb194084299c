package cn.tongban.reference;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** 行政区划 by its GB/T 2260 code. */
@Document("regions")
public record Region(@Id String code, String name, String nameEn, String fullName, RegionLevel level, String parentCode,
		int populationTenThousands) implements Bilingual.Named {
}
