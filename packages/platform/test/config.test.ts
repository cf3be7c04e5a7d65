import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  envBoolean,
  parseConfig,
  portSchema,
  serviceEnvSchema,
  tokenCheckingServiceEnvSchema,
} from '@tripwise/platform/config';

const schema = serviceEnvSchema(4001).extend({ FLAG: envBoolean(false) });

describe('parseConfig', () => {
  test('When the environment is empty, then every default applies and the result is frozen', () => {
    const config = parseConfig(schema, {});
    expect(config).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      REDIS_PREFIX: 'tw:',
      FLAG: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).not.toHaveProperty('AUTH_URL');
  });

  test('When a service checks access tokens, then its config also says where auth publishes its keys', () => {
    const config = parseConfig(tokenCheckingServiceEnvSchema(4003), { TOKEN_AUDIENCE: 'tw' });
    expect(config).toMatchObject({ PORT: 4003, AUTH_URL: 'http://127.0.0.1:4001', TOKEN_AUDIENCE: 'tw' });
    expect(config).toHaveProperty('DATA_DIR', 'data');
  });

  test('When values are given as strings, then they are coerced to their types', () => {
    const config = parseConfig(schema, {
      PORT: '0',
      FLAG: 'true',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tripwise',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config).toMatchObject({
      PORT: 0,
      FLAG: true,
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tripwise',
    });
  });

  test('When a variable is empty, then it counts as unset', () => {
    expect(parseConfig(schema, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  test('When several variables are bad, then the error names each of them and what it expected', () => {
    const attempt = () =>
      parseConfig(schema, { PORT: 'abc', LOG_LEVEL: 'loud', FLAG: 'yes', DATABASE_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const { problems } = err as ConfigError;
      expect(problems).toHaveLength(4);
      expect(problems).toContain('PORT: expected a port number from 0 to 65535');
      expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toMatch(/expected one of/);
      expect(problems.find((p) => p.startsWith('FLAG:'))).toBeDefined();
      expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toBeDefined();
    }
  });

  test('When a port is out of range or fractional, then it is refused', () => {
    for (const PORT of ['70000', '-1', '80.5']) {
      expect(() => parseConfig(z.object({ PORT: portSchema(1) }), { PORT })).toThrow(/PORT: expected a port number/);
    }
  });
});
