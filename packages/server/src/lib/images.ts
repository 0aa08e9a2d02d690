import sharp from 'sharp';
import { HttpError } from '../errors';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/**
 * The type a file really is, from its first bytes; the name and the declared type are the
 * uploader's claims and are ignored.
 */
export function sniffImageType(data: Uint8Array): ImageType | undefined {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => data[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (data[4] === 0x37 || data[4] === 0x39) && data[5] === 0x61)
    return 'image/gif';
  const ascii = (from: number, to: number) =>
    Buffer.from(data.subarray(from, to)).toString('latin1');
  if (data.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

export interface ProcessedImage {
  data: Buffer;
  extension: 'png' | 'jpg';
  contentType: 'image/png' | 'image/jpeg';
}

/**
 * Checks an uploaded avatar and re-encodes it as a square: re-encoding drops metadata (GPS
 * positions in photos) and anything hidden after the image data.
 */
export async function processAvatar(
  data: Uint8Array,
  maxBytes: number,
  field = 'avatar',
): Promise<ProcessedImage> {
  if (data.length > maxBytes) {
    throw new HttpError(
      413,
      'payload_too_large',
      `The ${field} must be at most ${Math.floor(maxBytes / 1024 / 1024)} MB`,
    );
  }
  if (!sniffImageType(data)) {
    throw new HttpError(
      422,
      'validation_failed',
      `The ${field} must be a PNG, JPEG, GIF or WebP image`,
      { [field]: ['must be a PNG, JPEG, GIF or WebP image'] },
    );
  }
  try {
    const image = sharp(data, { limitInputPixels: 40_000_000, animated: false }).rotate();
    const { hasAlpha } = await image.metadata();
    const square = image.resize(400, 400, { fit: 'cover', position: 'attention' });
    return hasAlpha
      ? { data: await square.png().toBuffer(), extension: 'png', contentType: 'image/png' }
      : {
          data: await square.jpeg({ quality: 85 }).toBuffer(),
          extension: 'jpg',
          contentType: 'image/jpeg',
        };
  } catch {
    throw new HttpError(422, 'validation_failed', `The ${field} could not be read as an image`, {
      [field]: ['could not be read as an image'],
    });
  }
}
