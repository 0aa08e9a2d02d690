import fs from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from './lib/tokens';

/** Uploaded files on local disk under RAPPORT_DATA_DIR/media, served at /media/. */
export class MediaStore {
  constructor(
    readonly root: string,
    private readonly publicUrl: string,
  ) {}

  /** Stores `data` under a fresh unguessable name in `folder`; returns the relative path. */
  async put(folder: string, extension: string, data: Uint8Array): Promise<string> {
    const relative = `${folder}/${randomToken(16)}.${extension}`;
    const target = path.join(this.root, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, data, { flag: 'wx' });
    return relative;
  }

  async remove(relative: string): Promise<void> {
    await fs.rm(path.join(this.root, relative), { force: true });
  }

  url(relative: string): string {
    return `${this.publicUrl}/media/${relative}`;
  }
}
