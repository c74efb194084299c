package cn.tongban.reference;

/** 行政层级 of a region and of the implementation of an item there. */
public enum RegionLevel {

	CITY, DISTRICT

}
