package cn.tongban.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth2 client: the app, the staff console, an integrator (第三方机构) or a terminal
 * (扫码终端, bound to one scenario and place).
 *
 * @param secretHash the secret as first registered (seed files), used while no {@code secrets} exist
 * @param secrets the secrets with their lifetimes once rotated: several are live during an overlap
 * @param allowedAddresses CIDR ranges the client may ask for tokens from; empty for anywhere
 * @param enterpriseId for an integrator that is an enterprise's own system (its ERP): the enterprise,
 * whose applications' status changes it may receive as webhooks; null for the others
 */
@Document("oauth_clients")
record ClientRegistration(@Id String clientId, String name, Kind kind, String secretHash, List<String> scopes,
		String scenarioCode, String place, List<ClientSecret> secrets, List<String> allowedAddresses,
		@Indexed String enterpriseId) {

	@PersistenceCreator
	ClientRegistration {
	}

	ClientRegistration(String clientId, String name, Kind kind, String secretHash, List<String> scopes,
			String scenarioCode, String place) {
		this(clientId, name, kind, secretHash, scopes, scenarioCode, place, null, null, null);
	}

	/** A hashed secret and until when it is accepted (null: no end). */
	record ClientSecret(String hash, Instant createdAt, Instant expiresAt) {

		boolean liveAt(Instant now) {
			return this.expiresAt == null || now.isBefore(this.expiresAt);
		}

	}

	/** The secrets accepted now: the rotated ones still live, else the first registered. */
	List<ClientSecret> liveSecrets(Instant now) {
		if (this.secrets == null || this.secrets.isEmpty()) {
			return (this.secretHash != null) ? List.of(new ClientSecret(this.secretHash, null, null)) : List.of();
		}
		return this.secrets.stream().filter((secret) -> secret.liveAt(now)).toList();
	}

	ClientRegistration withSecrets(List<ClientSecret> secrets) {
		return new ClientRegistration(this.clientId, this.name, this.kind, this.secretHash, this.scopes, this.scenarioCode,
				this.place, List.copyOf(secrets), this.allowedAddresses, this.enterpriseId);
	}

	ClientRegistration withAllowedAddresses(List<String> ranges) {
		return new ClientRegistration(this.clientId, this.name, this.kind, this.secretHash, this.scopes, this.scenarioCode,
				this.place, this.secrets, List.copyOf(ranges), this.enterpriseId);
	}

	ClientRegistration withEnterprise(String enterprise) {
		return new ClientRegistration(this.clientId, this.name, this.kind, this.secretHash, this.scopes, this.scenarioCode,
				this.place, this.secrets, this.allowedAddresses, enterprise);
	}

	List<String> allowedAddressesOrEmpty() {
		return (this.allowedAddresses != null) ? this.allowedAddresses : List.of();
	}

	enum Kind {

		/** The residents' app: SMS-code sign-in. */
		APP,
		/** The staff console: account sign-in. */
		CONSOLE,
		INTEGRATOR, TERMINAL

	}

}
