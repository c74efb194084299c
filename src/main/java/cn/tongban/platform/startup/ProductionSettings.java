package cn.tongban.platform.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * What the {@code prod} profile refuses to start with: development adapters, dev seed data and
 * secrets that have a published default. Each refusal names the setting that fixes it.
 * Checks on the database's content (demo accounts, simulation keys) are module beans run by
 * {@link ProductionDataChecks} once the database is reachable.
 */
final class ProductionSettings {

	static final String DEV_KEYSTORE_PASSWORD = "tongban-dev-only";

	private ProductionSettings() {
	}

	static List<String> refusals(Environment env) {
		List<String> refusals = new ArrayList<>();
		keystore(env, refusals, "tongban.certificate", "TONGBAN_SEAL_KEYSTORE_PASSWORD", "seal", true);
		// the resident code's own signing key may be made here on first start: it never leaves the keystore
		keystore(env, refusals, "tongban.code", "TONGBAN_CODE_KEYSTORE_PASSWORD", "resident-code", false);
		if (env.getProperty("tongban.certificate.create-missing-keys", Boolean.class, true)) {
			refusals.add("tongban.certificate.create-missing-keys is on: set it to false and supply every issuer's "
					+ "seal key in the keystore");
		}
		if (blank(env.getProperty("tongban.sms.gateway.url"))) {
			refusals.add("no SMS gateway is configured: set TONGBAN_SMS_GATEWAY_URL (tongban.sms.gateway.url) "
					+ "with its app key, secret, signature and template");
		}
		else {
			for (String setting : new String[] { "app-key", "app-secret", "signature", "templates.LOGIN_CODE" }) {
				if (blank(env.getProperty("tongban.sms.gateway." + setting))) {
					refusals.add("the SMS gateway has no " + setting + ": set tongban.sms.gateway." + setting);
				}
			}
		}
		if (env.getProperty("tongban.identity.dev-outbox", Boolean.class, false)) {
			refusals.add("the dev SMS outbox is on: set tongban.identity.dev-outbox=false");
		}
		if (env.getProperty("tongban.code.provincial-simulator", Boolean.class, false)) {
			refusals.add("the provincial code simulator is on: set tongban.code.provincial-simulator=false");
		}
		if (!env.getProperty("tongban.graphql.trusted-documents-only", Boolean.class, false)) {
			refusals.add("any ad-hoc operation would run: set tongban.graphql.trusted-documents-only=true (give "
					+ "integrators that need ad-hoc operations the scope graphql.ad-hoc)");
		}
		if (env.getProperty("tongban.webhook.allow-private-addresses", Boolean.class, true)) {
			refusals.add("webhooks may be sent to loopback and private addresses: set "
					+ "tongban.webhook.allow-private-addresses=false");
		}
		String seeds = env.getProperty("tongban.seed.locations", "");
		if (seeds.contains("seeds/dev")) {
			refusals.add("the seed locations include the dev seed set (" + seeds
					+ "): set TONGBAN_SEED_LOCATIONS without seeds/dev/");
		}
		return refusals;
	}

	private static void keystore(Environment env, List<String> refusals, String prefix, String variable,
			String what, boolean mustExist) {
		String password = env.getProperty(prefix + ".keystore-password", "");
		if (blank(password) || DEV_KEYSTORE_PASSWORD.equals(password)) {
			refusals.add("the " + what + " keystore password is " + (blank(password) ? "missing" : "the dev default")
					+ ": set " + variable);
		}
		String keystore = env.getProperty(prefix + ".keystore", "");
		if (blank(keystore)) {
			refusals.add("no " + what + " keystore is configured: set " + prefix + ".keystore to its PKCS#12 file");
		}
		else if (mustExist && !Files.isReadable(Path.of(keystore))) {
			refusals.add("the " + what + " keystore " + Path.of(keystore).toAbsolutePath()
					+ " is missing or unreadable: supply it (docs/security.md, production checklist)");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
