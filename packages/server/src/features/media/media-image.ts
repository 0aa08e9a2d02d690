import { STATUS_LIMITS } from '@rapport/schema';
import sharp, { type Metadata } from 'sharp';
import { HttpError } from '../../errors';
import { sniffImageType } from '../../lib/images';

/**
 * The most pixels (per frame) an upload may have at all: 7680x4320, what the instance
 * advertises as `image_matrix_limit`. Larger files are refused before being decoded.
 */
export const MAX_INPUT_PIXELS = STATUS_LIMITS.imagePixels * 4;
/** All frames of an animation together; bounds the work one upload can cause. */
const MAX_ANIMATION_PIXELS = 100_000_000;
/** Previews fit in a 640x640 box, as Mastodon's `small` does in practice. */
const PREVIEW_SIZE = 640;

const FORMATS = {
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
  png: { extension: 'png', contentType: 'image/png' },
  gif: { extension: 'gif', contentType: 'image/gif' },
  webp: { extension: 'webp', contentType: 'image/webp' },
} as const;
type Format = keyof typeof FORMATS;

export interface StoredImage {
  data: Buffer;
  extension: string;
  contentType: string;
  width: number;
  height: number;
}

export interface ProcessedMedia {
  original: StoredImage;
  preview: StoredImage;
}

const typeNotSupported = () =>
  new HttpError(
    422,
    'validation_failed',
    'Validation failed: File type not supported (upload a JPEG, PNG, GIF or WebP image)',
    { file: ['type not supported (upload a JPEG, PNG, GIF or WebP image)'] },
  );

const unreadable = () =>
  new HttpError(422, 'validation_failed', 'Validation failed: File could not be read as an image', {
    file: ['could not be read as an image'],
  });

/**
 * Checks an uploaded image and re-encodes it: the type comes from the bytes (the file name
 * and declared type are the uploader's claims), re-encoding drops metadata such as GPS
 * positions and anything hidden after the image data, EXIF rotation is applied, and an
 * original above STATUS_LIMITS.imagePixels is scaled down to it, as Mastodon does.
 * Animated GIF and WebP stay animated; their preview is the first frame.
 */
export async function processMediaImage(data: Uint8Array): Promise<ProcessedMedia> {
  if (data.length > STATUS_LIMITS.imageBytes) {
    const mb = STATUS_LIMITS.imageBytes / 1024 / 1024;
    throw new HttpError(413, 'payload_too_large', `The file must be at most ${mb} MB`, {
      file: [`must be at most ${mb} MB`],
    });
  }
  // The magic bytes first, so nothing else (SVG, TIFF, HEIF...) reaches sharp's decoders.
  if (!sniffImageType(data)) throw typeNotSupported();
  let meta: Metadata;
  try {
    meta = await sharp(data, { animated: true, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const format = meta.format as string;
  if (!Object.hasOwn(FORMATS, format)) throw typeNotSupported();
  const frames = meta.pages ?? 1;
  const width = meta.width ?? 0;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  if (width === 0 || frameHeight === 0) throw unreadable();
  if (
    width * frameHeight > MAX_INPUT_PIXELS ||
    width * frameHeight * frames > MAX_ANIMATION_PIXELS
  ) {
    throw new HttpError(
      422,
      'validation_failed',
      `Validation failed: File has too many pixels (at most ${MAX_INPUT_PIXELS.toLocaleString('en')}, e.g. 7680x4320)`,
      { file: [`has too many pixels (at most ${MAX_INPUT_PIXELS.toLocaleString('en')})`] },
    );
  }
  try {
    return {
      original: await encodeOriginal(data, meta, frameHeight),
      preview: await encodePreview(data),
    };
  } catch {
    throw unreadable();
  }
}

/** The size that keeps the aspect ratio and holds at most `pixels` pixels. */
function fitPixels(width: number, height: number, pixels: number) {
  if (width * height <= pixels) return { width, height };
  const scale = Math.sqrt(pixels / (width * height));
  return {
    width: Math.max(1, Math.floor(width * scale)),
    height: Math.max(1, Math.floor(height * scale)),
  };
}

async function encodeOriginal(
  data: Uint8Array,
  meta: Metadata,
  frameHeight: number,
): Promise<StoredImage> {
  const format = meta.format as Format;
  const animated = (meta.pages ?? 1) > 1;
  // EXIF orientations 5 to 8 turn the picture a quarter: width and height swap.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? frameHeight : (meta.width as number);
  const height = turned ? (meta.width as number) : frameHeight;
  const target = fitPixels(width, height, STATUS_LIMITS.imagePixels);
  const image = sharp(data, { animated, limitInputPixels: MAX_ANIMATION_PIXELS }).rotate();
  if (target.width !== width || target.height !== height) {
    image.resize(target.width, target.height, { fit: 'fill' });
  }
  if (format === 'jpeg') image.jpeg({ quality: 90, mozjpeg: true });
  else if (format === 'png') image.png();
  else if (format === 'webp') image.webp({ quality: 90 });
  else image.gif();
  const { data: output, info } = await image.toBuffer({ resolveWithObject: true });
  return {
    data: output,
    ...FORMATS[format],
    width: info.width,
    height: info.pageHeight ?? info.height,
  };
}

/** The first frame, within PREVIEW_SIZE: PNG when it has transparency, JPEG otherwise. */
async function encodePreview(data: Uint8Array): Promise<StoredImage> {
  const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true });
  const { hasAlpha } = await image.metadata();
  const encoded = hasAlpha ? image.png() : image.jpeg({ quality: 80, mozjpeg: true });
  const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    data: output,
    ...(hasAlpha ? FORMATS.png : FORMATS.jpeg),
    width: info.width,
    height: info.height,
  };
}
