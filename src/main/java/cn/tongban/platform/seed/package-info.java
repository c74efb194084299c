/**
 * Seed loading: modules implement {@link cn.tongban.platform.seed.Seeder} for their own collections.
 */
@NamedInterface("seed")
package cn.tongban.platform.seed;

import org.springframework.modulith.NamedInterface;
