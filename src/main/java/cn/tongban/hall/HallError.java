package cn.tongban.hall;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The hall module's error codes (就近办, 预约), sent as {@code extensions.code}; never renamed once published. */
public enum HallError implements ErrorCode {

	HALL_NOT_FOUND(ErrorType.NOT_FOUND, "未找到服务大厅：%s", "No service hall with code %s"),
	WINDOW_GROUP_NOT_FOUND(ErrorType.NOT_FOUND, "该大厅没有窗口组 %s", "The hall has no window group %s"),
	SLOT_NOT_OFFERED(ErrorType.BAD_REQUEST, "该时段不可预约：%s", "This time cannot be booked: %s"),
	SLOT_FULL(ErrorType.BAD_REQUEST, "该时段已约满，请选择其他时段", "This slot is fully booked; choose another"),
	APPOINTMENT_LIMIT(ErrorType.BAD_REQUEST, "最多同时保留 %s 个预约，请先取消或办理已有预约",
			"At most %s open appointments; cancel or attend one first"),
	APPOINTMENT_NOT_FOUND(ErrorType.NOT_FOUND, "未找到您的预约：%s", "You have no open appointment %s"),
	APPOINTMENT_STARTED(ErrorType.BAD_REQUEST, "预约时段已开始，不能再取消或改约", "The appointment has begun; it can no longer be changed"),
	APPOINTMENTS_BLOCKED(ErrorType.BAD_REQUEST, "90 天内爽约 3 次，%s 前不能预约", "Three missed appointments within 90 days: no booking before %s"),
	NOT_A_HALL_KIOSK(ErrorType.FORBIDDEN, "该终端不是服务大厅的取号机", "This terminal is not a service hall's check-in kiosk"),
	NO_APPOINTMENT_TO_CHECK_IN(ErrorType.NOT_FOUND, "没有可在此时签到的本大厅预约（可在预约开始前 60 分钟至开始后 15 分钟签到）",
			"No appointment at this hall to check in now (from 60 minutes before its start to 15 minutes after)"),
	TICKET_NOT_FOUND(ErrorType.NOT_FOUND, "未找到排队号：%s", "No queue ticket %s"),
	TICKET_NOT_CALLED(ErrorType.BAD_REQUEST, "该号尚未叫到或已处理：%s", "Ticket %s has not been called or is already handled"),
	QUEUE_FULL(ErrorType.BAD_REQUEST, "今日该窗口组已取满 %s 个号", "The window group issued all %s tickets of the day");

	private final Text text;

	HallError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
