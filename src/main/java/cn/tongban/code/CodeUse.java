package cn.tongban.code;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A single-use code spent in a scenario: {@code id} = code + scenario, so the second scan's insert
 * fails on the key (CODE_REPLAYED) on any number of instances. Removed a day after use.
 */
@Document("code_uses")
record CodeUse(@Id String id, @Indexed(expireAfter = "1d") Instant usedAt) {

}
