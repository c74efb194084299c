package cn.tongban.code;

/** Who a code stands for: a person (居民码) or an enterprise (企业码). */
enum HolderKind {

	PERSON, ENTERPRISE

}
