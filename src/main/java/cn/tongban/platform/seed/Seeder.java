package cn.tongban.platform.seed;

/**
 * A module's seed step. Each module seeds only its own collections; {@link SeedRunner} starts a
 * step once every step it {@link #needs(Seeder) needs} is done (reference data before the data that
 * points at it), so steps that need nothing of each other run side by side.
 */
public interface Seeder {

	int order();

	void seed(SeedFiles files);

	/** Whether {@code other} must be done before this step starts; by default every step of a lower order. */
	default boolean needs(Seeder other) {
		return other.order() < order();
	}

}
