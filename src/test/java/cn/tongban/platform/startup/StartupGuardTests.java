package cn.tongban.platform.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The early checks: a taken port and an unusable data folder are refused in one line that says what to do. */
class StartupGuardTests {

	@TempDir
	Path temp;

	@Test
	void aPortInUseIsRefusedNamingThePortAndTheSetting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			StartupRefusal refusal = catchThrowableOfType(StartupRefusal.class,
					() -> StartupGuard.checkPort("127.0.0.1", taken.getLocalPort()));
			assertThat(refusal.getMessage()).contains("port " + taken.getLocalPort() + " is in use").contains("PORT");
			assertThat(refusal.getMessage()).doesNotContain("\n");
		}
	}

	@Test
	void aFreePortPasses() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		assertThatNoException().isThrownBy(() -> StartupGuard.checkPort("127.0.0.1", port));
	}

	@Test
	void aDataFolderThatCannotBeCreatedIsRefused() throws IOException {
		Path file = Files.writeString(this.temp.resolve("not-a-folder"), "x");
		StartupRefusal refusal = catchThrowableOfType(StartupRefusal.class,
				() -> StartupGuard.lockDataFolder(file.resolve("data")));
		assertThat(refusal.getMessage()).contains("cannot create the data folder").contains("TONGBAN_DATA_DIR");
	}

	@Test
	void aDataFolderIsLockedForThisProcessAndMadeIfMissing() {
		Path data = this.temp.resolve("data");
		StartupGuard.lockDataFolder(data);
		assertThat(data.resolve(StartupGuard.LOCK_FILE)).exists();
		// a second context of this same process on the same folder is not another instance
		assertThatNoException().isThrownBy(() -> StartupGuard.lockDataFolder(data));
	}

}
