package cn.tongban.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import cn.tongban.platform.crypto.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The identity module's API: people, enterprises and registered clients by their identifiers. */
@Service
public class IdentityService {

	private final PersonRepository people;

	private final EnterpriseRepository enterprises;

	private final ClientRegistrationRepository clients;

	private final StaffAccountRepository accounts;

	private final Delegations delegations;

	private static final String PEOPLE_READ = IdentityService.class.getName() + ".peopleRead";

	private final Cache<String, String> clientNames = Caffeine
		.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	IdentityService(PersonRepository people, EnterpriseRepository enterprises, ClientRegistrationRepository clients,
			StaffAccountRepository accounts, Delegations delegations) {
		this.people = people;
		this.delegations = delegations;
		this.enterprises = enterprises;
		this.clients = clients;
		this.accounts = accounts;
	}

	/**
	 * A person by id. Within one HTTP request each person is read once: a submission asks for the
	 * applicant four times (the form's pre-fill, the certificates of the pre-fill and of the
	 * materials, the application itself), and people change only by being added.
	 */
	public Optional<PersonDetails> person(String personId) {
		Map<String, Optional<PersonDetails>> read = peopleReadInThisRequest();
		return (read != null) ? read.computeIfAbsent(personId, this::load) : load(personId);
	}

	private Optional<PersonDetails> load(String personId) {
		return this.people.findById(personId).map(PersonDetails::of);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Optional<PersonDetails>> peopleReadInThisRequest() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object read = request.getAttribute(PEOPLE_READ, RequestAttributes.SCOPE_REQUEST);
		if (read == null) {
			read = new ConcurrentHashMap<String, Optional<PersonDetails>>();
			request.setAttribute(PEOPLE_READ, read, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, Optional<PersonDetails>>) read;
	}

	/** People by id, in one round trip; unknown ids are absent. */
	public Map<String, PersonDetails> people(Collection<String> personIds) {
		return this.people.findAllById(personIds)
			.stream()
			.collect(Collectors.toMap(Person::id, PersonDetails::of));
	}

	public Optional<PersonDetails> personByIdNumber(String idNumber) {
		return this.people.findByIdNumber(idNumber.toUpperCase()).map(PersonDetails::of);
	}

	/** The provincial platform's pseudonym of a person (used to simulate 鲁通码 codes in the default run). */
	public Optional<String> provincialRef(String personId) {
		return this.people.findById(personId).map(Person::provincialRef);
	}

	/**
	 * 户口登记 of a newborn: the child becomes a person with a 公民身份号码 allocated for the
	 * registration district and the birth date (GB 11643: sequence odd for a boy, even for a girl,
	 * check character), the name from the form and the parents as guardians (监护人). Idempotent per
	 * {@code registrationKey} (the application that registers the birth): a repeat returns the same
	 * person, so a retried completion never registers a child twice.
	 */
	public PersonDetails registerBirth(BirthRegistration birth) {
		String id = "psn_" + Sha256.hex("tongban-birth:" + birth.registrationKey()).substring(0, 20);
		Optional<Person> registered = this.people.findById(id);
		if (registered.isPresent()) {
			return PersonDetails.of(registered.get());
		}
		Person.Gender gender = birth.male() ? Person.Gender.MALE : Person.Gender.FEMALE;
		for (int sequence = birth.male() ? 1 : 2; sequence <= 999; sequence += 2) {
			String idNumber = BirthRegistration.idNumber(birth.regionCode(), birth.birthDate(), sequence);
			if (this.people.findByIdNumber(idNumber).isPresent()) {
				continue;
			}
			try {
				Person child = this.people.insert(new Person(id, birth.name(), idNumber, null, gender,
						birth.birthDate(), null, null, birth.regionCode(), null, null, List.copyOf(birth.guardianIds())));
				// the guardians' 亲情代办 for the child; made again on listing if a crash comes between
				child.guardianIds().forEach((guardianId) -> this.delegations.ensureGuardianship(child, guardianId));
				return PersonDetails.of(child);
			}
			catch (DuplicateKeyException taken) {
				Optional<Person> concurrent = this.people.findById(id);
				if (concurrent.isPresent()) {
					return PersonDetails.of(concurrent.get());
				}
				// another birth took this number at the same moment: the next one
			}
		}
		throw new IllegalStateException("No 公民身份号码 left for " + birth.regionCode() + " on " + birth.birthDate());
	}

	/** The people this person is a guardian (监护人) of. */
	public List<PersonDetails> wardsOf(String guardianId) {
		return this.people.findByGuardianIds(guardianId).stream().map(PersonDetails::of).toList();
	}

	/** The person with this mobile number. */
	public Optional<PersonDetails> personByMobile(String mobile) {
		return this.people.findByMobile(mobile).map(PersonDetails::of);
	}

	/** The person behind a provincial (鲁通码) pseudonym. */
	public Optional<PersonDetails> personByProvincialRef(String provincialRef) {
		return this.people.findByProvincialRef(provincialRef).map(PersonDetails::of);
	}

	public Optional<EnterpriseDetails> enterprise(String enterpriseId) {
		return this.enterprises.findById(enterpriseId).map(EnterpriseDetails::of);
	}

	public Optional<EnterpriseDetails> enterpriseByCreditCode(String creditCode) {
		return this.enterprises.findByCreditCode(creditCode).map(EnterpriseDetails::of);
	}

	/**
	 * Display names of registered clients (integrators, terminals) by client id. Cached for five
	 * minutes: every certificate check and scan records the name, and names hardly ever change.
	 */
	public Map<String, String> clientNames(Collection<String> clientIds) {
		return this.clientNames.getAll(clientIds, (missing) -> {
			Map<String, String> found = new HashMap<>();
			this.clients.findAllById(List.copyOf(missing)).forEach((client) -> found.put(client.clientId(), client.name()));
			return found;
		});
	}

	/** Display name of one client, or null. */
	public String clientName(String clientId) {
		return (clientId != null) ? clientNames(List.of(clientId)).get(clientId) : null;
	}

	/**
	 * The integrators that are this enterprise's own systems (their ERP, registered with the
	 * enterprise): they may receive its applications' status changes as webhooks.
	 */
	public List<String> clientsActingFor(String enterpriseId) {
		return this.clients.findByEnterpriseId(enterpriseId).stream().map(ClientRegistration::clientId).toList();
	}

	/** Display name of a staff or admin account. */
	public Optional<String> staffName(String username) {
		return this.accounts.findById(username).map(StaffAccount::name);
	}


}
