/**
 * 就近办 and 预约: service halls (政务服务中心, 便民服务中心, 便民服务站) with their hours and the items
 * they handle, and appointments at their windows. Uses the catalog module's public service for
 * items and regions.
 */
package cn.tongban.hall;
