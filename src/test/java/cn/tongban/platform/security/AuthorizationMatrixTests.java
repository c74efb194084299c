package cn.tongban.platform.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, written down independently of the code: every root operation of the schema
 * must have an entry here (a new operation without one fails {@link #everyOperationHasAnEntry}),
 * and every caller kind is tried against every operation. An allowed call may still fail for
 * other reasons (the samples use unknown codes so that nothing changes), but never with
 * UNAUTHORIZED or FORBIDDEN; a refused one gets UNAUTHORIZED when anonymous, FORBIDDEN otherwise.
 */
@GraphQlIntegrationTest
class AuthorizationMatrixTests {

	enum Caller {

		ANONYMOUS, RESIDENT, ENTERPRISE, STAFF, INTEGRATOR, TERMINAL, ADMIN,
		/** 张伟 acting for 王芳 (亲情代办) with all four scopes of the delegation. */
		DELEGATE,
		/** The same delegation, the token exchanged for {@code delegate.certificates} only. */
		DELEGATE_CERTIFICATES_ONLY

	}

	private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	private static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

	private static final Set<Caller> HOLDERS = EnumSet.of(Caller.RESIDENT, Caller.ENTERPRISE);

	private static final Set<Caller> INTEGRATORS = EnumSet.of(Caller.INTEGRATOR);

	/** Holders and whoever acts for a resident with the scope the operation names. */
	private static final Set<Caller> HOLDERS_AND_DELEGATE = EnumSet.of(Caller.RESIDENT, Caller.ENTERPRISE, Caller.DELEGATE);

	private static final Set<Caller> CARD_PACK = EnumSet.of(Caller.RESIDENT, Caller.ENTERPRISE, Caller.DELEGATE,
			Caller.DELEGATE_CERTIFICATES_ONLY);

	private static final Set<Caller> RESIDENT_ONLY = EnumSet.of(Caller.RESIDENT);

	private static final String CREATE_INPUT = """
			{basicCode: "GG0040999000", region: "370285", name: "矩阵测试事项", type: PUBLIC_SERVICE, department: "NOPE",
			 targets: [NATURAL_PERSON], legalTimeLimitDays: 30, promisedTimeLimitDays: 10, channels: [MOBILE],
			 visitsRequired: 0}""";

	/** Operation → a sample document and who may call it. */
	static final Map<String, Access> MATRIX = new LinkedHashMap<>();

	static {
		// node and nodes are open to anyone; the object answers for itself: an application here
		MATRIX.put("Query.node", new Access("{ node(id: \"app_unknown\") { id } }",
				EnumSet.of(Caller.RESIDENT, Caller.ENTERPRISE, Caller.STAFF, Caller.ADMIN, Caller.INTEGRATOR, Caller.DELEGATE)));
		MATRIX.put("Query.nodes", new Access("{ nodes(ids: [\"crt_unknown\"]) { id } }", CARD_PACK));
		MATRIX.put("Query.serviceItems", new Access("{ serviceItems(first: 1) { totalCount } }", EVERYONE));
		MATRIX.put("Query.serviceItem", new Access("{ serviceItem(code: \"370200QR0020005000\") { code } }", EVERYONE));
		MATRIX.put("Query.searchSuggestions", new Access("{ searchSuggestions(prefix: \"社保\") { text } }", EVERYONE));
		MATRIX.put("Query.hotServiceItems", new Access("{ hotServiceItems(first: 1) { code } }", EVERYONE));
		MATRIX.put("Query.departments", new Access("{ departments { code } }", EVERYONE));
		MATRIX.put("Query.regions", new Access("{ regions { code } }", EVERYONE));
		MATRIX.put("Query.lifeEvents", new Access("{ lifeEvents { code } }", EVERYONE));
		MATRIX.put("Query.certificateTypes", new Access("{ certificateTypes { code } }", EVERYONE));
		MATRIX.put("Query.catalogStatistics", new Access("{ catalogStatistics { activeItemCount } }", EVERYONE));
		MATRIX.put("Query.me", new Access("{ me { id roles } }", SIGNED_IN));
		MATRIX.put("Query.auditEvents", new Access("{ auditEvents(first: 1) { totalCount } }", ADMIN_ONLY));
		MATRIX.put("Query.myCertificates", new Access("{ myCertificates { id } }", CARD_PACK));
		MATRIX.put("Query.certificate", new Access("{ certificate(id: \"crt_unknown\") { id } }", CARD_PACK));
		MATRIX.put("Query.myCertificateUsage", new Access("{ myCertificateUsage { totalCount } }", CARD_PACK));
		MATRIX.put("Query.verifyMyCertificateUsage", new Access("{ verifyMyCertificateUsage { intact } }", CARD_PACK));
		MATRIX.put("Query.myConsents", new Access("{ myConsents { id } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Query.certificatePurposes", new Access("{ certificatePurposes { code } }", SIGNED_IN));
		MATRIX.put("Query.sealKeys", new Access("{ sealKeys { keyId } }", EVERYONE));
		MATRIX.put("Query.checkSeal",
				new Access("{ checkSeal(payload: \"{}\", keyId: \"k\", signature: \"s\") { outcome } }", EVERYONE));
		MATRIX.put("Mutation.grantConsent", new Access(
				"mutation { grantConsent(input: {purpose: \"NO-SUCH-PURPOSE\", days: 1}) { consent { id } } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.revokeConsent",
				new Access("mutation { revokeConsent(input: {id: \"cns_unknown\"}) { consent { id } } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.registerCertificatePurpose", new Access(
				"mutation { registerCertificatePurpose(input: {code: \"MATRIX-TEST\", name: \"矩阵测试\", certificateTypes: [\"XX-999\"], fields: [\"holderName\"]}) { purpose { code } } }",
				INTEGRATORS));
		MATRIX.put("Mutation.verifyCertificate", new Access(
				"mutation { verifyCertificate(input: {holderIdNumber: \"370202199003151233\", certificateType: \"GA-001\", purpose: \"NO-SUCH-PURPOSE\"}) { valid } }",
				INTEGRATORS));
		MATRIX.put("Mutation.revokeCertificate", new Access(
				"mutation { revokeCertificate(input: {id: \"crt_unknown\", reason: \"矩阵测试\"}) { status } }", ADMIN_ONLY));
		MATRIX.put("Query.myScans", new Access("{ myScans { totalCount } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Query.codeScenarios", new Access("{ codeScenarios { code } }", EVERYONE));
		MATRIX.put("Query.codeIssuers", new Access("{ codeIssuers { issuerId } }", EVERYONE));
		MATRIX.put("Mutation.issueResidentCode",
				new Access("mutation { issueResidentCode { expiresAt } }", EnumSet.of(Caller.RESIDENT, Caller.DELEGATE)));
		MATRIX.put("Mutation.issueEnterpriseCode",
				new Access("mutation { issueEnterpriseCode { expiresAt } }", EnumSet.of(Caller.ENTERPRISE)));
		MATRIX.put("Mutation.revokeMyCodes", new Access("mutation { revokeMyCodes { revokedCount } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.scanCode", new Access(
				"mutation { scanCode(input: {code: \"TB1.garbage\"}) { issuerId } }", EnumSet.of(Caller.TERMINAL)));
		MATRIX.put("Mutation.scanCodes", new Access(
				"mutation { scanCodes(input: {scans: [{code: \"TB1.garbage\"}]}) { refused } }", EnumSet.of(Caller.TERMINAL)));
		Set<Caller> staffOnly = EnumSet.of(Caller.STAFF);
		MATRIX.put("Query.bundles", new Access("{ bundles { code } }", EVERYONE));
		MATRIX.put("Query.bundle", new Access("{ bundle(code: \"NEWBORN\") { code } }", EVERYONE));
		MATRIX.put("Query.myApplications", new Access("{ myApplications { totalCount } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Query.application", new Access("{ application(id: \"app_unknown\") { id } }",
				EnumSet.of(Caller.RESIDENT, Caller.ENTERPRISE, Caller.STAFF, Caller.ADMIN, Caller.INTEGRATOR, Caller.DELEGATE)));
		MATRIX.put("Query.taskQueue", new Access("{ taskQueue { totalCount } }", staffOnly));
		MATRIX.put("Query.departmentReviewSummaries",
				new Access("{ departmentReviewSummaries { reviewCount } }", EnumSet.of(Caller.STAFF, Caller.ADMIN)));
		MATRIX.put("Mutation.submitApplication", new Access(
				"mutation { submitApplication(input: {bundle: \"NO-SUCH-BUNDLE\", formValues: [], idempotencyKey: \"matrix-0001\"}) { application { id } } }",
				HOLDERS_AND_DELEGATE));
		for (String action : List.of("acceptTask", "requestSupplement", "approveTask", "rejectTask")) {
			MATRIX.put("Mutation." + action, new Access("mutation { " + action
					+ "(input: {applicationId: \"app_unknown\", taskId: \"t1\", reason: \"矩阵\"}) { application { id } } }",
					staffOnly));
		}
		MATRIX.put("Mutation.revokeAutomaticApproval", new Access(
				"mutation { revokeAutomaticApproval(input: {applicationId: \"app_unknown\", taskId: \"t1\", reason: \"矩阵\"}) { application { id } } }",
				EnumSet.of(Caller.STAFF, Caller.ADMIN)));
		MATRIX.put("Mutation.requestProgressCode", new Access(
				"mutation { requestProgressCode(input: {applicationId: \"app_unknown\"}) { maskedMobile } }", EVERYONE));
		MATRIX.put("Query.applicationProgress", new Access(
				"{ applicationProgress(applicationId: \"app_unknown\", code: \"000000\") { status } }", EVERYONE));
		MATRIX.put("Query.myPreferences", new Access("{ myPreferences { elderMode } }", HOLDERS));
		MATRIX.put("Mutation.updateMyPreferences", new Access(
				"mutation { updateMyPreferences(input: {elderMode: false}) { preferences { elderMode } } }", HOLDERS));
		MATRIX.put("Query.serviceHalls", new Access("{ serviceHalls(first: 1) { totalCount } }", EVERYONE));
		MATRIX.put("Query.serviceHall", new Access("{ serviceHall(code: \"370213-C\") { code } }", EVERYONE));
		MATRIX.put("Query.appointmentSlots", new Access(
				"{ appointmentSlots(hall: \"370213-C\", windowGroup: \"A\", days: 1) { startsAt } }", EVERYONE));
		MATRIX.put("Query.myAppointments", new Access("{ myAppointments { id } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.bookAppointment", new Access(
				"mutation { bookAppointment(input: {hall: \"NOPE\", windowGroup: \"A\", startsAt: \"2026-01-01T09:00:00+08:00\", idempotencyKey: \"m\"}) { appointment { id } } }",
				HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.rescheduleAppointment", new Access(
				"mutation { rescheduleAppointment(input: {appointmentId: \"apt_unknown\", startsAt: \"2026-01-01T09:00:00+08:00\"}) { appointment { id } } }",
				HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.cancelAppointment", new Access(
				"mutation { cancelAppointment(input: {appointmentId: \"apt_unknown\"}) { appointment { id } } }", HOLDERS_AND_DELEGATE));
		MATRIX.put("Query.queueTicket", new Access("{ queueTicket(id: \"tkt_unknown\") { number } }", EVERYONE));
		MATRIX.put("Query.hallQueue", new Access("{ hallQueue(hall: \"370213-C\") { waiting } }", EVERYONE));
		MATRIX.put("Mutation.checkInAppointment", new Access(
				"mutation { checkInAppointment(input: {appointmentNumber: \"00000000\"}) { ticket { number } } }",
				EnumSet.of(Caller.TERMINAL)));
		MATRIX.put("Mutation.takeQueueTicket", new Access(
				"mutation { takeQueueTicket(input: {windowGroup: \"Z\"}) { ticket { number } } }", EnumSet.of(Caller.TERMINAL)));
		MATRIX.put("Mutation.callNextTicket", new Access(
				"mutation { callNextTicket(input: {hall: \"NOPE\", windowGroup: \"A\", window: \"01\"}) { ticket { number } } }",
				ADMIN_ONLY));
		for (String ticket : List.of("recallTicket", "markTicketNoShow")) {
			MATRIX.put("Mutation." + ticket, new Access("mutation { " + ticket
					+ "(input: {hall: \"NOPE\", windowGroup: \"A\", number: \"A999\"}) { ticket { number } } }", ADMIN_ONLY));
		}
		MATRIX.put("Query.myMessages", new Access("{ myMessages(first: 1) { unreadCount } }", EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Query.myMessagePreferences", new Access("{ myMessagePreferences { smsKinds } }", EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Mutation.markMessagesRead", new Access(
				"mutation { markMessagesRead(input: {ids: [\"msg_unknown\"]}) { markedRead } }", EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Mutation.updateMyMessagePreferences", new Access(
				"mutation { updateMyMessagePreferences(input: {smsKinds: [APPLICATION, APPOINTMENT]}) { preferences { smsKinds } } }",
				EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Query.myFavouriteItems", new Access("{ myFavouriteItems { code } }", HOLDERS));
		MATRIX.put("Query.myRecentItems", new Access("{ myRecentItems { code } }", HOLDERS));
		for (String shelf : List.of("addFavouriteItem", "removeFavouriteItem")) {
			MATRIX.put("Mutation." + shelf, new Access("mutation { " + shelf
					+ "(input: {code: \"NO-SUCH-ITEM\"}) { favourites { code } } }", HOLDERS));
		}
		MATRIX.put("Mutation.reorderFavouriteItems", new Access(
				"mutation { reorderFavouriteItems(input: {codes: [\"NO-SUCH-ITEM\"]}) { favourites { code } } }", HOLDERS));
		MATRIX.put("Query.myProactiveMatching", new Access("{ myProactiveMatching { enabled } }", EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Query.myBenefitOffers", new Access("{ myBenefitOffers { id } }", EnumSet.of(Caller.RESIDENT, Caller.DELEGATE)));
		MATRIX.put("Mutation.setProactiveMatching", new Access(
				"mutation { setProactiveMatching(input: {enabled: false}) { matching { enabled } } }", EnumSet.of(Caller.RESIDENT)));
		MATRIX.put("Mutation.acceptBenefitOffer", new Access(
				"mutation { acceptBenefitOffer(input: {offerId: \"ofr_unknown\"}) { application { id } } }", EnumSet.of(Caller.RESIDENT, Caller.DELEGATE)));
		MATRIX.put("Mutation.supplementApplication", new Access(
				"mutation { supplementApplication(input: {applicationId: \"app_unknown\"}) { application { id } } }",
				HOLDERS_AND_DELEGATE));
		MATRIX.put("Mutation.reviewApplication", new Access(
				"mutation { reviewApplication(input: {applicationId: \"app_unknown\", stars: 5}) { application { id } } }",
				HOLDERS_AND_DELEGATE));
		// over WebSocket only: ApplicationSubscriptionTests checks RESIDENT allowed, anonymous and STAFF refused
		MATRIX.put("Subscription.applicationUpdates", new Access(null, HOLDERS_AND_DELEGATE));
		MATRIX.put("Subscription.queueTicketUpdates", new Access(null, EVERYONE));
		// MessageSubscriptionTests: RESIDENT allowed, anonymous and STAFF refused
		MATRIX.put("Subscription.messageAdded", new Access(null, RESIDENT_ONLY));
		MATRIX.put("Query.myDelegations", new Access("{ myDelegations(as: REPRESENTED) { id } }", RESIDENT_ONLY));
		MATRIX.put("Mutation.requestDelegation", new Access(
				"mutation { requestDelegation(input: {idNumber: \"370283196612018934\", name: \"不是他\", scopes: [CERTIFICATES], days: 1}) { codeSentTo } }",
				RESIDENT_ONLY));
		MATRIX.put("Mutation.confirmDelegation", new Access(
				"mutation { confirmDelegation(input: {delegationId: \"dlg_unknown\", code: \"000000\"}) { delegation { id } } }",
				RESIDENT_ONLY));
		MATRIX.put("Mutation.revokeDelegation", new Access(
				"mutation { revokeDelegation(input: {delegationId: \"dlg_unknown\"}) { delegation { id } } }", RESIDENT_ONLY));
		MATRIX.put("Query.consentsForMyPurposes", new Access("{ consentsForMyPurposes(first: 1) { totalCount } }", INTEGRATORS));
		MATRIX.put("Query.myClientCredentials", new Access("{ myClientCredentials { clientId } }", INTEGRATORS));
		// an admin names the client (an unknown one is INVALID_ARGUMENT); the integrator rotates its own,
		// and its previous secret keeps working for the 7-day overlap
		MATRIX.put("Mutation.rotateClientSecret", new Access(
				"mutation { rotateClientSecret(input: {clientId: \"no-such-client\"}) { secret } }",
				EnumSet.of(Caller.INTEGRATOR, Caller.ADMIN)));
		MATRIX.put("Mutation.setClientAddressAllowList", new Access(
				"mutation { setClientAddressAllowList(input: {clientId: \"no-such-client\", ranges: [\"not a range\"]}) { client { clientId } } }",
				EnumSet.of(Caller.INTEGRATOR, Caller.ADMIN)));
		MATRIX.put("Mutation.setClientEnterprise", new Access(
				"mutation { setClientEnterprise(input: {clientId: \"no-such-client\"}) { client { clientId } } }", ADMIN_ONLY));
		MATRIX.put("Query.myWebhookEndpoints", new Access("{ myWebhookEndpoints { id } }", INTEGRATORS));
		MATRIX.put("Query.webhookDeliveries", new Access(
				"{ webhookDeliveries(endpointId: \"whe_unknown\") { totalCount } }", INTEGRATORS));
		MATRIX.put("Mutation.registerWebhookEndpoint", new Access(
				"mutation { registerWebhookEndpoint(input: {url: \"ftp://nowhere\", kinds: [CONSENT_GRANTED]}) { secret } }",
				INTEGRATORS));
		for (String endpoint : List.of("rotateWebhookSecret", "resumeWebhookEndpoint", "deleteWebhookEndpoint")) {
			MATRIX.put("Mutation." + endpoint, new Access("mutation { " + endpoint
					+ "(input: {endpointId: \"whe_unknown\"}) { endpoint { id } } }", INTEGRATORS));
		}
		MATRIX.put("Mutation.redeliverWebhookEvent", new Access(
				"mutation { redeliverWebhookEvent(input: {endpointId: \"whe_unknown\", eventId: \"msg_unknown\"}) { delivery { id } } }",
				INTEGRATORS));
		MATRIX.put("Mutation.requestLoginCode",
				new Access("mutation { requestLoginCode(input: {mobile: \"13900000000\"}) { maskedMobile } }", EVERYONE));
		MATRIX.put("Mutation.createServiceItem",
				new Access("mutation { createServiceItem(input: " + CREATE_INPUT + ") { serviceItem { code } } }",
						ADMIN_ONLY));
		MATRIX.put("Mutation.updateServiceItem", new Access(
				"mutation { updateServiceItem(input: {code: \"370200XX9999999000\", name: \"不存在的事项\"}) { serviceItem { code } } }",
				ADMIN_ONLY));
		MATRIX.put("Mutation.retireServiceItem", new Access(
				"mutation { retireServiceItem(input: {code: \"370200XX9999999000\", reason: \"矩阵测试\"}) { serviceItem { code } } }",
				ADMIN_ONLY));
	}

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	Tokens tokens;

	@Test
	void everyOperationHasAnEntry() {
		GraphQLSchema schema = this.graphQlSource.schema();
		Set<String> operations = new TreeSet<>();
		schema.getQueryType().getFieldDefinitions().forEach((field) -> operations.add("Query." + field.getName()));
		if (schema.getMutationType() != null) {
			schema.getMutationType()
				.getFieldDefinitions()
				.forEach((field) -> operations.add("Mutation." + field.getName()));
		}
		if (schema.getSubscriptionType() != null) {
			for (GraphQLFieldDefinition field : schema.getSubscriptionType().getFieldDefinitions()) {
				operations.add("Subscription." + field.getName());
			}
		}
		assertThat(new TreeSet<>(MATRIX.keySet())).as("operations in the schema vs entries in the matrix")
			.isEqualTo(operations);
	}

	static Stream<Arguments> matrix() {
		return MATRIX.entrySet()
			.stream()
			.flatMap((entry) -> Stream.of(Caller.values()).map((caller) -> Arguments.of(entry.getKey(), caller)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("matrix")
	void callersGetWhatTheMatrixSays(String operation, Caller caller) {
		Access access = MATRIX.get(operation);
		Assumptions.assumeTrue(access.document() != null, "subscriptions are checked over WebSocket");
		GraphQlTester.Response response = tester(caller).document(access.document()).execute();
		response.errors().satisfy((errors) -> {
			List<Object> codes = errors.stream().map((error) -> error.getExtensions().get("code")).toList();
			if (access.callers().contains(caller)) {
				assertThat(codes).as("allowed").doesNotContain("UNAUTHORIZED", "FORBIDDEN");
			}
			else {
				String expected = (caller == Caller.ANONYMOUS) ? "UNAUTHORIZED" : "FORBIDDEN";
				assertThat(codes).as("refused").containsExactly(expected);
				// the refused field itself, or for nodes(ids) the refused element
				assertThat(errors).extracting(ResponseError::getPath).singleElement()
					.satisfies((path) -> assertThat(path).matches(Pattern.quote(operation.split("\\.")[1]) + "(\\[0])?"));
			}
		});
	}

	private HttpGraphQlTester tester(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> this.anonymous;
			case RESIDENT -> this.tokens.as(this.tokens.resident());
			case ENTERPRISE -> this.tokens.as(this.tokens.enterpriseAgent());
			case STAFF -> this.tokens.as(this.tokens.staff("GA"));
			case INTEGRATOR -> this.tokens.as(this.tokens.integrator());
			case TERMINAL -> this.tokens.as(this.tokens.terminal());
			case ADMIN -> this.tokens.as(this.tokens.admin());
			case DELEGATE -> this.tokens.as(this.tokens.delegate(null));
			case DELEGATE_CERTIFICATES_ONLY -> this.tokens.as(this.tokens.delegate("delegate.certificates"));
		};
	}

	record Access(String document, Set<Caller> callers) {
	}

}
