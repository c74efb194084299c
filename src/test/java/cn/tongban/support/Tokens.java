package cn.tongban.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Obtains real access tokens from the embedded authorization server, the way clients do: SMS code
 * (read from the dev outbox) for residents and enterprise agents, account password for staff and
 * admins, client credentials for integrators and terminals. Tokens are cached per context.
 */
public class Tokens {

	public static final String RESIDENT_MOBILE = "13800000001";

	/** 刘洋, legal representative of 青岛海蓝数字科技有限公司. */
	public static final String AGENT_MOBILE = "13800000004";

	public static final String AGENT_CREDIT_CODE = "91370212MA3C4K7L8D";

	public static final String PASSWORD = "Tongban@2026";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	public String resident() {
		return resident(RESIDENT_MOBILE);
	}

	public String resident(String mobile) {
		return this.cache.computeIfAbsent("sms:" + mobile, (k) -> smsToken(mobile, null));
	}

	public String enterpriseAgent() {
		return this.cache.computeIfAbsent("ent:" + AGENT_MOBILE, (k) -> smsToken(AGENT_MOBILE, AGENT_CREDIT_CODE));
	}

	public String staff(String departmentCode) {
		String username = "staff." + departmentCode.toLowerCase();
		return this.cache.computeIfAbsent("account:" + username, (k) -> accountToken(username, PASSWORD));
	}

	public String admin() {
		return this.cache.computeIfAbsent("account:admin", (k) -> accountToken("admin", PASSWORD));
	}

	public String integrator() {
		return client("icbc-qingdao", "icbc-demo-secret");
	}

	public String terminal() {
		return client("terminal-counter-xz-01", "terminal-demo-secret");
	}

	/**
	 * A delegate's token (亲情代办): 张伟 ({@link #RESIDENT_MOBILE}) acting for 王芳 (13800000003) under a delegation
	 * with all four scopes, confirmed with 王芳's code and exchanged (RFC 8693) for {@code scope}
	 * (null: all of the delegation's).
	 */
	public String delegate(String scope) {
		String delegationId = this.cache.computeIfAbsent("delegation:zhang-for-wang", (k) -> {
			HttpGraphQlTester zhang = as(resident());
			String id = zhang.document("mutation { requestDelegation(input: {idNumber: \"370203196511203186\", name: \"王芳\", "
					+ "scopes: [APPLICATIONS, CERTIFICATES, CONSENTS, RESIDENT_CODE], days: 30}) { delegation { id } } }")
				.execute()
				.path("requestDelegation.delegation.id")
				.entity(String.class)
				.get();
			zhang.document("mutation($id: ID!, $c: String!) { confirmDelegation(input: {delegationId: $id, code: $c}) { delegation { id } } }")
				.variable("id", id)
				.variable("c", lastSmsCode("13800000003"))
				.execute()
				.path("confirmDelegation.delegation.id")
				.hasValue();
			return id;
		});
		return this.cache.computeIfAbsent("delegate:" + scope, (k) -> {
			Map<String, String> form = new HashMap<>(Map.of("grant_type",
					"urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", delegationId, "subject_token_type",
					"urn:tongban:params:oauth:token-type:delegation", "actor_token", resident(),
					"actor_token_type", "urn:ietf:params:oauth:token-type:access_token"));
			if (scope != null) {
				form.put("scope", scope);
			}
			return token("tongban-app", "tongban-app-demo-secret", form);
		});
	}

	public String client(String clientId, String secret) {
		return this.cache.computeIfAbsent("client:" + clientId,
				(k) -> token(clientId, secret, Map.of("grant_type", "client_credentials")));
	}

	/** The tester with the token as Bearer credentials. */
	/** The {@code sub} claim of a token (the signed-in subject's id). */
	public String subjectId(String token) {
		byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
		return (String) JsonMapper.builder().build().readValue(claims, Map.class).get("sub");
	}

	public HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	/** Requests an SMS code for the number and returns it from the dev outbox. */
	public String smsCode(String mobile) {
		this.graphQl.document("mutation($m: String!) { requestLoginCode(input: {mobile: $m}) { maskedMobile } }")
			.variable("m", mobile)
			.execute()
			.path("requestLoginCode.maskedMobile")
			.hasValue();
		List<?> messages = json.readValue(body(get("/dev/sms-outbox").param("mobile", mobile)), List.class);
		return (String) ((Map<?, ?>) messages.get(0)).get("code");
	}

	/** The newest code the dev outbox holds for the number (whatever sent it). */
	public String lastSmsCode(String mobile) {
		List<?> messages = json.readValue(body(get("/dev/sms-outbox").param("mobile", mobile)), List.class);
		return (String) ((Map<?, ?>) messages.get(0)).get("code");
	}

	/** The texts the dev outbox holds for the number, newest first. */
	public List<String> smsTexts(String mobile) {
		List<?> messages = json.readValue(body(get("/dev/sms-outbox").param("mobile", mobile)), List.class);
		return messages.stream().map((m) -> (String) ((Map<?, ?>) m).get("text")).toList();
	}

	public String smsToken(String mobile, String creditCode) {
		String code = smsCode(mobile);
		Map<String, String> form = (creditCode != null)
				? Map.of("grant_type", "urn:tongban:params:oauth:grant-type:sms-code", "mobile", mobile, "code", code,
						"credit_code", creditCode)
				: Map.of("grant_type", "urn:tongban:params:oauth:grant-type:sms-code", "mobile", mobile, "code", code);
		return token("tongban-app", "tongban-app-demo-secret", form);
	}

	public String accountToken(String username, String password) {
		return token("tongban-console", "tongban-console-demo-secret", Map.of("grant_type",
				"urn:tongban:params:oauth:grant-type:account-password", "username", username, "password", password));
	}

	/** The token endpoint's JSON answer, whatever the status. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> tokenResponse(String clientId, String secret, Map<String, String> form) {
		var request = post("/oauth2/token").with((r) -> {
			r.addHeader(HttpHeaders.AUTHORIZATION, basic(clientId, secret));
			return r;
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		return (Map<String, Object>) json.readValue(body(request), Map.class);
	}

	private String token(String clientId, String secret, Map<String, String> form) {
		Map<String, Object> response = tokenResponse(clientId, secret, form);
		Object token = response.get("access_token");
		if (token == null) {
			throw new IllegalStateException("No token for " + clientId + ": " + response);
		}
		return (String) token;
	}

	private String body(RequestBuilder request) {
		try {
			MvcResult result = this.mvc.perform(request).andReturn();
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
