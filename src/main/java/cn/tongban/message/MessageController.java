package cn.tongban.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;

/** 消息中心: my inbox and which kinds also come by text message. */
@Controller
class MessageController {

	static final String RESIDENTS = "hasRole('RESIDENT')";

	private final MessageCentre centre;

	private final MessageFeed feed;

	MessageController(MessageCentre centre, MessageFeed feed) {
		this.centre = centre;
		this.feed = feed;
	}

	@SubscriptionMapping
	@PreAuthorize(RESIDENTS)
	Flux<Message> messageAdded(Authentication caller) {
		return this.feed.of(Subject.from(caller).id());
	}

	@QueryMapping
	@PreAuthorize(RESIDENTS)
	MessageConnection myMessages(@Argument @Min(1) @Max(100) Integer first, @Argument @Size(max = 200) String after,
			@Argument Boolean unreadOnly, Authentication caller) {
		MessageCentre.Page page = this.centre.page(Subject.from(caller).id(), (first != null) ? first : 20, after,
				Boolean.TRUE.equals(unreadOnly));
		List<String> cursors = MessageCentre.cursors(page.messages());
		List<Edge> edges = new ArrayList<>();
		for (int i = 0; i < cursors.size(); i++) {
			edges.add(new Edge(cursors.get(i), page.messages().get(i)));
		}
		return new MessageConnection(edges, page.messages(),
				new PageInfo(page.hasNextPage(), after != null, cursors.isEmpty() ? null : cursors.get(0),
						cursors.isEmpty() ? null : cursors.get(cursors.size() - 1)),
				page.unread());
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	ReadPayload markMessagesRead(@Argument @Valid ReadInput input, Authentication caller) {
		if ((input.ids() == null) == !Boolean.TRUE.equals(input.all())) {
			throw ApiException.onField("input", PlatformError.INVALID_ARGUMENT, "give either ids or all: true");
		}
		return new ReadPayload(this.centre.markRead(Subject.from(caller).id(), input.ids()));
	}

	@QueryMapping
	@PreAuthorize(RESIDENTS)
	MessagePreferences myMessagePreferences(Authentication caller) {
		return this.centre.preferences(Subject.from(caller).id());
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	PreferencesPayload updateMyMessagePreferences(@Argument @Valid PreferencesInput input, Authentication caller) {
		return new PreferencesPayload(this.centre.updatePreferences(Subject.from(caller).id(), input.smsKinds()));
	}

	record ReadInput(@Size(min = 1, max = 100) List<@NotBlank @Size(max = 100) String> ids, Boolean all) {
	}

	record PreferencesInput(@NotNull Set<@NotNull MessageKind> smsKinds) {
	}

	record ReadPayload(long markedRead) {
	}

	record PreferencesPayload(MessagePreferences preferences) {
	}

	record Edge(String cursor, Message node) {
	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	record MessageConnection(List<Edge> edges, List<Message> nodes, PageInfo pageInfo, long unreadCount) {
	}

}
