package cn.tongban.platform.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
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
 * clients before it went, or it keeps every client document valid (a mutation's own payload in place
 * of a shared one that became its interface); any other difference means the snapshot is stale.
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
		TypeDefinitionRegistry after = new SchemaParser().parse(current);
		List<String> refused = new ArrayList<>();
		for (DiffEvent breakage : reporter.getBreakages()) {
			boolean announced = breakage.getCategory() == DiffCategory.DEPRECATION_REMOVED
					|| (breakage.getCategory() == DiffCategory.MISSING && deprecated(before, breakage));
			if (announced || ownPayloadInPlaceOfShared(before, after, breakage)) {
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

	/**
	 * A field that returned a shared object type {@code T} now returns its own object type {@code U},
	 * and {@code T} became an interface that {@code U} implements, both keeping every field of the old
	 * {@code T} as it was (one payload per mutation, in GitHub's style). Every document that was valid
	 * stays valid, fragments on {@code T} included; only {@code __typename} answers the new name.
	 */
	private static boolean ownPayloadInPlaceOfShared(TypeDefinitionRegistry before, TypeDefinitionRegistry after,
			DiffEvent change) {
		if (change.getCategory() != DiffCategory.INVALID || change.getComponents().size() != 2) {
			return false;
		}
		String oldType = change.getComponents().get(0);
		String newType = change.getComponents().get(1);
		String shared = namedType(oldType);
		String own = namedType(newType);
		if (!oldType.replace(shared, own).equals(newType)) {
			return false;
		}
		if (!(before.getType(shared).orElse(null) instanceof ObjectTypeDefinition was)
				|| !(after.getType(shared).orElse(null) instanceof InterfaceTypeDefinition now)
				|| !(after.getType(own).orElse(null) instanceof ObjectTypeDefinition replacement)) {
			return false;
		}
		boolean implementsShared = replacement.getImplements()
			.stream()
			.anyMatch((type) -> type instanceof TypeName name && name.getName().equals(shared));
		return implementsShared && keepsFields(was, now) && keepsFields(was, replacement);
	}

	private static String namedType(String type) {
		return type.replaceAll("[\\[\\]!]", "");
	}

	private static boolean keepsFields(ImplementingTypeDefinition<?> was, ImplementingTypeDefinition<?> now) {
		return was.getFieldDefinitions().stream().allMatch((field) -> now.getFieldDefinitions()
			.stream()
			.anyMatch((kept) -> kept.getName().equals(field.getName()) && sameShape(field, kept)));
	}

	/** Same type and the same arguments (names, types, defaults); descriptions may differ. */
	private static boolean sameShape(FieldDefinition a, FieldDefinition b) {
		return AstPrinter.printAst(a.getType()).equals(AstPrinter.printAst(b.getType()))
				&& arguments(a).equals(arguments(b));
	}

	private static List<String> arguments(FieldDefinition field) {
		return field.getInputValueDefinitions()
			.stream()
			.map((argument) -> argument.getName() + ":" + AstPrinter.printAst(argument.getType()) + "="
					+ (argument.getDefaultValue() != null ? AstPrinter.printAst(argument.getDefaultValue()) : ""))
			.toList();
	}

	private static boolean argumentRemovedWasDeprecated(FieldDefinition field, DiffEvent removal) {
		return removal.getComponents()
			.stream()
			.anyMatch((name) -> field.getInputValueDefinitions()
				.stream()
				.anyMatch((argument) -> argument.getName().equals(name) && argument.hasDirective("deprecated")));
	}

}
