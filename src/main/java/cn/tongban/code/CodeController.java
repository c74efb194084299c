package cn.tongban.code;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import cn.tongban.platform.security.Delegated;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.Viewer;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class CodeController {

	private final CodeIssuance issuance;

	private final CodeScanner scanner;

	private final ScanRecords scanRecords;

	private final TrustList trust;

	private final IdentityService identity;

	CodeController(CodeIssuance issuance, CodeScanner scanner, ScanRecords scanRecords, TrustList trust,
			IdentityService identity) {
		this.issuance = issuance;
		this.scanner = scanner;
		this.scanRecords = scanRecords;
		this.trust = trust;
		this.identity = identity;
	}

	@MutationMapping
	@PreAuthorize("hasRole('RESIDENT') or " + Delegated.RESIDENT_CODE)
	CodePayload issueResidentCode(Authentication caller) {
		return CodePayload.of(this.issuance.issue(HolderKind.PERSON, Subject.from(caller).id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ENTERPRISE')")
	CodePayload issueEnterpriseCode(Authentication caller) {
		return CodePayload.of(this.issuance.issue(HolderKind.ENTERPRISE, Subject.from(caller).enterpriseId()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.RESIDENT_CODE)
	RevokePayload revokeMyCodes(Authentication caller) {
		return new RevokePayload(this.issuance.revokeAll(Subject.from(caller).holderId()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('TERMINAL') and hasAuthority('SCOPE_code.scan')")
	ScanResult scanCode(@Argument @Valid ScanInput input, Authentication caller) {
		Subject terminal = Subject.from(caller);
		String name = this.identity.clientName(terminal.clientId());
		return this.scanner.scan(terminal, name, input.code(), input.serviceItemCode());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TERMINAL') and hasAuthority('SCOPE_code.scan')")
	ScanBatchPayload scanCodes(@Argument @Valid ScanBatchInput input, Authentication caller, Locale locale) {
		Subject terminal = Subject.from(caller);
		String name = this.identity.clientName(terminal.clientId());
		List<CodeScanner.Outcome> outcomes = this.scanner.scanAll(terminal, name,
				input.scans().stream().map(ScanInput::code).toList(),
				input.scans().stream().map(ScanInput::serviceItemCode).toList());
		boolean english = "en".equals(locale.getLanguage());
		List<ScanOutcome> results = outcomes.stream()
			.map((outcome) -> (outcome.refusal() == null) ? new ScanOutcome(outcome.index(), outcome.result(), null, null)
					: new ScanOutcome(outcome.index(), null, outcome.refusal().code().name(),
							outcome.refusal().message(english)))
			.toList();
		int accepted = (int) results.stream().filter((r) -> r.result() != null).count();
		return new ScanBatchPayload(results, accepted, results.size() - accepted);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.RESIDENT_CODE)
	Connection<ScanRecord> myScans(@Argument Integer first, @Argument String after, Authentication caller) {
		return this.scanRecords.of(Subject.from(caller).holderId(), first, after);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Scenario> codeScenarios() {
		return this.trust.scenarios();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<IssuerView> codeIssuers() {
		return this.trust.issuers().stream().map(this::view).toList();
	}

	@SchemaMapping(typeName = "CodeScan", field = "issuer")
	IssuerView scanIssuer(ScanRecord scan) {
		return issuerView(scan.issuerId());
	}

	@SchemaMapping(typeName = "ScanResult", field = "issuer")
	IssuerView resultIssuer(ScanResult result) {
		return issuerView(result.issuerId());
	}

	/** The trust list's issuer with this id, or null (a scan of an unknown issuer's code). */
	private IssuerView issuerView(String issuerId) {
		CodeIssuer issuer = (issuerId != null) ? this.trust.issuer(issuerId) : null;
		return (issuer != null) ? view(issuer) : null;
	}

	private IssuerView view(CodeIssuer issuer) {
		return new IssuerView(issuer.issuerId(), issuer.name(), issuer.local(), this.trust.keys()
			.stream()
			.filter((key) -> key.issuerId().equals(issuer.issuerId()))
			.map((key) -> new KeyView(key.keyId(), Base64.getEncoder().encodeToString(key.publicKey().getEncoded())))
			.toList());
	}

	@SchemaMapping(typeName = "Viewer")
	Scenario scenario(Viewer viewer) {
		return this.trust.scenario(viewer.scenarioCode());
	}

	@SchemaMapping(typeName = "CodeScan")
	Scenario scenario(ScanRecord scan) {
		return this.trust.scenario(scan.scenarioCode());
	}

	@SchemaMapping(typeName = "ScanResult")
	Scenario scenario(ScanResult result) {
		return this.trust.scenario(result.scenarioCode());
	}

	record ScanInput(@NotBlank @Size(max = 200) String code, @Size(max = 30) String serviceItemCode) {
	}

	record ScanBatchInput(@NotEmpty @Size(max = 100) List<@Valid ScanInput> scans) {
	}

	record ScanOutcome(int index, ScanResult result, String errorCode, String message) {

		/** The refusal code, served as the schema's ErrorCode enum. */
		public String code() {
			return this.errorCode;
		}

	}

	record ScanBatchPayload(List<ScanOutcome> results, int accepted, int refused) {
	}

	record CodePayload(String code, Instant expiresAt, String issuer, String keyId, int byteSize, String qrImage) {

		static CodePayload of(CodeIssuance.Issued issued) {
			return new CodePayload(issued.text(), issued.code().expiresAt(), issued.issuerId(), issued.code().keyId(),
					CodeFormat.PAYLOAD_BYTES + CodeFormat.SIGNATURE_BYTES, QrImage.pngDataUrl(issued.text()));
		}

	}

	record RevokePayload(long revokedCount) {
	}


	record IssuerView(String issuerId, String name, boolean local, List<KeyView> keys) {
	}

	record KeyView(String keyId, String publicKey) {
	}

}
