/**
 * How a module's writes reach the disk: by default each is synced before its answer; {@link
 * cn.tongban.platform.durability.Unsynced} writes are covered by the caller's next synced write.
 */
@NamedInterface("durability")
package cn.tongban.platform.durability;

import org.springframework.modulith.NamedInterface;
