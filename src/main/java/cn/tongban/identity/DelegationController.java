package cn.tongban.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.security.Subject;
import cn.tongban.platform.validation.IdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;

/**
 * 亲情代办 over GraphQL: asking to act for a relative, confirming with their code, revoking, and
 * both sides' lists with what was done. Only a resident acting for themself manages delegations: a
 * delegated token cannot create or end any.
 */
@Controller
@Validated
class DelegationController {

	static final String RESIDENTS = "hasRole('RESIDENT')";

	private final Delegations delegations;

	private final PersonRepository people;

	private final IdentityService identity;

	private final Clock clock;

	DelegationController(Delegations delegations, PersonRepository people, IdentityService identity, Clock clock) {
		this.delegations = delegations;
		this.people = people;
		this.identity = identity;
		this.clock = clock;
	}

	enum Side {

		ACTOR, REPRESENTED

	}

	@QueryMapping
	@PreAuthorize(RESIDENTS)
	List<Delegation> myDelegations(@Argument Side as, Authentication caller) {
		String personId = Subject.from(caller).id();
		return (as == Side.ACTOR) ? this.delegations.asActor(personId) : this.delegations.asRepresented(personId);
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	RequestPayload requestDelegation(@Argument @Valid RequestInput input, Authentication caller,
			@ContextValue(ClientAddress.KEY) String address) {
		Delegations.Requested requested = this.delegations.request(Subject.from(caller), input.idNumber(), input.name(),
				input.scopes(), input.days(), address);
		return new RequestPayload(requested.delegation(), requested.sent().maskedMobile(),
				requested.sent().validity().toSeconds());
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	Payload confirmDelegation(@Argument @Valid ConfirmInput input, Authentication caller) {
		return new Payload(this.delegations.confirm(Subject.from(caller), input.delegationId(), input.code()));
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	Payload revokeDelegation(@Argument @Valid RevokeInput input, Authentication caller) {
		return new Payload(this.delegations.revoke(Subject.from(caller), input.delegationId()));
	}

	@SchemaMapping(typeName = "Delegation")
	String status(Delegation delegation) {
		if (delegation.state() == Delegation.State.ACTIVE && !delegation.standsAt(this.clock.instant())) {
			return "EXPIRED";
		}
		return delegation.state().name();
	}

	@SchemaMapping(typeName = "Delegation")
	Integer days(Delegation delegation) {
		return (delegation.kind() == Delegation.Kind.AUTHORISED) ? delegation.days() : null;
	}

	@SchemaMapping(typeName = "Delegation")
	List<DelegationScope> scopes(Delegation delegation) {
		return delegation.scopes().stream().sorted().toList();
	}

	@SchemaMapping(typeName = "Delegation")
	List<Delegation.Act> acts(Delegation delegation, @Argument @Min(1) @Max(Delegation.MAX_ACTS) int first) {
		return delegation.acts()
			.stream()
			.sorted(Comparator.comparing(Delegation.Act::at).reversed())
			.limit(first)
			.toList();
	}

	@BatchMapping(typeName = "Delegation")
	Map<Delegation, String> representedName(List<Delegation> delegations) {
		return names(delegations, Delegation::representedId);
	}

	@BatchMapping(typeName = "Delegation")
	Map<Delegation, String> actorName(List<Delegation> delegations) {
		return names(delegations, Delegation::actorId);
	}

	@SchemaMapping(typeName = "DelegatedAct")
	String clientName(Delegation.Act act) {
		return (act.clientId() != null) ? this.identity.clientName(act.clientId()) : null;
	}

	@SchemaMapping(typeName = "DelegatedAct")
	Instant at(Delegation.Act act) {
		return act.at();
	}

	private Map<Delegation, String> names(List<Delegation> delegations,
			Function<Delegation, String> who) {
		Map<String, String> names = new HashMap<>();
		this.people.findAllById(delegations.stream().map(who).distinct().toList())
			.forEach((person) -> names.put(person.id(), person.name()));
		Map<Delegation, String> byDelegation = new LinkedHashMap<>();
		delegations.forEach((delegation) -> byDelegation.put(delegation, names.getOrDefault(who.apply(delegation), "")));
		return byDelegation;
	}

	record RequestInput(@NotBlank @IdNumber String idNumber, @NotBlank @Size(max = 30) String name,
			@NotEmpty @Size(max = 4) Set<@NotNull DelegationScope> scopes, @Min(1) @Max(Delegations.MAX_DAYS) int days) {
	}

	record ConfirmInput(@NotBlank @Size(max = 40) String delegationId,
			@NotBlank @Pattern(regexp = "\\d{6}") String code) {
	}

	record RevokeInput(@NotBlank @Size(max = 40) String delegationId) {
	}

	record RequestPayload(Delegation delegation, String codeSentTo, long codeValidSeconds) {
	}

	record Payload(Delegation delegation) {
	}

}
