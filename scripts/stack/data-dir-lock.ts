import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Whether a process with this pid is alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the embedded data folder for this run: PGlite has one user per database, so a second stack on the same
 * folder (an `npm run edge` beside an `npm start`) would fail in confusing ways. A claim left by a process that is
 * gone is taken over; one held by a live process stops this one with a clear message. Released at exit.
 */
export async function holdDataDir(dataDir: string, what: string): Promise<void> {
  const lock = join(dataDir, '.stack.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lock, 'wx');
      await file.writeFile(`${process.pid}\n${what}\n`);
      await file.close();
      process.once('exit', () => rmSync(lock, { force: true }));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        await mkdir(dataDir, { recursive: true });
        continue;
      }
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [pid = '', holder = 'another stack'] = (await readFile(lock, 'utf8').catch(() => '')).split('\n');
      if (Number(pid) > 0 && alive(Number(pid))) {
        process.stderr.write(
          `tripwise: ${holder} (pid ${pid}) is already running on ${dataDir}.\n` +
            '  Stop it first, or give this one a data folder of its own: DATA_DIR=/some/other/folder.\n',
        );
        process.exit(1);
      }
      await rm(lock, { force: true });
    }
  }
  throw new Error(`could not claim ${dataDir}`);
}
