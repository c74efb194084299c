package cn.tongban.identity;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth2 client: the app, the staff console, an integrator (第三方机构) or a terminal
 * (扫码终端, bound to one scenario and place).
 */
@Document("oauth_clients")
record ClientRegistration(@Id String clientId, String name, Kind kind, String secretHash, List<String> scopes,
		String scenarioCode, String place) {

	enum Kind {

		/** The residents' app: SMS-code sign-in. */
		APP,
		/** The staff console: account sign-in. */
		CONSOLE,
		INTEGRATOR, TERMINAL

	}

}
