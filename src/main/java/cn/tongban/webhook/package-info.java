/**
 * Webhooks for integrators (Standard Webhooks): endpoints an integrator registers for the event kinds
 * it is entitled to, a durable outbox of thin events delivered in order with signed requests,
 * retries with backoff, pausing after a day of failures, a delivery log and replay. Other modules
 * emit events through {@link cn.tongban.webhook.Webhooks}.
 */
package cn.tongban.webhook;
