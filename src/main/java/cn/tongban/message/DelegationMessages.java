package cn.tongban.message;

import java.time.format.DateTimeFormatter;

import cn.tongban.identity.DelegationNotice;
import cn.tongban.platform.ChinaTime;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the represented adult about 亲情代办: a relative authorised, acting for them (at most one
 * message an hour per delegation: the message id names the hour), or the authorisation ended.
 */
@Component
class DelegationMessages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ChinaTime.ZONE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ChinaTime.ZONE);

	private final MessageCentre messages;

	DelegationMessages(MessageCentre messages) {
		this.messages = messages;
	}

	@EventListener
	void on(DelegationNotice notice) {
		String actor = notice.actorName();
		String scopes = String.join("、", notice.scopes());
		switch (notice.kind()) {
			case GRANTED -> this.messages.postAfterChange(
					"dlg:" + notice.delegationId() + ":granted:" + notice.at().toEpochMilli(), notice.representedId(),
					MessageKind.DELEGATION, "已授权" + actor + "代您办事",
					"您已授权 " + actor + " 代您办理：" + scopes + "，至 " + DAY.format(notice.expiresAt())
							+ " 有效。如非本人意愿，请在“亲情代办”中撤销。",
					null);
			case REVOKED -> this.messages.postAfterChange(
					"dlg:" + notice.delegationId() + ":revoked:" + notice.at().toEpochMilli(), notice.representedId(),
					MessageKind.DELEGATION, "亲情代办授权已结束", actor + " 代您办理政务服务的授权已撤销。", null);
			case USED -> this.messages.postAfterChange(
					"dlg:" + notice.delegationId() + ":used:" + HOUR.format(notice.at()), notice.representedId(),
					MessageKind.DELEGATION, actor + "正在代您办事",
					actor + " 于 " + TIME.format(notice.at()) + " 开始代您办理政务服务（" + scopes
							+ "）。可在“亲情代办”中查看办理记录或撤销授权。",
					null);
		}
	}

}
