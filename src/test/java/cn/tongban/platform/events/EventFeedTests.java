package cn.tongban.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import cn.tongban.support.InMemoryMongo;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' feeds on one database, each with a client of its own, polled by hand. */
class EventFeedTests {

	private final InMemoryMongo mongo = new InMemoryMongo();

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	private EventFeed feed(Duration gapGrace, long retain) {
		EventFeed feed = new EventFeed(this.mongo.template(), Clock.systemUTC(), Duration.ofMillis(200), gapGrace,
				retain);
		feed.followFromNow();
		return feed;
	}

	private static List<FeedEvent> received(EventFeed feed, String kind) {
		List<FeedEvent> received = new CopyOnWriteArrayList<>();
		feed.listen(kind, received::add);
		return received;
	}

	@Test
	void anEventReachesThePublisherAtOnceAndTheOtherInstanceAtItsNextPoll() {
		EventFeed a = feed(Duration.ofSeconds(2), 1000);
		EventFeed b = feed(Duration.ofSeconds(2), 1000);
		List<FeedEvent> onA = received(a, "application.changed");
		List<FeedEvent> onB = received(b, "application.changed");
		List<FeedEvent> otherKindOnB = received(b, "catalog.item-changed");

		a.publish("application.changed", "APP-1", Map.of("status", "PENDING", "version", 1L));
		assertThat(onA).singleElement().satisfies((event) -> assertThat(event.key()).isEqualTo("APP-1"));
		assertThat(onB).isEmpty();

		b.poll();
		assertThat(onB).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo("APP-1");
			assertThat(event.text("status")).isEqualTo("PENDING");
			assertThat(event.number("version")).isEqualTo(1);
			assertThat(event.origin()).isEqualTo(a.instanceId()).isNotEqualTo(b.instanceId());
		});
		assertThat(otherKindOnB).isEmpty();

		a.poll();
		b.poll();
		assertThat(onA).as("the publisher does not get its own event again").hasSize(1);
		assertThat(onB).as("nor does the other instance").hasSize(1);
	}

	@Test
	void eventsFromSeveralInstancesArriveInTheOrderTheyWerePublished() {
		EventFeed a = feed(Duration.ofSeconds(2), 1000);
		EventFeed b = feed(Duration.ofSeconds(2), 1000);
		EventFeed reader = feed(Duration.ofSeconds(2), 1000);
		List<FeedEvent> read = received(reader, "k");
		for (int i = 0; i < 30; i++) {
			((i % 3 == 0) ? a : b).publish("k", "key-" + i, Map.of());
		}
		reader.poll();
		assertThat(read).extracting(FeedEvent::key)
			.containsExactlyElementsOf(IntStream.range(0, 30).mapToObj((i) -> "key-" + i).toList());
		assertThat(read).extracting(FeedEvent::sequence).isSorted();
	}

	@Test
	void aNumberTakenByAWriterThatNeverStoredItsEventHoldsLaterEventsOnlyForTheGrace() {
		EventFeed a = feed(Duration.ofSeconds(2), 1000);
		EventFeed patient = feed(Duration.ofHours(1), 1000);
		EventFeed brisk = feed(Duration.ZERO, 1000);
		List<FeedEvent> onPatient = received(patient, "k");
		List<FeedEvent> onBrisk = received(brisk, "k");

		a.publish("k", "before", Map.of());
		// a writer took the next number and died before storing its event
		this.mongo.template().getCollection(EventFeed.COUNTERS)
			.updateOne(Filters.eq("_id", EventFeed.EVENTS), Updates.inc("sequence", 1L));
		a.publish("k", "after", Map.of());

		patient.poll();
		assertThat(onPatient).extracting(FeedEvent::key).as("waits for the missing one").containsExactly("before");
		brisk.poll();
		assertThat(onBrisk).extracting(FeedEvent::key).as("gives up on it").containsExactly("before", "after");
	}

	@Test
	void aDatabaseRestoredToAnEarlierStateIsFollowedFromWhereItIs() {
		EventFeed a = feed(Duration.ofSeconds(2), 1000);
		EventFeed b = feed(Duration.ofSeconds(2), 1000);
		List<FeedEvent> onB = received(b, "k");
		for (int i = 0; i < 5; i++) {
			a.publish("k", "old-" + i, Map.of());
		}
		b.poll();
		MongoTemplate database = this.mongo.template();
		database.getCollection(EventFeed.COUNTERS).deleteMany(new Document());
		database.getCollection(EventFeed.EVENTS).deleteMany(new Document());
		b.poll();

		a.publish("k", "new", Map.of());
		b.poll();
		assertThat(onB).extracting(FeedEvent::key).endsWith("old-4", "new");
	}

	@Test
	void pruningKeepsTheNewestEvents() {
		EventFeed a = feed(Duration.ofSeconds(2), 10);
		for (int i = 0; i < 25; i++) {
			a.publish("k", "key-" + i, Map.of());
		}
		assertThat(a.prune()).isEqualTo(15);
		assertThat(this.mongo.template().getCollection(EventFeed.EVENTS).countDocuments()).isEqualTo(10);
		assertThat(a.prune()).isZero();
	}

}
