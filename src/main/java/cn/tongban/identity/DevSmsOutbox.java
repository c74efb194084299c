package cn.tongban.identity;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last 200 messages the logging sender "sent", for tests and Postman. Dev only. */
class DevSmsOutbox {

	private static final int CAPACITY = 200;

	private final Deque<Message> messages = new ArrayDeque<>();

	synchronized void add(Message message) {
		if (this.messages.size() == CAPACITY) {
			this.messages.removeLast();
		}
		this.messages.addFirst(message);
	}

	/** Newest first. */
	synchronized List<Message> to(String mobile) {
		return this.messages.stream().filter((m) -> m.mobile().equals(mobile)).toList();
	}

	record Message(String mobile, String text, String code, Instant sentAt) {

	}

}
