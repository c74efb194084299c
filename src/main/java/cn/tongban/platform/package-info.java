/**
 * Cross-cutting parts with no business meaning: the database connection (embedded by default),
 * GraphQL wiring and seeding. Business modules may use the named interfaces only.
 */
package cn.tongban.platform;
