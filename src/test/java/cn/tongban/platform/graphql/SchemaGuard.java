package cn.tongban.platform.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The breaking-change guard: compares the schema in {@code schema/} with the published snapshot.
 * A breaking change (a type, field or argument removed or narrowed, a nullable output made...) is
 * refused unless what it removes was already deprecated in the snapshot, i.e. it was announced to
 * clients before it went; any other difference means the snapshot is stale.
 */
final class SchemaGuard {

	private SchemaGuard() {
	}

	/** The contract as clients see it, printed in a stable order with descriptions and deprecations. */
	static String print(String sdl) {
		TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
		GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
		return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
			.includeScalarTypes(true)
			.includeSchemaDefinition(false)
			.includeDirectives((name) -> name.equals("deprecated") || name.equals("specifiedBy"))).print(schema);
	}

	static String sdlOf(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			StringBuilder sdl = new StringBuilder();
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				sdl.append(Files.readString(file)).append('\n');
			}
			return sdl.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the change from {@code published} to {@code current} breaks without a deprecation first. */
	static List<String> unannouncedBreaks(String published, String current) {
		CapturingReporter reporter = new CapturingReporter();
		new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(published, current), reporter);
		TypeDefinitionRegistry before = new SchemaParser().parse(published);
		List<String> refused = new ArrayList<>();
		for (DiffEvent breakage : reporter.getBreakages()) {
			boolean announced = breakage.getCategory() == DiffCategory.DEPRECATION_REMOVED
					|| (breakage.getCategory() == DiffCategory.MISSING && deprecated(before, breakage));
			if (announced) {
				continue;
			}
			refused.add(breakage.getTypeName() + (breakage.getFieldName() != null ? "." + breakage.getFieldName() : "")
					+ ": " + breakage.getReasonMsg());
		}
		return refused;
	}

	/** Whether the removed field or argument carried {@code @deprecated} in the published schema. */
	private static boolean deprecated(TypeDefinitionRegistry published, DiffEvent removal) {
		TypeDefinition<?> type = published.getType(removal.getTypeName()).orElse(null);
		if (type == null || removal.getFieldName() == null) {
			return false;
		}
		if (type instanceof ImplementingTypeDefinition<?> object) {
			for (FieldDefinition field : object.getFieldDefinitions()) {
				if (field.getName().equals(removal.getFieldName())) {
					return field.hasDirective("deprecated") || argumentRemovedWasDeprecated(field, removal);
				}
			}
		}
		if (type instanceof InputObjectTypeDefinition input) {
			for (InputValueDefinition field : input.getInputValueDefinitions()) {
				if (field.getName().equals(removal.getFieldName())) {
					return field.hasDirective("deprecated");
				}
			}
		}
		return false;
	}

	private static boolean argumentRemovedWasDeprecated(FieldDefinition field, DiffEvent removal) {
		return removal.getComponents()
			.stream()
			.anyMatch((name) -> field.getInputValueDefinitions()
				.stream()
				.anyMatch((argument) -> argument.getName().equals(name) && argument.hasDirective("deprecated")));
	}

}
