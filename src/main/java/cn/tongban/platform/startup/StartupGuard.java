package cn.tongban.platform.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ConnectionString;
import com.mongodb.ServerAddress;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Checks what would otherwise fail late, after seeding and key creation: unsafe production
 * settings, a port in use, an unreachable MongoDB, a data folder that is unwritable or used by
 * another instance. Runs once
 * the configuration is complete (initializers included) and before any bean exists, so a refusal
 * costs about a second and writes nothing (the data folder and its lock file come last).
 */
public class StartupGuard implements ApplicationListener<ApplicationContextInitializedEvent> {

	static final String LOCK_FILE = "tongban.lock";

	/** Data folders this JVM holds; the locks live as long as the process. */
	private static final Map<Path, FileLock> held = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
		if (env.acceptsProfiles(Profiles.of("prod"))) {
			List<String> refusals = ProductionSettings.refusals(env);
			if (!refusals.isEmpty()) {
				throw new StartupRefusal("the prod profile refuses unsafe settings: " + String.join("; ", refusals)
						+ " (docs/security.md, production checklist)");
			}
		}
		boolean servesHttp = event.getSpringApplication().getWebApplicationType() != WebApplicationType.NONE;
		if (servesHttp && env.getProperty("tongban.startup.check-port", Boolean.class, true)) {
			checkPort(env.getProperty("server.address"), env.getProperty("server.port", Integer.class, 8080));
		}
		String uri = configuredMongoUri(env);
		if (uri != null) {
			checkMongoReachable(uri, env.getProperty("tongban.mongodb.server-selection-timeout", Duration.class,
					Duration.ofSeconds(5)));
		}
		else if ("file".equalsIgnoreCase(env.getProperty("tongban.mongodb.embedded.backend", "file"))) {
			lockDataFolder(Path.of(env.getProperty("tongban.mongodb.embedded.data-dir", "./data")));
		}
	}

	private static String configuredMongoUri(ConfigurableEnvironment env) {
		String uri = env.getProperty("spring.mongodb.uri", "");
		uri = uri.isBlank() ? env.getProperty("MONGODB_URI", "") : uri;
		return uri.isBlank() ? null : uri;
	}

	/**
	 * A TCP connection to at least one listed host within the selection timeout, before any bean
	 * exists: the driver's own failure comes later and much noisier. SRV addresses are left to it.
	 */
	static void checkMongoReachable(String uri, Duration timeout) {
		ConnectionString parsed;
		try {
			parsed = new ConnectionString(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new StartupRefusal("MONGODB_URI is not a MongoDB connection string (" + ex.getMessage()
					+ "): set it as mongodb://host1,host2/tongban?replicaSet=rs0");
		}
		if (parsed.isSrvProtocol()) {
			return;
		}
		for (String host : parsed.getHosts()) {
			ServerAddress address = new ServerAddress(host);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), (int) timeout.toMillis());
				return;
			}
			catch (IOException unreachable) {
				// try the next host
			}
		}
		throw new StartupRefusal("Cannot reach MongoDB at " + String.join(", ", parsed.getHosts())
				+ " within " + timeout.toSeconds() + " s: check MONGODB_URI (or spring.mongodb.uri) and that the "
				+ "server is up and reachable, or unset both to run on the embedded database");
	}

	static void lockDataFolder(Path folder) {
		Path dir = folder.toAbsolutePath().normalize();
		if (held.containsKey(dir)) {
			return;
		}
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new StartupRefusal("cannot create the data folder " + dir + " (" + reason(ex)
					+ "): create it writable for this user or set TONGBAN_DATA_DIR");
		}
		if (!Files.isWritable(dir)) {
			throw new StartupRefusal("the data folder " + dir
					+ " is not writable: make it writable for this user or set TONGBAN_DATA_DIR");
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw new StartupRefusal("the data folder " + dir
						+ " is in use by another Tongban instance: stop it, or give this one its own TONGBAN_DATA_DIR "
						+ "(several instances share a real MongoDB through MONGODB_URI)");
			}
			held.put(dir, lock);
		}
		catch (OverlappingFileLockException ex) {
			closeQuietly(channel);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new StartupRefusal("cannot write in the data folder " + dir + " (" + reason(ex)
					+ "): make it writable for this user or set TONGBAN_DATA_DIR");
		}
	}

	static void checkPort(String address, int port) {
		if (port <= 0) {
			return;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			InetAddress host = (address == null || address.isBlank()) ? null : InetAddress.getByName(address);
			socket.bind((host != null) ? new InetSocketAddress(host, port) : new InetSocketAddress(port));
		}
		catch (IOException ex) {
			throw new StartupRefusal("port " + port + " is in use (" + reason(ex)
					+ "): stop the process holding it or set PORT to a free one");
		}
	}

	private static String reason(Exception ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// closing a lock file we could not use
			}
		}
	}

}
