package cn.tongban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.identity.token-throttle.*}: budgets of {@code POST /oauth2/token}.
 *
 * @param perAddressPerMinute token requests from one client address (a carrier NAT puts many
 * residents behind one; the per-account and per-client budgets stop guessing)
 * @param perAccountPerMinute password or SMS-code sign-ins naming one account or mobile number
 * (wrong answers also lock the account: LoginLockout)
 * @param clientFailuresPer10Minutes failed client authentications of one client id before it is
 * refused until the budget refills
 */
@ConfigurationProperties("tongban.identity.token-throttle")
record TokenThrottleProperties(Integer perAddressPerMinute, Integer perAccountPerMinute,
		Integer clientFailuresPer10Minutes) {

	TokenThrottleProperties {
		perAddressPerMinute = (perAddressPerMinute == null) ? 600 : perAddressPerMinute;
		perAccountPerMinute = (perAccountPerMinute == null) ? 10 : perAccountPerMinute;
		clientFailuresPer10Minutes = (clientFailuresPer10Minutes == null) ? 10 : clientFailuresPer10Minutes;
	}

}
