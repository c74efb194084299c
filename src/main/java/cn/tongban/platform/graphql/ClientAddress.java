package cn.tongban.platform.graphql;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Puts the caller's network address into the GraphQL context under {@link #KEY}, for per-address
 * limits and the audit trail; handlers read it with {@code @ContextValue(ClientAddress.KEY)}.
 * Behind a proxy set {@code server.forward-headers-strategy} so this is the real client.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor, Ordered {

	public static final String KEY = "clientAddress";

	/** The app installation's {@value #DEVICE_HEADER} when it is well-formed, for per-installation budgets. */
	public static final String DEVICE_KEY = "deviceId";

	/** The app's per-installation id: 8 to 64 letters, digits, '-' or '_'. */
	public static final String DEVICE_HEADER = "X-Device-Id";

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	/** The header's value when it is a well-formed device id, else null. */
	public static String deviceId(String header) {
		return (header != null && DEVICE_ID.matcher(header).matches()) ? header : null;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		String device = deviceId(request.getHeaders().getFirst(DEVICE_HEADER));
		request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> {
			context.put(KEY, address);
			if (device != null) {
				context.put(DEVICE_KEY, device);
			}
		}).build());
		return chain.next(request);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
