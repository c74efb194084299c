package cn.tongban.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address) a client may ask for
 * tokens from. Only numeric addresses are accepted (no names: nothing is resolved).
 */
final class AddressRanges {

	static final int MAX_RANGES = 20;

	private AddressRanges() {
	}

	/** Whether the address lies in any range; an empty list allows every address. */
	static boolean allows(List<String> ranges, String address) {
		if (ranges.isEmpty()) {
			return true;
		}
		byte[] given = numeric(address);
		return given != null && ranges.stream().anyMatch((range) -> contains(range, given));
	}

	/** Why a range is not valid, or null when it is. */
	static String problem(String range) {
		String[] parts = range.split("/", 2);
		byte[] base = numeric(parts[0]);
		if (base == null) {
			return range + " is not a numeric IPv4 or IPv6 address";
		}
		if (parts.length == 2) {
			try {
				int bits = Integer.parseInt(parts[1]);
				if (bits < 0 || bits > base.length * 8) {
					return range + " has a prefix outside 0–" + base.length * 8;
				}
			}
			catch (NumberFormatException ex) {
				return range + " has no numeric prefix length";
			}
		}
		return null;
	}

	private static boolean contains(String range, byte[] address) {
		String[] parts = range.split("/", 2);
		byte[] base = numeric(parts[0]);
		if (base == null || base.length != address.length) {
			return false;
		}
		int bits = (parts.length == 2) ? Integer.parseInt(parts[1]) : base.length * 8;
		for (int i = 0; i < base.length && bits > 0; i++, bits -= 8) {
			int mask = (bits >= 8) ? 0xff : (0xff << (8 - bits)) & 0xff;
			if ((base[i] & mask) != (address[i] & mask)) {
				return false;
			}
		}
		return true;
	}

	/** The bytes of a numeric address, or null for anything else (a name is never resolved). */
	private static byte[] numeric(String text) {
		// dotted IPv4, or IPv6 (a colon never occurs in a host name): nothing goes to DNS
		if (text == null || !(text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+")))) {
			return null;
		}
		try {
			return InetAddress.getByName(text).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
