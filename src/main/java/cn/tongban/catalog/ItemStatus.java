package cn.tongban.catalog;

public enum ItemStatus {

	ACTIVE, RETIRED

}
