package cn.tongban.identity;

import java.time.LocalDate;

import cn.tongban.platform.privacy.Masking;
import cn.tongban.platform.security.Subject;

/**
 * A person's data as other modules and the API see it. {@link #visibleTo(Subject)} gives the form
 * a particular viewer may see: everything for the person themself, masked values for anyone else.
 */
public record PersonDetails(String id, String name, String idNumber, String mobile, String gender,
		LocalDate birthDate, String ethnicity, String address, String regionCode, boolean masked) {

	static PersonDetails of(Person person) {
		return new PersonDetails(person.id(), person.name(), person.idNumber(), person.mobile(),
				person.gender().name(), person.birthDate(), person.ethnicity(), person.address(),
				person.regionCode(), false);
	}

	/** {@link #gender()} under the schema's name for it ({@code PersonProfile.sex}, a {@code Sex}). */
	public String sex() {
		return this.gender;
	}

	public PersonDetails visibleTo(Subject viewer) {
		if (isThePerson(viewer)) {
			return this;
		}
		return new PersonDetails(this.id, Masking.name(this.name), Masking.idNumber(this.idNumber),
				Masking.mobile(this.mobile), this.gender, null, this.ethnicity, null, this.regionCode, true);
	}

	/**
	 * Residents and enterprise agents are people: their subject id is their person id. A relative
	 * acting for the person (亲情代办) sees what the person would: the person confirmed it.
	 */
	private boolean isThePerson(Subject viewer) {
		return viewer != null && viewer.isPerson() && this.id.equals(viewer.id());
	}

}
