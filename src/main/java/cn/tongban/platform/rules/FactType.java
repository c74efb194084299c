package cn.tongban.platform.rules;

/** The kind of value a fact holds. */
public enum FactType {

	TEXT, NUMBER, BOOLEAN

}
