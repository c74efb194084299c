package cn.tongban.catalog;

public enum MaterialForm {

	ORIGINAL, COPY, ORIGINAL_AND_COPY, ELECTRONIC

}
