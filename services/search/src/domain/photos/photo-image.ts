import sharp, { type Metadata } from 'sharp';
import { PHOTO_UPLOAD } from '@tripwise/contracts';
import { AppError, badRequest } from '@tripwise/platform/errors';

/** What an upload may be: its content type, bytes and pixels (a decompression bomb is refused before decoding). */
export const PHOTO_LIMITS = PHOTO_UPLOAD;
const FORMATS: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/** The renditions stored of every photo: a large one for the details page, a card-sized crop for results. */
export const RENDITIONS = { large: 1600, card: { width: 480, height: 320 } } as const;

export interface ProcessedPhoto {
  large: Buffer;
  card: Buffer;
  width: number;
  height: number;
}

const unreadable = () =>
  badRequest('The file is not a readable JPEG, PNG or WebP image.', [
    { in: 'body', field: 'body', message: 'not a readable JPEG, PNG or WebP image' },
  ]);

/**
 * Decodes an upload (its real format must be the one it claims), turns it upright, and re-encodes it as WebP in two
 * sizes. Re-encoding drops every metadata block (EXIF with its GPS position, XMP, ICC comments): sharp keeps none
 * unless asked to.
 */
export async function processPhoto(bytes: Buffer, contentType: string): Promise<ProcessedPhoto> {
  const options = { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'error' as const };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooManyPixels();
    throw unreadable();
  }
  if (meta.format !== FORMATS[contentType]) {
    throw badRequest(`The file is ${meta.format ?? 'not an image'}, not the ${contentType} it says it is.`, [
      { in: 'headers', field: 'content-type', message: `does not match the file (${meta.format ?? 'unknown'})` },
    ]);
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > PHOTO_LIMITS.maxPixels) throw tooManyPixels();
  // EXIF orientations 5-8 swap the sides once the image is turned upright.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (Math.min(width, height) < PHOTO_LIMITS.minSide) {
    throw badRequest(`A photo must be at least ${PHOTO_LIMITS.minSide} pixels on each side.`, [
      { in: 'body', field: 'body', message: `smaller than ${PHOTO_LIMITS.minSide}×${PHOTO_LIMITS.minSide} pixels` },
    ]);
  }
  try {
    const upright = sharp(bytes, options).rotate();
    const [large, card] = await Promise.all([
      upright
        .clone()
        .resize({ width: RENDITIONS.large, height: RENDITIONS.large, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true }),
      upright
        .clone()
        .resize({ ...RENDITIONS.card, fit: 'cover', position: 'attention' })
        .webp({ quality: 75 })
        .toBuffer(),
    ]);
    return { large: large.data, card, width: large.info.width, height: large.info.height };
  } catch {
    throw unreadable();
  }
}

function tooManyPixels() {
  return new AppError('too-many-pixels', 413, 'Image too large', {
    detail: `A photo may have at most ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels.`,
    errors: [{ in: 'body', field: 'body', message: `more than ${PHOTO_LIMITS.maxPixels} pixels` }],
  });
}
