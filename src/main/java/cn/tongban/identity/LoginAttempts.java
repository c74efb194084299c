package cn.tongban.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Failed sign-ins for one mobile number or account ({@code key}) and the lock they caused. */
@Document("login_attempts")
record LoginAttempts(@Id String key, int failures, Instant windowStart, Instant lockedUntil) {

}
