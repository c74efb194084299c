package cn.tongban.platform.graphql;

import java.util.List;

import org.reactivestreams.Publisher;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A subscription is a stream: it is served over graphql-ws (WebSocket) or server-sent events
 * ({@code Accept: text/event-stream}). Over a plain JSON POST the stream object would otherwise be
 * serialised as data; the answer is a clear error instead, and nothing is subscribed.
 */
@Component
class SubscriptionTransportGuard implements WebGraphQlInterceptor, Ordered {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest
				|| request.getHeaders().getAccept().contains(MediaType.TEXT_EVENT_STREAM)) {
			return chain.next(request);
		}
		boolean english = RequestLocaleInterceptor.english(request.getHeaders().getFirst("Accept-Language"));
		return chain.next(request).map((response) -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?>)) {
				return response;
			}
			return response.transform((builder) -> builder.data(null)
				.errors(List.of(PlatformError.SUBSCRIPTION_TRANSPORT.toError(english))));
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

}
