package cn.tongban.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service refuses to start, fast, in one line that says what to do, and writes
 * nothing: unsafe production settings, a port in use, an unusable or locked data folder, an
 * unreachable MongoDB.
 */
class StartupRefusalsIT {

	@TempDir
	Path temp;

	@Test
	void prodInAnEmptyFolderRefusesInOneLineWithin15Seconds() throws Exception {
		Path empty = Files.createDirectory(this.temp.resolve("empty"));
		long started = System.nanoTime();
		try (ServiceProcess service = ServiceProcess.start(empty, ServiceProcess.freePort(),
				Map.of("SPRING_PROFILES_ACTIVE", "prod"), List.of())) {
			assertThat(service.awaitExit(Duration.ofSeconds(15))).isNotZero();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
			String line = theOneRefusal(service.output());
			assertThat(line).contains("TONGBAN_SEAL_KEYSTORE_PASSWORD", "TONGBAN_CODE_KEYSTORE_PASSWORD",
					"TONGBAN_SMS_GATEWAY_URL");
		}
		try (var written = Files.list(empty)) {
			assertThat(written).as("nothing written").isEmpty();
		}
	}

	@Test
	void aPortInUseIsReportedBeforeAnythingIsWritten() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("port"));
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
				ServiceProcess service = ServiceProcess.start(work, taken.getLocalPort(), Map.of(), List.of())) {
			long started = System.nanoTime();
			assertThat(service.awaitExit(Duration.ofSeconds(30))).isNotZero();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			assertThat(theOneRefusal(service.output())).contains("port " + taken.getLocalPort() + " is in use", "PORT");
		}
		assertThat(work.resolve("data")).doesNotExist();
	}

	@Test
	void aDataFolderThatCannotBeMadeIsReportedInOneLine() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("unwritable"));
		Path file = Files.writeString(work.resolve("a-file"), "not a folder");
		try (ServiceProcess service = ServiceProcess.start(work, ServiceProcess.freePort(),
				Map.of("TONGBAN_DATA_DIR", file.resolve("data").toString()), List.of())) {
			assertThat(service.awaitExit(Duration.ofSeconds(30))).isNotZero();
			assertThat(theOneRefusal(service.output())).contains("cannot create the data folder", "TONGBAN_DATA_DIR");
		}
	}

	@Test
	void aDataFolderLockedByAnotherInstanceIsReportedInOneLine() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("locked"));
		Path data = Files.createDirectory(work.resolve("data"));
		try (FileChannel channel = FileChannel.open(data.resolve("tongban.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = channel.lock();
				ServiceProcess service = ServiceProcess.start(work, ServiceProcess.freePort(), Map.of(), List.of())) {
			assertThat(service.awaitExit(Duration.ofSeconds(30))).isNotZero();
			assertThat(theOneRefusal(service.output())).contains("in use by another Tongban instance");
		}
		try (var written = Files.list(data)) {
			assertThat(written.map((path) -> path.getFileName().toString())).containsExactly("tongban.lock");
		}
	}

	@Test
	void anUnreachableMongoDbIsReportedInOneLine() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("mongo"));
		try (ServiceProcess service = ServiceProcess.start(work, ServiceProcess.freePort(),
				Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/tongban"), List.of(),
				"--tongban.mongodb.server-selection-timeout=1s")) {
			assertThat(service.awaitExit(Duration.ofSeconds(40))).isNotZero();
			assertThat(theOneRefusal(service.output())).contains("Cannot reach MongoDB", "127.0.0.1:1", "MONGODB_URI");
		}
		assertThat(work.resolve("data")).doesNotExist();
	}

	/** The output has exactly one ERROR line, no stack trace, and it is the refusal. */
	static String theOneRefusal(String output) {
		List<String> errors = output.lines().filter((line) -> line.contains(" ERROR ")).toList();
		assertThat(errors).as(output).hasSize(1);
		assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
		assertThat(errors.get(0)).contains("Tongban did not start: ").hasSizeLessThan(1200);
		return errors.get(0);
	}

}
