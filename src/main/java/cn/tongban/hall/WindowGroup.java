package cn.tongban.hall;

/**
 * A group of windows that serve the same kind of business (综合受理, 不动产登记, …): its queue letter,
 * how many appointments one half-hour slot takes, how many windows serve it and the usual minutes
 * per person (for the queue's estimated wait; 1 window and 10 minutes when not given).
 */
public record WindowGroup(String code, String name, int slotCapacity, int windows, int serviceMinutes) {

	public WindowGroup {
		if (code == null || !code.matches("[A-Z]") || slotCapacity < 1 || slotCapacity > 100) {
			throw new IllegalArgumentException("a window group needs a letter code and a slot capacity of 1 to 100: " + code);
		}
		windows = (windows > 0) ? windows : 1;
		serviceMinutes = (serviceMinutes > 0) ? serviceMinutes : 10;
	}

	public WindowGroup(String code, String name, int slotCapacity) {
		this(code, name, slotCapacity, 1, 10);
	}

}
