package cn.tongban.platform.seed;

/**
 * A module's seed step. Each module seeds only its own collections; {@link SeedRunner} calls the
 * steps in {@link #order()} (reference data before the data that points at it).
 */
public interface Seeder {

	int order();

	void seed(SeedFiles files);

}
