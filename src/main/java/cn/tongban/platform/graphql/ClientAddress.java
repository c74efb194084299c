package cn.tongban.platform.graphql;

import java.net.InetSocketAddress;

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

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> context.put(KEY, address)).build());
		return chain.next(request);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
