package cn.tongban.hall;

/**
 * A group of windows that serve the same kind of business (综合受理, 不动产登记, …), with its own queue
 * letter and how many appointments one half-hour slot takes.
 */
public record WindowGroup(String code, String name, int slotCapacity) {

	public WindowGroup {
		if (code == null || !code.matches("[A-Z]") || slotCapacity < 1 || slotCapacity > 100) {
			throw new IllegalArgumentException("a window group needs a letter code and a slot capacity of 1 to 100: " + code);
		}
	}

}
