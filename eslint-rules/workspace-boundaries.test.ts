import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';
import boundaries from './workspace-boundaries.mjs';

const ROOT = join(import.meta.dirname, '..');
const linter = new Linter({ configType: 'flat' });

/** The rule's messages for `code` as if it were the file at `path` (relative to the repository). */
function crossings(path: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parser: tseslint.parser },
          plugins: { tripwise: boundaries },
          rules: { 'tripwise/workspace-boundaries': 'error' },
        },
      ],
      join(ROOT, path),
    )
    .map((m) => m.message);
}

describe('the workspace-boundaries lint rule', () => {
  test('When a service imports another service by a relative path, then lint fails naming both', () => {
    expect(crossings('services/booking/src/domain/x.ts', "import { a } from '../../../search/src/app.ts';")).toEqual([
      expect.stringContaining('services/booking may not import from services/search'),
    ]);
  });

  test('When a service imports another by its package name, or re-exports from it, then lint fails', () => {
    expect(crossings('services/ai-agent/src/x.ts', "export * from '@tripwise/booking';")).toHaveLength(1);
    expect(crossings('api-gateway/src/x.ts', "const m = await import('../../services/auth/src/app.ts');")).toHaveLength(
      1,
    );
  });

  test('When a package imports a service, or a frontend imports server code, then lint fails', () => {
    expect(crossings('packages/contracts/src/x.ts', "import '../../../services/search/src/app.ts';")).toHaveLength(1);
    expect(
      crossings('frontend/web-client/src/x.tsx', "import { logger } from '@tripwise/platform/logger';"),
    ).toHaveLength(1);
    expect(crossings('frontend/admin-portal/src/x.tsx', "import '../../../api-gateway/src/app.ts';")).toHaveLength(1);
  });

  test('When imports stay inside a workspace or reach shared packages, or a test uses a service’s testing export, then lint passes', () => {
    expect(crossings('services/booking/src/x.ts', "import { a } from './domain/y.ts';")).toEqual([]);
    expect(crossings('services/booking/src/x.ts', "import { z } from '@tripwise/platform/http';")).toEqual([]);
    expect(crossings('frontend/web-client/src/x.tsx', "import { s } from '@tripwise/contracts';")).toEqual([]);
    expect(crossings('services/ai-agent/test/x.test.ts', "import { s } from '@tripwise/search/testing';")).toEqual([]);
    // ...but not from the service's own code, nor anything else of it.
    expect(crossings('services/ai-agent/src/x.ts', "import { s } from '@tripwise/search/testing';")).toHaveLength(1);
    expect(crossings('services/ai-agent/test/x.test.ts', "import { s } from '@tripwise/search';")).toHaveLength(1);
  });
});
