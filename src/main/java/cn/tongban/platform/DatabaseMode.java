package cn.tongban.platform;

/**
 * Which database the application runs on. The embedded one lives inside this process, so no other
 * instance can share it: work that exists only to follow other instances can be skipped.
 */
public record DatabaseMode(boolean embedded) {
}
