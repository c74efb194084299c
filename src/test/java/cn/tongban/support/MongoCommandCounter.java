package cn.tongban.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the data commands the application sends to MongoDB (a driver CommandListener). */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommandCounter implements CommandListener {

	private static final Set<String> DATA_COMMANDS = Set.of("find", "aggregate", "count", "getMore", "insert",
			"update", "delete", "findAndModify", "distinct");

	private final AtomicInteger count = new AtomicInteger();

	@Bean
	MongoClientSettingsBuilderCustomizer commandCounting() {
		return (settings) -> settings.addCommandListener(this);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (DATA_COMMANDS.contains(event.getCommandName())) {
			this.count.incrementAndGet();
		}
	}

	public void reset() {
		this.count.set(0);
	}

	public int count() {
		return this.count.get();
	}

}
