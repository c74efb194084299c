package cn.tongban.platform.graphql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's conventions (GitHub's and Shopify's), checked on {@code schema/} as a whole so a
 * module's new operation follows them too.
 */
class SchemaConventionsTests {

	private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator
		.makeUnExecutableSchema(new SchemaParser().parse(SchemaGuard.sdlOf(Path.of("schema"))));

	@Test
	void eachMutationReturnsItsOwnObjectType() {
		Map<String, List<String>> mutationsByType = SCHEMA.getMutationType()
			.getFieldDefinitions()
			.stream()
			.collect(Collectors.groupingBy((mutation) -> GraphQLTypeUtil.unwrapAll(mutation.getType()).getName(),
					Collectors.mapping(GraphQLFieldDefinition::getName, Collectors.toList())));
		assertThat(mutationsByType).allSatisfy((type, mutations) -> {
			assertThat(mutations).as("mutations returning %s", type).hasSize(1);
			assertThat(SCHEMA.getType(type)).as(type).isInstanceOf(GraphQLObjectType.class);
		});
	}

	@Test
	void everyConnectionHasEdgesNodesAndPageInfo() {
		List<GraphQLObjectType> connections = SCHEMA.getAllTypesAsList()
			.stream()
			.filter((type) -> type instanceof GraphQLObjectType && type.getName().endsWith("Connection"))
			.map(GraphQLObjectType.class::cast)
			.toList();
		assertThat(connections).isNotEmpty()
			.allSatisfy((connection) -> assertThat(connection.getFieldDefinitions())
				.extracting(GraphQLFieldDefinition::getName)
				.as(connection.getName())
				.contains("edges", "nodes", "pageInfo"));
	}

}
