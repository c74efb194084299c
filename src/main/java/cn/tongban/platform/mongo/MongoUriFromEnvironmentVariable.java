package cn.tongban.platform.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code MONGODB_URI} is set and Boot's own {@code spring.mongodb.uri} is not. */
class MongoUriFromEnvironmentVariable implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var env = context.getEnvironment();
		return !StringUtils.hasText(env.getProperty("spring.mongodb.uri"))
				&& StringUtils.hasText(env.getProperty("MONGODB_URI"));
	}

}
