import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

/**
 * Fails the build when the JavaScript a first visit must download (the entry chunk and everything it imports
 * statically) is over budget, gzipped. Pages load as separate chunks and do not count.
 */
export function performanceBudget(maxInitialGzipBytes: number): Plugin {
  return {
    name: 'tripwise-performance-budget',
    apply: 'build',
    generateBundle(_options, bundle: Rolldown.OutputBundle) {
      const chunks = Object.values(bundle).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
      const gzipped = [...initial].reduce((sum, name) => sum + gzipSync(byName.get(name)?.code ?? '').length, 0);
      const summary = `initial JavaScript ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${(maxInitialGzipBytes / 1024).toFixed(0)} KB) in ${initial.size} chunk(s)`;
      if (gzipped > maxInitialGzipBytes) this.error(`over the performance budget: ${summary}`);
      this.info(summary);
    },
  };
}
