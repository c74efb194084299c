package cn.tongban.platform;

/**
 * Which database the application runs on: the embedded one lives inside this process and its files
 * are this process's (the search index may be kept beside them). Other instances may still join it
 * on a fixed port ({@code TONGBAN_MONGODB_PORT}), so nothing that keeps instances in step is skipped
 * for it.
 */
public record DatabaseMode(boolean embedded) {
}
