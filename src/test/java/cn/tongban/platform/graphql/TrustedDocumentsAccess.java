package cn.tongban.platform.graphql;

import java.util.Map;

import cn.tongban.platform.crypto.Sha256;

/** Builds the package-private trusted-documents pieces for tests in other packages. */
public final class TrustedDocumentsAccess {

	private TrustedDocumentsAccess() {
	}

	public static TrustedDocuments of(Map<String, String> documents, boolean only) {
		return new TrustedDocuments(documents, only);
	}

	public static PersistedQueries persistedQueries(TrustedDocuments trusted) {
		return new PersistedQueries(1_000_000, trusted);
	}

	public static String hash(String text) {
		return Sha256.hex(text);
	}

}
