/**
 * What reads a metric no process exposes yet (metrics-to-add.ts), listed by hand: the live test lets exactly these
 * panel queries come back empty and fails if any of them returns data (then delete its line), and the static tests
 * fail if a query, alert or SLO reads an awaited metric without being listed here. The second pass empties all three.
 */

/** `<dashboard uid> / <panel title> / <refId>` of each query that may return no data yet. */
export const PANEL_QUERIES_AWAITING_METRICS: string[] = [
  'tripwise-business / Revenue per minute (minor units) / A', // booking_revenue_minor_units_total
  'tripwise-business / Booking attempts by outcome / A', // booking_attempts_total
  'tripwise-business / Plans per minute by outcome / A', // ai_plans_ended_total
  'tripwise-business / Plans that ask back or find nothing / A', // ai_plans_ended_total
  'tripwise-business / Deals published per hour / A', // ai_deals_published_total
  'tripwise-business / Price watches / A', // ai_watches_active
  'tripwise-business / Price watches / B', // ai_watch_alerts_total
  'tripwise-realtime / Sockets per agent instance / A', // ai_agent_sockets_connected
  'tripwise-realtime / Disconnects by reason / A', // ai_agent_socket_disconnects_total
  'tripwise-realtime / WebSocket upgrades at the gateway / A', // gateway_websocket_upgrades_total
  'tripwise-realtime / Delivery latency / A', // ai_agent_event_delivery_seconds_bucket
  'tripwise-realtime / Delivery latency / B', // ai_agent_event_delivery_seconds_bucket
  'tripwise-realtime / Events delivered by kind / A', // ai_agent_event_delivery_seconds_count
  'tripwise-realtime / Resumes after a reconnect / A', // ai_agent_job_resumes_total
  'tripwise-realtime / Resumes after a reconnect / B', // ai_agent_events_replayed_total
  'tripwise-api-gateway / WebSocket upgrades / A', // gateway_websocket_upgrades_total
  'tripwise-api-gateway / Memory / D', // nodejs_heap_size_limit_bytes
  'tripwise-api-gateway / Dependencies answering / A', // tripwise_dependency_up
  'tripwise-api-gateway / Key-value store commands p95 / A', // kv_command_duration_seconds_bucket
  'tripwise-auth / Sign-ins by outcome / A', // auth_logins_total
  'tripwise-auth / Second-factor challenges / A', // auth_mfa_challenges_total
  'tripwise-auth / Refresh-token reuse detected / A', // auth_refresh_reuse_detected_total
  'tripwise-auth / Memory / D', // nodejs_heap_size_limit_bytes
  'tripwise-auth / Dependencies answering / A', // tripwise_dependency_up
  'tripwise-auth / Key-value store commands p95 / A', // kv_command_duration_seconds_bucket
  'tripwise-auth / Database pool / A', // db_pool_connections
  'tripwise-auth / Database queries p95 / A', // db_query_duration_seconds_bucket
  'tripwise-search / Holds by outcome / A', // search_holds_total
  'tripwise-search / Memory / D', // nodejs_heap_size_limit_bytes
  'tripwise-search / Dependencies answering / A', // tripwise_dependency_up
  'tripwise-search / Key-value store commands p95 / A', // kv_command_duration_seconds_bucket
  'tripwise-search / Database pool / A', // db_pool_connections
  'tripwise-search / Database queries p95 / A', // db_query_duration_seconds_bucket
  'tripwise-booking / Saga steps / A', // booking_saga_steps_total
  'tripwise-booking / Recoveries / A', // booking_saga_recoveries_total
  'tripwise-booking / Recoveries / B', // booking_saga_awaiting_recovery
  'tripwise-booking / Card authorisations / A', // booking_payments_total
  'tripwise-booking / Memory / D', // nodejs_heap_size_limit_bytes
  'tripwise-booking / Dependencies answering / A', // tripwise_dependency_up
  'tripwise-booking / Key-value store commands p95 / A', // kv_command_duration_seconds_bucket
  'tripwise-booking / Database pool / A', // db_pool_connections
  'tripwise-booking / Database queries p95 / A', // db_query_duration_seconds_bucket
  'tripwise-booking / Calls to other services / A', // upstream_request_duration_seconds_count
  'tripwise-ai-agent / Plans by outcome / A', // ai_plans_ended_total
  'tripwise-ai-agent / Time to first progress and to result (p95) / A', // ai_plan_first_progress_seconds_bucket
  'tripwise-ai-agent / Time to first progress and to result (p95) / B', // ai_plan_duration_seconds_bucket
  'tripwise-ai-agent / Memory / D', // nodejs_heap_size_limit_bytes
  'tripwise-ai-agent / Dependencies answering / A', // tripwise_dependency_up
  'tripwise-ai-agent / Key-value store commands p95 / A', // kv_command_duration_seconds_bucket
  'tripwise-ai-agent / Database pool / A', // db_pool_connections
  'tripwise-ai-agent / Database queries p95 / A', // db_query_duration_seconds_bucket
  'tripwise-ai-agent / Calls to other services / A', // upstream_request_duration_seconds_count
];

/** Alerts that cannot fire until their metric exists (their promtool tests already use its name). */
export const ALERTS_AWAITING_METRICS: string[] = [
  'TripwiseDatabaseUnreachable', // tripwise_dependency_up
  'TripwiseRedisUnreachable', // tripwise_dependency_up
  'TripwiseHeapNearLimit', // nodejs_heap_size_limit_bytes
  'TripwiseBookingRecoveriesPilingUp', // booking_saga_awaiting_recovery
  'TripwiseSocketDisconnectStorm', // ai_agent_socket_disconnects_total, ai_agent_sockets_connected
  'TripwiseEdgeCertificateExpiry', // probe_ssl_earliest_cert_expiry (a blackbox exporter probing the edge)
];

/** SLOs whose indicator is not measured yet: their rules evaluate to nothing (0/0) until it is. */
export const SLOS_AWAITING_METRICS: string[] = [
  'ai-planning-availability', // ai_plans_ended_total
  'ai-planning-latency', // ai_plan_duration_seconds
];
