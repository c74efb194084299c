/**
 * 消息中心: a resident's inbox of progress, reminders and offers, posted by the other modules through
 * {@link cn.tongban.message.MessageCentre}, and a text message for the kinds the resident chose,
 * within a daily cap.
 */
package cn.tongban.message;
