package cn.tongban.hall;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A date of the public-holiday calendar (节假日安排): a holiday, or a weekend worked in exchange. */
@Document("hall_calendar")
record CalendarDay(@Id String date, String name, Kind kind) {

	enum Kind {

		HOLIDAY, WORKED_WEEKEND

	}

}
