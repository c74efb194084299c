package cn.tongban.platform.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract ({@code docs/api/schema.graphql}) against {@code schema/}: the build fails on
 * a breaking change that was not announced by a deprecation in the published snapshot, and on a
 * snapshot that no longer matches. After a deliberate change, write the snapshot again with
 * {@code mvn test -Dtest=PublishedSchemaTests -Dtongban.schema.publish=true} and commit it.
 */
class PublishedSchemaTests {

	static final Path PUBLISHED = Path.of("docs/api/schema.graphql");

	private static final String BASE = """
			type Query {
			  "A resident's applications."
			  applications: [Application!]!
			  legacyApplications: [Application!]! @deprecated(reason: "Use applications.")
			}
			type Application {
			  id: ID!
			  status: String
			  number: String @deprecated(reason: "Use id.")
			}
			""";

	@Test
	void theSchemaKeepsThePublishedContract() throws IOException {
		String current = SchemaGuard.print(SchemaGuard.sdlOf(Path.of("schema")));
		if (Boolean.getBoolean("tongban.schema.publish")) {
			if (Files.exists(PUBLISHED)) {
				assertThat(SchemaGuard.unannouncedBreaks(Files.readString(PUBLISHED), current))
					.as("breaking changes need a deprecation in the published schema first").isEmpty();
			}
			Files.writeString(PUBLISHED, current);
		}
		String published = Files.readString(PUBLISHED);
		assertThat(SchemaGuard.unannouncedBreaks(published, current))
			.as("breaking changes against %s; deprecate first, remove in a later release", PUBLISHED)
			.isEmpty();
		assertThat(current).as("%s is stale: publish the schema again (see this class's comment)", PUBLISHED)
			.isEqualTo(published);
	}

	@Test
	void removingAFieldClientsStillUseIsRefused() {
		String current = BASE.replace("  status: String\n", "");
		assertThat(SchemaGuard.unannouncedBreaks(BASE, current)).singleElement()
			.satisfies((refusal) -> assertThat(refusal).startsWith("Application.status"));
	}

	@Test
	void narrowingATypeIsRefused() {
		assertThat(SchemaGuard.unannouncedBreaks(BASE, BASE.replace("id: ID!", "id: Int!"))).isNotEmpty();
		assertThat(SchemaGuard.unannouncedBreaks(BASE, BASE.replace("type Application {", "type Submission {")
			.replace("[Application!]!", "[Submission!]!"))).isNotEmpty();
	}

	@Test
	void removingWhatWasDeprecatedOrAddingIsAllowed() {
		assertThat(SchemaGuard.unannouncedBreaks(BASE, BASE.replace("  number: String @deprecated(reason: \"Use id.\")\n", "")
			.replace("  legacyApplications: [Application!]! @deprecated(reason: \"Use applications.\")\n", ""))).isEmpty();
		assertThat(SchemaGuard.unannouncedBreaks(BASE, BASE.replace("  id: ID!\n", "  id: ID!\n  title: String\n")))
			.isEmpty();
	}

	private static final String SHARED_PAYLOAD = """
			type Query { q: String }
			type Mutation { accept: Payload!, reject: Payload! }
			type Payload { application: Application!, events(first: Int = 10): [String!]! }
			type Application { id: ID! }
			""";

	private static final String OWN_PAYLOADS = """
			type Query { q: String }
			type Mutation { accept: AcceptPayload!, reject: RejectPayload! }
			interface Payload { application: Application!, events(first: Int = 10): [String!]! }
			type AcceptPayload implements Payload { application: Application!, events(first: Int = 10): [String!]! }
			type RejectPayload implements Payload { application: Application!, events(first: Int = 10): [String!]! }
			type Application { id: ID! }
			""";

	@Test
	void aMutationsOwnPayloadInPlaceOfASharedOneThatBecameItsInterfaceIsAllowed() {
		assertThat(SchemaGuard.unannouncedBreaks(SHARED_PAYLOAD, OWN_PAYLOADS)).isEmpty();
	}

	@Test
	void anOwnPayloadThatLosesWhatTheSharedOneHadIsRefused() {
		assertThat(SchemaGuard.unannouncedBreaks(SHARED_PAYLOAD,
				OWN_PAYLOADS.replace("interface Payload { application: Application!, ", "interface Payload { ")))
			.as("a fragment on Payload selecting application would no longer validate").isNotEmpty();
		assertThat(SchemaGuard.unannouncedBreaks(SHARED_PAYLOAD,
				OWN_PAYLOADS.replace("type RejectPayload implements Payload { application: Application!, events(first: Int = 10)",
						"type RejectPayload implements Payload { application: Application!, events(first: Int = 10, after: String!)")))
			.as("a required argument added on the replacement").isNotEmpty();
		assertThat(SchemaGuard.unannouncedBreaks(SHARED_PAYLOAD, OWN_PAYLOADS.replace(
				"type RejectPayload implements Payload {", "type RejectPayload {")))
			.as("the replacement does not implement the shared type, so fragments on it stop validating").isNotEmpty();
	}

}
