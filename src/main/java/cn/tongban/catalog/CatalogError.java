package cn.tongban.catalog;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The catalog module's error codes (政务服务事项), sent as {@code extensions.code}; never renamed once published. */
public enum CatalogError implements ErrorCode {

	ITEM_NOT_FOUND(ErrorType.NOT_FOUND, "未找到政务服务事项：%s",
			"No service item with code %s"),
	ITEM_CODE_TAKEN(ErrorType.BAD_REQUEST, "事项编码已存在：%s",
			"A service item with code %s already exists"),
	ITEM_RETIRED(ErrorType.BAD_REQUEST, "事项已停用，不能修改：%s",
			"Service item %s is retired and cannot be changed"),
	SEARCH_INDEX_LOADING(ErrorType.INTERNAL_ERROR, "事项搜索正在启动，请 %s 秒后重试",
			"Search is still starting; retry in %s seconds"),
	FAVOURITES_FULL(ErrorType.BAD_REQUEST, "收藏已满（最多 %s 项），请先移除一些",
			"Favourites are full (at most %s); remove some first");

	private final Text text;

	CatalogError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
