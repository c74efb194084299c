package cn.tongban.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a webhook may be sent (SSRF): an absolute https URL (http only where private addresses are
 * allowed, as in the default run), no user info, and a host whose every address is public — not
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), unspecified or multicast.
 * Checked at registration and again before each delivery (a name may resolve elsewhere later).
 */
final class EndpointAddresses {

	static final int MAX_URL_LENGTH = 2048;

	private EndpointAddresses() {
	}

	/** The URL, or why it is refused. */
	static URI parse(String url, boolean allowPrivate) {
		if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
			throw new Refused("the URL must be 1 to " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new Refused("not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase() : "";
		if (!(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
			throw new Refused(allowPrivate ? "the URL must be http or https" : "the URL must be https");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw new Refused("the URL needs a host and no user info or fragment");
		}
		return uri;
	}

	/** Resolves the host now: every address must be public unless private ones are allowed. */
	static void checkResolved(URI uri, boolean allowPrivate) {
		if (allowPrivate) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new Refused("the host does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new Refused("the host resolves to a non-public address");
			}
		}
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 benchmarking
			return !(first == 100 && second >= 64 && second < 128) && first != 0
					&& !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) && !(first == 198 && (second == 18 || second == 19));
		}
		// fc00::/7 unique local
		return (bytes[0] & 0xfe) != 0xfc;
	}

	/** A URL that may not receive webhooks, with the reason. */
	static final class Refused extends RuntimeException {

		Refused(String reason) {
			super(reason, null, false, false);
		}

	}

}
