/**
 * Reference data (基础数据): departments, regions and life events, read by every other business
 * module through {@link cn.tongban.reference.References}. Depends on {@code platform} only.
 */
package cn.tongban.reference;
