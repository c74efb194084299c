package cn.tongban.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.startup.ProductionCheck;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Production must hold none of the dev seed set's identities: demo accounts sign in with a
 * published password, demo clients with published secrets, demo people receive sealed data.
 * Compares the stored ids with the dev seed files shipped in the jar.
 */
@Component
class DemoIdentityCheck implements ProductionCheck {

	static final String DEV_SEEDS = "dev/identity/";

	private final StaffAccountRepository accounts;

	private final ClientRegistrationRepository clients;

	private final PersonRepository people;

	private final EnterpriseRepository enterprises;

	private final JsonMapper json;

	DemoIdentityCheck(StaffAccountRepository accounts, ClientRegistrationRepository clients, PersonRepository people,
			EnterpriseRepository enterprises, JsonMapper json) {
		this.accounts = accounts;
		this.clients = clients;
		this.people = people;
		this.enterprises = enterprises;
		this.json = json;
	}

	@Override
	public List<String> refusals() {
		List<String> refusals = new ArrayList<>();
		present("accounts", StaffAccount.class, StaffAccount::username, this.accounts::existsById, refusals);
		present("clients", ClientRegistration.class, ClientRegistration::clientId, this.clients::existsById, refusals);
		present("people", Person.class, Person::id, this.people::existsById, refusals);
		present("enterprises", Enterprise.class, Enterprise::id, this.enterprises::existsById, refusals);
		return refusals;
	}

	private <T> void present(String file, Class<T> type, Function<T, String> id, Predicate<String> stored,
			List<String> refusals) {
		List<String> found = devSeed(file, type).stream().map(id).filter(stored).toList();
		if (!found.isEmpty()) {
			refusals.add(found.size() + " demo " + file + " are stored (e.g. " + found.get(0)
					+ "): this database was seeded by the default run; use a fresh database for production");
		}
	}

	private <T> List<T> devSeed(String file, Class<T> type) {
		return SeedFiles.shipped(DEV_SEEDS + file + ".json", type, this.json);
	}


}
