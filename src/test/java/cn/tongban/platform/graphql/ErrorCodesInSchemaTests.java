package cn.tongban.platform.graphql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code some module can send is published in the schema's {@code ErrorCode} enum, with a
 * description, and the schema lists no code that none sends: the enums implementing
 * {@link ErrorCode} are found on the class path, so a module's new enum is checked too.
 */
class ErrorCodesInSchemaTests {

	@Test
	void theSchemaPublishesExactlyTheCodesTheModulesOwn() throws Exception {
		List<String> owned = new ArrayList<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
		List<String> enums = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("cn.tongban")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (type.isEnum()) {
				enums.add(type.getSimpleName());
				for (Object code : type.getEnumConstants()) {
					owned.add(((ErrorCode) code).name());
				}
			}
		}
		assertThat(enums).contains("PlatformError", "CatalogError", "ApplicationError", "CodeError");

		GraphQLEnumType published = (GraphQLEnumType) UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(SchemaGuard.sdlOf(Path.of("schema"))))
			.getType("ErrorCode");
		assertThat(published.getValues()).extracting(GraphQLEnumValueDefinition::getName)
			.containsExactlyInAnyOrderElementsOf(owned);
		assertThat(published.getValues()).allSatisfy((value) -> assertThat(value.getDescription()).isNotBlank());
	}

}
