package cn.tongban.platform.graphql;

import java.util.Locale;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Serves every {@code name} field of a {@link Bilingual} source in the request's language; any
 * other source is answered by the field's own data fetcher, unchanged.
 */
final class LocalizedNames extends GraphQLTypeVisitorStub {

	static final String FIELD = "name";

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (FIELD.equals(field.getName()) && context.getParentNode() instanceof GraphQLFieldsContainer parent) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			registry.dataFetcher(coordinates, new LocalizedName(registry.getDataFetcher(coordinates, field)));
		}
		return TraversalControl.CONTINUE;
	}

	/** Trivial (no I/O), like the property fetcher it wraps: instrumentation and context propagation skip it. */
	private record LocalizedName(DataFetcher<?> own) implements TrivialDataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			if (environment.getSource() instanceof Bilingual named) {
				Locale locale = environment.getLocale();
				return named.nameIn((locale != null) ? locale : Locale.SIMPLIFIED_CHINESE);
			}
			return this.own.get(environment);
		}

	}

}
