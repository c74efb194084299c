package cn.tongban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.DelegationStatus;
import cn.tongban.platform.security.Subject;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * 亲情代办: who may act for whom. A relative asks with the represented person's ID number and name;
 * the code goes to the represented person's registered mobile (never to a number the asker typed),
 * and reading it back to the asker confirms the delegation. A guardian acts for a child under 18 by
 * the household data ({@code Person.guardianIds}), until the 18th birthday. Tokens for the
 * represented person come from token exchange ({@link TokenExchangeGrantProvider}); every request
 * with one asks {@link #stands} first, so a revocation ends them at once.
 */
@Service
public class Delegations implements DelegationStatus {

	static final int MAX_DAYS = 365;

	/** Relatives one adult may have acting for them at once. */
	static final int MAX_ACTORS = 5;

	/** People one person may act for at once by authorisation (wards not counted). */
	static final int MAX_REPRESENTED = 10;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final MongoTemplate mongo;

	private final PersonRepository people;

	private final PossessionCodes codes;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Delegations(MongoTemplate mongo, PersonRepository people, PossessionCodes codes, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.codes = codes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A pending delegation and where its code went. */
	record Requested(Delegation delegation, PossessionCodes.Sent sent) {
	}

	/**
	 * The actor asks to act for the adult with this ID number and name. A name that does not
	 * match is answered like an unknown ID number, so nobody learns whether a number is registered.
	 */
	Requested request(Subject actor, String idNumber, String name, Set<DelegationScope> scopes, int days,
			String address) {
		if (days < 1 || days > MAX_DAYS) {
			throw ApiException.onField("input.days", PlatformError.INVALID_ARGUMENT, "days must be 1–" + MAX_DAYS);
		}
		Person represented = this.people.findByIdNumber(idNumber.toUpperCase())
			.filter((person) -> person.name().equals(name.strip()))
			.orElseThrow(() -> ApiException.onField("input.idNumber", DelegationError.DELEGATION_PERSON_NOT_FOUND));
		if (represented.id().equals(actor.id())) {
			throw ApiException.onField("input.idNumber", DelegationError.DELEGATION_FOR_SELF);
		}
		if (isMinor(represented)) {
			throw ApiException.onField("input.idNumber", DelegationError.DELEGATION_FOR_MINOR);
		}
		Instant now = this.clock.instant();
		String id = Delegation.idFor(Delegation.Kind.AUTHORISED, represented.id(), actor.id());
		Delegation existing = this.mongo.findById(id, Delegation.class);
		if (existing != null && existing.standsAt(now)) {
			throw ApiException.onField("input.idNumber", DelegationError.DELEGATION_EXISTS, DATE.format(china(existing.expiresAt())));
		}
		if (standing(Criteria.where("representedId").is(represented.id()), now) >= MAX_ACTORS) {
			throw ApiException.onField("input.idNumber", DelegationError.DELEGATION_LIMIT, MAX_ACTORS);
		}
		if (standing(Criteria.where("actorId").is(actor.id()), now) >= MAX_REPRESENTED) {
			throw ApiException.onField("input.idNumber", DelegationError.DELEGATION_LIMIT, MAX_REPRESENTED);
		}
		Person asker = this.people.findById(actor.id()).orElseThrow();
		String scopeText = scopes.stream().sorted().map(DelegationScope::label).collect(Collectors.joining("、"));
		PossessionCodes.Sent sent = this.codes.send(represented.id(), codePurpose(id), address, "input.idNumber",
				SmsMessage.DELEGATION_CODE, Map.of("actor", asker.name(), "scopes", scopeText, "days", Integer.toString(days)),
				(code) -> "【通办】" + asker.name() + " 请求代您办理政务服务（" + scopeText + "，" + days + " 天）。同意请将验证码 "
						+ code + " 告诉对方，" + PossessionCodes.VALIDITY.toMinutes() + " 分钟内有效；不同意请忽略本短信。");
		// acts done under an earlier grant stay with the pair
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().set("kind", Delegation.Kind.AUTHORISED)
					.set("representedId", represented.id())
					.set("actorId", actor.id())
					.set("scopes", EnumSet.copyOf(scopes))
					.set("state", Delegation.State.PENDING)
					.set("days", days)
					.set("requestedAt", now)
					.unset("confirmedAt")
					.unset("expiresAt")
					.unset("endedAt")
					.unset("endedBy")
					.setOnInsert("acts", List.of()),
				Delegation.class);
		this.audit.record(AuditType.DELEGATION_REQUESTED, actor.id(), actor.clientId(), address, represented.id(),
				scopeText + " " + days + "d");
		return new Requested(this.mongo.findById(id, Delegation.class), sent);
	}

	/** The actor enters the code the represented person read to them: the delegation stands from now. */
	Delegation confirm(Subject actor, String delegationId, String code) {
		Delegation pending = this.mongo.findById(delegationId, Delegation.class);
		if (pending == null || !pending.actorId().equals(actor.id()) || pending.kind() != Delegation.Kind.AUTHORISED) {
			throw ApiException.onField("input.delegationId", DelegationError.DELEGATION_NOT_FOUND);
		}
		if (pending.state() != Delegation.State.PENDING) {
			throw ApiException.onField("input.delegationId", DelegationError.DELEGATION_NOT_PENDING);
		}
		if (!this.codes.check(codePurpose(delegationId), code)) {
			throw ApiException.onField("input.code", DelegationError.DELEGATION_CODE_INVALID);
		}
		Instant now = this.clock.instant();
		Delegation confirmed = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(delegationId).and("state").is(Delegation.State.PENDING)),
				new Update().set("state", Delegation.State.ACTIVE)
					.set("confirmedAt", now)
					.set("expiresAt", now.plus(Duration.ofDays(pending.days()))),
				FindAndModifyOptions.options().returnNew(true), Delegation.class);
		if (confirmed == null) {
			throw ApiException.onField("input.delegationId", DelegationError.DELEGATION_NOT_PENDING);
		}
		this.codes.spend(codePurpose(delegationId));
		this.audit.record(AuditType.DELEGATION_GRANTED, actor.id(), actor.clientId(), null, confirmed.representedId(),
				delegationId);
		publish(DelegationNotice.Kind.GRANTED, confirmed, now);
		return confirmed;
	}

	/** Either person ends an authorisation; ending an ended one changes nothing. Guardianship is by law. */
	Delegation revoke(Subject caller, String delegationId) {
		Delegation delegation = this.mongo.findById(delegationId, Delegation.class);
		if (delegation == null
				|| !(delegation.actorId().equals(caller.id()) || delegation.representedId().equals(caller.id()))) {
			throw ApiException.onField("input.delegationId", DelegationError.DELEGATION_NOT_FOUND);
		}
		if (delegation.kind() == Delegation.Kind.GUARDIAN) {
			throw ApiException.onField("input.delegationId", DelegationError.DELEGATION_NOT_REVOCABLE);
		}
		if (delegation.state() == Delegation.State.REVOKED) {
			return delegation;
		}
		Instant now = this.clock.instant();
		Delegation revoked = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(delegationId).and("state").ne(Delegation.State.REVOKED)),
				new Update().set("state", Delegation.State.REVOKED).set("endedAt", now).set("endedBy", caller.id()),
				FindAndModifyOptions.options().returnNew(true), Delegation.class);
		if (revoked == null) {
			return this.mongo.findById(delegationId, Delegation.class);
		}
		this.codes.spend(codePurpose(delegationId));
		this.audit.record(AuditType.DELEGATION_REVOKED, caller.id(), caller.clientId(), null, delegationId,
				caller.id().equals(revoked.representedId()) ? "by the represented person" : "by the actor");
		publish(DelegationNotice.Kind.REVOKED, revoked, now);
		return revoked;
	}

	/** Whom the person acts for: authorisations (newest first) and, as guardian, each minor child. */
	List<Delegation> asActor(String actorId) {
		Query mine = Query.query(Criteria.where("actorId").is(actorId));
		List<Delegation> delegations = this.mongo.find(mine, Delegation.class);
		Set<String> represented = delegations.stream().map(Delegation::representedId).collect(Collectors.toSet());
		// a guardianship the birth registration did not make (a crash, older data): made once, not on every listing
		List<Person> missing = this.people.findByGuardianIds(actorId)
			.stream()
			.filter((ward) -> isMinor(ward) && !represented.contains(ward.id()))
			.toList();
		missing.forEach((ward) -> ensureGuardianship(ward, actorId));
		return sorted(missing.isEmpty() ? delegations : this.mongo.find(mine, Delegation.class));
	}

	/** Who acts or may act for the person, with what they did. */
	List<Delegation> asRepresented(String personId) {
		return sorted(this.mongo.find(Query.query(Criteria.where("representedId").is(personId)), Delegation.class));
	}

	Delegation find(String delegationId) {
		return this.mongo.findById(delegationId, Delegation.class);
	}

	/** A delegation's guardian document, made when the child is registered at birth or first listed. */
	void ensureGuardianship(Person ward, String guardianId) {
		Instant now = this.clock.instant();
		this.mongo.upsert(
				Query.query(Criteria.where("_id").is(Delegation.idFor(Delegation.Kind.GUARDIAN, ward.id(), guardianId))),
				new Update().setOnInsert("kind", Delegation.Kind.GUARDIAN)
					.setOnInsert("representedId", ward.id())
					.setOnInsert("actorId", guardianId)
					.setOnInsert("scopes", EnumSet.allOf(DelegationScope.class))
					.setOnInsert("state", Delegation.State.ACTIVE)
					.setOnInsert("days", 0)
					.setOnInsert("requestedAt", now)
					.setOnInsert("confirmedAt", now)
					.setOnInsert("expiresAt", Delegation.comingOfAge(ward.birthDate()))
					.setOnInsert("acts", List.of()),
				Delegation.class);
	}

	/** What a token exchange may issue: for whom, which scopes, until when. */
	record Grant(String delegationId, String representedId, Set<DelegationScope> scopes, Instant until) {
	}

	/**
	 * Checks a token exchange: the delegation is the actor's and stands; for a guardian, the child is
	 * still a minor in the household data; the scopes asked for (all of the delegation's when none)
	 * lie within the delegation's. Anything else, a scope the represented person could never hold
	 * included, is refused with the reason.
	 */
	Grant exchange(String delegationId, String actorId, Set<String> requestedScopes) {
		Delegation delegation = this.mongo.findById(delegationId, Delegation.class);
		Instant now = this.clock.instant();
		if (delegation == null || !delegation.actorId().equals(actorId)) {
			throw new ExchangeRefused(false, "no such delegation for this actor");
		}
		if (delegation.state() == Delegation.State.PENDING) {
			throw new ExchangeRefused(false, "the delegation is not confirmed yet");
		}
		if (delegation.state() == Delegation.State.REVOKED) {
			throw new ExchangeRefused(false, "the delegation was revoked");
		}
		if (delegation.kind() == Delegation.Kind.GUARDIAN) {
			Person child = this.people.findById(delegation.representedId()).orElse(null);
			if (child == null || child.guardianIds() == null || !child.guardianIds().contains(actorId)) {
				throw new ExchangeRefused(false, "no longer a guardian of the person");
			}
			if (!isMinor(child)) {
				throw new ExchangeRefused(false, "the person has come of age (18) and acts for themself");
			}
		}
		if (!delegation.standsAt(now)) {
			throw new ExchangeRefused(false, "the delegation has expired");
		}
		Set<DelegationScope> granted = EnumSet.noneOf(DelegationScope.class);
		if (requestedScopes.isEmpty()) {
			granted.addAll(delegation.scopes());
		}
		for (String scope : requestedScopes) {
			DelegationScope known = DelegationScope.ofScope(scope)
				.filter(delegation.scopes()::contains)
				.orElseThrow(() -> new ExchangeRefused(true, "scope " + scope + " is not within the delegation"));
			granted.add(known);
		}
		return new Grant(delegationId, delegation.representedId(), granted, delegation.expiresAt());
	}

	/** After a token was issued: the represented adult hears of it (at most once an hour). */
	void exchanged(String delegationId, String representedId, Set<String> scopes, String actorId, String clientId,
			String address) {
		this.audit.record(AuditType.TOKEN_EXCHANGED, actorId, clientId, address, representedId,
				delegationId + " " + String.join(" ", new TreeSet<>(scopes)));
		Delegation delegation = this.mongo.findById(delegationId, Delegation.class);
		if (delegation != null) {
			publish(DelegationNotice.Kind.USED, delegation, this.clock.instant());
		}
	}

	/** Keeps what a delegate did, on the delegation and in the audit trail. */
	void recordAct(Subject delegate, List<String> operations) {
		Instant now = this.clock.instant();
		this.audit.record(AuditType.DELEGATED_ACT, delegate.actorId(), delegate.clientId(), null, delegate.id(),
				String.join(" ", operations));
		if (delegate.delegationId() == null) {
			return;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delegate.delegationId())),
				new Update().set("lastUsedAt", now)
					.push("acts")
					.slice(-Delegation.MAX_ACTS)
					.each(new Delegation.Act(now, operations, delegate.clientId())),
				Delegation.class);
	}

	@Override
	public boolean stands(String delegationId, String representedId, String actorId) {
		Delegation delegation = this.mongo.findById(delegationId, Delegation.class);
		return delegation != null && delegation.representedId().equals(representedId)
				&& delegation.actorId().equals(actorId) && delegation.standsAt(this.clock.instant());
	}

	private long standing(Criteria who, Instant now) {
		return this.mongo.count(Query.query(who.and("kind").is(Delegation.Kind.AUTHORISED)
			.and("state").is(Delegation.State.ACTIVE)
			.and("expiresAt").gt(now)), Delegation.class);
	}

	private boolean isMinor(Person person) {
		return person.birthDate() != null
				&& this.clock.instant().isBefore(Delegation.comingOfAge(person.birthDate()));
	}

	private void publish(DelegationNotice.Kind kind, Delegation delegation, Instant at) {
		if (delegation.kind() != Delegation.Kind.AUTHORISED) {
			return;
		}
		String actorName = this.people.findById(delegation.actorId()).map(Person::name).orElse("");
		List<String> scopes = delegation.scopes().stream().sorted().map(DelegationScope::label).toList();
		this.events.publishEvent(new DelegationNotice(kind, delegation.id(), delegation.representedId(), actorName,
				scopes, delegation.expiresAt(), at));
	}

	private static List<Delegation> sorted(List<Delegation> delegations) {
		List<Delegation> sorted = new ArrayList<>(delegations);
		sorted.sort(Comparator.comparing(Delegation::requestedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		return sorted;
	}

	private static LocalDate china(Instant instant) {
		return instant.atZone(ChinaTime.ZONE).toLocalDate();
	}

	private static String codePurpose(String delegationId) {
		return "delegation:" + delegationId;
	}

	/** A refused exchange: {@code invalid_scope} when {@code scope}, else {@code invalid_grant}. */
	static final class ExchangeRefused extends RuntimeException {

		private final boolean scope;

		ExchangeRefused(boolean scope, String reason) {
			super(reason, null, false, false);
			this.scope = scope;
		}

		boolean scope() {
			return this.scope;
		}

	}

}
