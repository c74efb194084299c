package cn.tongban.identity;

import java.time.Clock;

import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** 长辈版 and other display preferences of the signed-in resident. */
@Controller
class PreferencesController {

	static final String APP_USERS = "hasAnyRole('RESIDENT', 'ENTERPRISE')";

	private final MongoTemplate mongo;

	private final Clock clock;

	PreferencesController(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@QueryMapping
	@PreAuthorize(APP_USERS)
	ResidentPreferences myPreferences(Authentication caller) {
		String personId = Subject.from(caller).id();
		ResidentPreferences stored = this.mongo.findById(personId, ResidentPreferences.class);
		return (stored != null) ? stored : ResidentPreferences.defaults(personId);
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload updateMyPreferences(@Argument @Valid PreferencesInput input, Authentication caller) {
		ResidentPreferences saved = this.mongo.save(
				new ResidentPreferences(Subject.from(caller).id(), input.elderMode(), this.clock.instant()));
		return new Payload(saved);
	}

	record PreferencesInput(@NotNull Boolean elderMode) {
	}

	record Payload(ResidentPreferences preferences) {
	}

}
