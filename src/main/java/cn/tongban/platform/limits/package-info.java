/**
 * Budgets shared by every instance (共享限流): token buckets kept in the database, so a resident,
 * an integrator or an address gets the same budget however many instances serve it.
 */
@NamedInterface("limits")
package cn.tongban.platform.limits;

import org.springframework.modulith.NamedInterface;
