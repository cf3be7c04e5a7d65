export {
  allowedOriginsSchema,
  baseEnvSchema,
  envBoolean,
  portSchema,
  serviceEnvSchema,
  tokenCheckingServiceEnvSchema,
  storageEnvSchema,
  tokenVerificationEnvSchema,
  type TokenVerificationEnv,
  type BaseEnv,
  type StorageEnv,
} from './base-env.schema.ts';
export { ConfigError, loadConfigOrExit, parseConfig } from './load-config.ts';
export { loadServiceToken, readOrCreateSecretFile } from './local-secret-file.ts';
