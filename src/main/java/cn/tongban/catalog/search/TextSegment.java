package cn.tongban.catalog.search;

/** A run of text, marked when it matched the search: the app renders matched runs highlighted. */
public record TextSegment(String text, boolean matched) {
}
