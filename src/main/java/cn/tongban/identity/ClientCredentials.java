package cn.tongban.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.jobs.JobLeases;
import cn.tongban.webhook.WebhookKind;
import cn.tongban.webhook.Webhooks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Integrators' credentials over their life: a rotated secret lives {@code tongban.identity.
 * client-secret-lifetime} (365 days); the secrets it replaces keep working for {@link #OVERLAP}, so
 * the integrator can switch without downtime; {@link #WARN_BEFORE} its end the integrator is told
 * (webhook {@code client.secret_expiring}, audit); an address allow-list limits where its tokens may
 * be asked for. Checked at the token endpoint by {@link ClientSecretCheck}.
 */
@Service
public class ClientCredentials {

	static final Duration OVERLAP = Duration.ofDays(7);

	static final Duration WARN_BEFORE = Duration.ofDays(14);

	static final String JOB = "identity.client-secret-warnings";

	private static final SecureRandom random = new SecureRandom();

	private final ClientRegistrationRepository clients;

	private final EnterpriseRepository enterprises;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Webhooks webhooks;

	private final JobLeases leases;

	private final Clock clock;

	private final Duration lifetime;

	ClientCredentials(ClientRegistrationRepository clients, EnterpriseRepository enterprises, PasswordEncoder passwords,
			AuditLog audit, Webhooks webhooks, JobLeases leases, Clock clock,
			@Value("${tongban.identity.client-secret-lifetime:365d}") Duration lifetime) {
		this.clients = clients;
		this.enterprises = enterprises;
		this.passwords = passwords;
		this.audit = audit;
		this.webhooks = webhooks;
		this.leases = leases;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** A client and, after a rotation, its new secret (shown once). */
	record Rotated(ClientRegistration client, String secret) {
	}

	ClientRegistration require(String clientId) {
		return this.clients.findById(clientId)
			.orElseThrow(() -> ApiException.onField("input.clientId", PlatformError.INVALID_ARGUMENT, "no such client"));
	}

	/** A new secret for {@link #lifetime}; the live ones keep working for {@link #OVERLAP} at most. */
	Rotated rotate(String clientId, String by) {
		ClientRegistration client = require(clientId);
		Instant now = this.clock.instant();
		List<ClientRegistration.ClientSecret> secrets = new ArrayList<>();
		for (ClientRegistration.ClientSecret live : client.liveSecrets(now)) {
			Instant until = now.plus(OVERLAP);
			secrets.add(new ClientRegistration.ClientSecret(live.hash(), live.createdAt(),
					(live.expiresAt() != null && live.expiresAt().isBefore(until)) ? live.expiresAt() : until));
		}
		byte[] key = new byte[32];
		random.nextBytes(key);
		String secret = "tbs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		secrets.add(new ClientRegistration.ClientSecret(this.passwords.encode(secret), now, now.plus(this.lifetime)));
		ClientRegistration rotated = this.clients.save(client.withSecrets(secrets));
		this.audit.record(AuditType.CLIENT_SECRET_ROTATED, by, clientId, null, clientId,
				"new secret until " + now.plus(this.lifetime) + "; the previous ones until " + now.plus(OVERLAP) + " at most");
		return new Rotated(rotated, secret);
	}

	/** Where the client may ask for tokens from (CIDR ranges, at most 20); empty for anywhere. */
	ClientRegistration allowAddresses(String clientId, List<String> ranges, String by) {
		if (ranges.size() > AddressRanges.MAX_RANGES) {
			throw ApiException.onField("input.ranges", PlatformError.INVALID_ARGUMENT, "at most " + AddressRanges.MAX_RANGES);
		}
		for (String range : ranges) {
			String problem = AddressRanges.problem(range);
			if (problem != null) {
				throw ApiException.onField("input.ranges", PlatformError.INVALID_ARGUMENT, problem);
			}
		}
		ClientRegistration client = require(clientId);
		ClientRegistration saved = this.clients.save(client.withAllowedAddresses(ranges));
		this.audit.record(AuditType.ADMIN_CHANGE, by, clientId, null, clientId, "address allow-list " + ranges);
		return saved;
	}

	/**
	 * Registers an integrator as an enterprise's own system (its ERP), which then receives the
	 * enterprise's application status changes and may read those applications; a null credit code
	 * ends that. Only integrators; the enterprise must be known.
	 */
	ClientRegistration linkEnterprise(String clientId, String creditCode, String by) {
		ClientRegistration client = require(clientId);
		if (client.kind() != ClientRegistration.Kind.INTEGRATOR) {
			throw ApiException.onField("input.clientId", PlatformError.INVALID_ARGUMENT, "only an integrator acts for an enterprise");
		}
		String enterpriseId = null;
		if (creditCode != null) {
			enterpriseId = this.enterprises.findByCreditCode(creditCode.toUpperCase())
				.map(Enterprise::id)
				.orElseThrow(() -> ApiException.onField("input.creditCode", PlatformError.UNKNOWN_REFERENCE, "企业/enterprise",
						creditCode));
		}
		ClientRegistration saved = this.clients.save(client.withEnterprise(enterpriseId));
		this.audit.record(AuditType.ADMIN_CHANGE, by, clientId, null, clientId,
				(enterpriseId != null) ? "acts for enterprise " + creditCode.toUpperCase() : "acts for no enterprise");
		return saved;
	}

	/** When each live secret stops working (null: never, for a secret from the seed files). */
	List<Instant> secretExpiries(ClientRegistration client) {
		return client.liveSecrets(this.clock.instant())
			.stream()
			.map(ClientRegistration.ClientSecret::expiresAt)
			.sorted(Comparator.nullsLast(Comparator.naturalOrder()))
			.toList();
	}

	@Scheduled(fixedDelayString = "${tongban.identity.client-secret-warning-interval:6h}",
			initialDelayString = "${tongban.identity.client-secret-warning-interval:6h}")
	void run() {
		this.leases.run(JOB, this::warnExpiring);
	}

	/** Integrators whose newest secret ends within {@link #WARN_BEFORE}: told once per secret. */
	int warnExpiring() {
		Instant now = this.clock.instant();
		int warned = 0;
		for (ClientRegistration client : this.clients.findAll()) {
			List<Instant> ends = client.liveSecrets(now).stream().map(ClientRegistration.ClientSecret::expiresAt).toList();
			if (client.kind() != ClientRegistration.Kind.INTEGRATOR || ends.isEmpty() || ends.contains(null)) {
				continue; // a secret without an end (seeded) never needs a warning
			}
			Instant last = Collections.max(ends);
			if (last.isBefore(now.plus(WARN_BEFORE))) {
				this.webhooks.emit(client.clientId(), WebhookKind.CLIENT_SECRET_EXPIRING, "secret-expiring|" + last,
						Map.of("clientId", client.clientId(), "expiresAt", last.toString()));
				warned++;
			}
		}
		return warned;
	}

}
