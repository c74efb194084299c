package cn.tongban.catalog;

/**
 * The plans' KPIs computed from the active items of a region (or of the whole catalogue).
 *
 * @param mobileHandleableRate 掌上可办率: items with the mobile channel
 * @param certificateCoverageRate 用证覆盖率: items with materials where at least one material can
 * be replaced by an e-certificate, over items that ask for materials at all
 * @param zeroVisitRate 零跑腿: items needing no visit
 * @param timeLimitReductionRate 承诺时限压缩率: 1 − average promised / average legal time limit
 */
public record CatalogStatistics(String regionCode, long activeItemCount, Rate mobileHandleableRate,
		Rate certificateCoverageRate, Rate zeroVisitRate, double averageLegalTimeLimitDays,
		double averagePromisedTimeLimitDays, double timeLimitReductionRate) {

	/** A share with its parts and, where the plans set one, its target. */
	public record Rate(long numerator, long denominator, Double target) {

		public double value() {
			return (this.denominator == 0) ? 0 : (double) this.numerator / this.denominator;
		}

		public Boolean targetMet() {
			return (this.target == null) ? null : value() >= this.target;
		}

	}

}
