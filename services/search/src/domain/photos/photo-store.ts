import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessedPhoto } from './photo-image.ts';

export type Rendition = 'large' | 'card';
/** A stored file's name: its key and rendition. Keys are lower-case letters, digits and dashes. */
export const PHOTO_FILE = /^([a-z0-9-]{8,64})-(large|card)\.webp$/;
export const fileName = (key: string, rendition: Rendition) => `${key}-${rendition}.webp`;
/** Where a photo is fetched from, through the gateway (public: the key cannot be guessed). */
export const photoUrl = (key: string, rendition: Rendition) => `/api/search/photos/${fileName(key, rendition)}`;

/** The photos' files in one folder of the service's own (the data folder, or a volume in compose). */
export interface PhotoStore {
  dir: string;
  /** Writes both renditions under a new random key (each written whole, then renamed into place). */
  save(photo: Pick<ProcessedPhoto, 'large' | 'card'>, key?: string): Promise<string>;
  exists(key: string): Promise<boolean>;
  remove(keys: string[]): Promise<void>;
}

export function createPhotoStore(dir: string): PhotoStore {
  let made: Promise<unknown> | undefined;
  const ready = () => (made ??= mkdir(dir, { recursive: true }));
  const writeWhole = async (name: string, bytes: Buffer) => {
    const draft = join(dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
    await writeFile(draft, bytes);
    await rename(draft, join(dir, name));
  };
  return {
    dir,
    async save(photo, key = randomBytes(16).toString('hex')) {
      await ready();
      try {
        await writeWhole(fileName(key, 'large'), photo.large);
        await writeWhole(fileName(key, 'card'), photo.card);
      } catch (err) {
        await this.remove([key]);
        throw err;
      }
      return key;
    },
    async exists(key) {
      try {
        await stat(join(dir, fileName(key, 'card')));
        return true;
      } catch {
        return false;
      }
    },
    async remove(keys) {
      for (const key of keys) {
        // Shared demo images are never removed: other demo listings show them too.
        if (key.startsWith('demo-')) continue;
        for (const r of ['large', 'card'] as const) await rm(join(dir, fileName(key, r)), { force: true });
      }
    },
  };
}
