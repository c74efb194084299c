package cn.tongban.platform.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.ReflectionUtils;

/**
 * Fail-closed start-up check: a query, mutation or subscription handler without
 * {@code @PreAuthorize} stops the application, so nobody can ship an operation whose callers
 * nobody decided.
 */
@Component
class EveryOperationDeclaresAccess implements SmartInitializingSingleton {

	private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

	private final ApplicationContext context;

	EveryOperationDeclaresAccess(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> undeclared = new ArrayList<>();
		for (Object controller : this.context.getBeansWithAnnotation(Controller.class).values()) {
			Class<?> type = AopUtils.getTargetClass(controller);
			ReflectionUtils.doWithMethods(type, (method) -> {
				if (isOperation(type, method) && !AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
						&& !AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class)) {
					undeclared.add(type.getSimpleName() + "." + method.getName());
				}
			});
		}
		if (!undeclared.isEmpty()) {
			throw new IllegalStateException(
					"GraphQL operations without @PreAuthorize (declare who may call them): " + undeclared);
		}
	}

	private static boolean isOperation(Class<?> type, Method method) {
		SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
		if (mapping == null) {
			return false;
		}
		String typeName = mapping.typeName();
		if (typeName.isEmpty()) {
			SchemaMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, SchemaMapping.class);
			typeName = (onType != null) ? onType.typeName() : "";
		}
		return ROOT_TYPES.contains(typeName);
	}

}
