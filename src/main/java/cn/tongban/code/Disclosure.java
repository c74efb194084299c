package cn.tongban.code;

/** The facts a scenario may learn about a code's holder; each is null in a scan result unless disclosed. */
enum Disclosure {

	/** Full name. */
	NAME,
	/** Name with all but the surname masked (张*). */
	MASKED_NAME,
	/** ID number, first 6 and last 4. */
	MASKED_ID_NUMBER,
	/** Fare category: SENIOR, DISABLED or ADULT. */
	FARE_CATEGORY,
	/** The holder's valid certificates that stand in for the materials of the item being handled. */
	CERTIFICATES_FOR_ITEM,
	/** Medical insurance type, or 未参保. */
	MEDICAL_INSURANCE,
	/** Library card status. */
	LIBRARY_CARD_STATUS,
	/** Whether the holder lives in the scenario's district. */
	RESIDENT_OF_DISTRICT

}
