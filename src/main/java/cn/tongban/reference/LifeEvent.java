package cn.tongban.reference;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** 生命周期主题 (for people) or 企业生命周期主题 (for enterprises). */
@Document("life_events")
public record LifeEvent(@Id String code, String name, String nameEn, ServiceTarget audience, String description)
		implements Bilingual.Named {
}
