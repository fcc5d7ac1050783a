// An uploaded photograph made safe to keep: recognised by its first bytes (never by its name or the
// browser's word), decoded within a pixel limit, turned upright, scaled to what a page needs and
// re-encoded, so EXIF (GPS, device, times), XMP and ICC metadata are not carried over.
import sharp from 'sharp';

import { Invalid } from '../platform/errors';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
export interface CleanPhoto {
  bytes: Buffer;
  contentType: PhotoType;
  width: number;
  height: number;
}

// Two cores are shared by the whole service: one libvips thread, and no cache of decoded images.
sharp.concurrency(1);
sharp.cache(false);

const MAX_INPUT_PIXELS = 40_000_000; // a phone camera's largest is about 50 MP after scaling; a "bomb" is far past this
const LONGEST_SIDE = 1600;
export const PHOTO_NOT_IMAGE = 'The file must be a photograph saved as JPEG, PNG or WebP.';
export const PHOTO_TOO_LARGE = 'The photograph must be smaller than 5 MB.';
export const PHOTO_EMPTY = 'Select a photograph to upload.';
export const PHOTO_UNREADABLE =
  'The photograph could not be read. It may be damaged: save it again as JPEG or PNG and upload it.';

/** The type a file's content declares by its magic bytes, or null. */
export function photoTypeOf(b: Buffer): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

const formatOf: Record<PhotoType, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export async function cleanPhoto(file: Buffer | null | undefined): Promise<CleanPhoto> {
  if (!file?.length) throw new Invalid(PHOTO_EMPTY);
  if (file.length > PHOTO_MAX_BYTES) throw new Invalid(PHOTO_TOO_LARGE);
  const contentType = photoTypeOf(file);
  if (!contentType) throw new Invalid(PHOTO_NOT_IMAGE);
  const format = formatOf[contentType];
  try {
    const image = sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });
    // The decoder must agree with the magic bytes: a JPEG header on something else is refused.
    if ((await image.metadata()).format !== format) throw new Invalid(PHOTO_NOT_IMAGE);
    const encoded = image.rotate().resize(LONGEST_SIDE, LONGEST_SIDE, { fit: 'inside', withoutEnlargement: true });
    const out =
      format === 'jpeg'
        ? encoded.jpeg({ quality: 85, mozjpeg: true })
        : format === 'png'
          ? encoded.png()
          : encoded.webp({ quality: 85 });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType, width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof Invalid) throw err;
    throw new Invalid(PHOTO_UNREADABLE);
  }
}
