import { baseEnvSchema, loadConfigOrExit, storageEnvSchema } from '@tripwise/platform/config';

/** What the migration Job reads: the service's storage variables (as the service itself) and the log level. */
export const migrationConfig = loadConfigOrExit(
  storageEnvSchema.extend({ LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL }),
  process.env,
);
