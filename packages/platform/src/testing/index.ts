export { testEnv } from './config.ts';
export { captureLogs, type CapturedLogs } from './log-capture.ts';
export { listen, type TestServer } from './listen.ts';
export { availableDbBackends, defaultDbBackend, openTestDb, uniqueSchemaName, type TestDbBackend } from './test-db.ts';
export { startTestIssuer, type TestIssuer, type TestTokenClaims } from './test-issuer.ts';
export { availableKvBackends, deleteRedisKeys, openTestKv, type TestKvBackend } from './test-kv.ts';
export { describeServiceBoot, type ServiceBootSpec } from './describe-service-boot.ts';
export { startTcpFaultProxy, type FaultMode, type TcpFaultProxy } from './tcp-fault-proxy.ts';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';
