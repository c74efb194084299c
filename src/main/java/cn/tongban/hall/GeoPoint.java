package cn.tongban.hall;

/**
 * A point in GCJ-02 (the datum Chinese map apps use), degrees. Distances are computed on the point's
 * own datum: GCJ-02's offset from WGS-84 is nearly constant across a city, so it cancels out.
 */
public record GeoPoint(double lat, double lng) {

	private static final double EARTH_RADIUS_METERS = 6_371_008.8;

	public GeoPoint {
		if (!(lat >= 3 && lat <= 54) || !(lng >= 73 && lng <= 136)) {
			throw new IllegalArgumentException("not a point in China: " + lat + ", " + lng);
		}
	}

	/** Great-circle (haversine) distance in meters. */
	public double metersTo(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - this.lat);
		double dLng = Math.toRadians(other.lng - this.lng);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(this.lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLng / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
