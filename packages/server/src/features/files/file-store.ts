import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context';
import { randomToken } from '../../lib/tokens';

/** `<community id>/<random>`: made by the server, so no uploaded name ever reaches the disk. */
const KEY = /^\d+\/[A-Za-z0-9_-]+$/;

/**
 * Community files on local disk under RAPPORT_DATA_DIR/files, one folder per community.
 * Unlike /media/ this folder is never served as it is: bytes leave only through the
 * download route, after the visibility check.
 */
export class FileStore {
  constructor(readonly root: string) {}

  static of(ctx: AppContext): FileStore {
    return new FileStore(path.join(ctx.config.dataDir, 'files'));
  }

  /**
   * Writes the bytes under a fresh name: first to a temporary file, flushed to disk, then
   * renamed into place, so a crash never leaves half a file under a real key.
   */
  async put(communityId: number, data: Uint8Array): Promise<string> {
    const key = `${communityId}/${randomToken(24)}`;
    const temporary = path.join(this.root, 'tmp', `${randomToken(16)}.part`);
    await fs.mkdir(path.dirname(temporary), { recursive: true });
    await fs.mkdir(path.dirname(this.pathOf(key)), { recursive: true });
    try {
      const handle = await fs.open(temporary, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, this.pathOf(key));
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a file storage key: ${key}`);
    return path.join(this.root, key);
  }

  read(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  /** Everything a deleted community stored. */
  async removeCommunity(communityId: number): Promise<void> {
    await fs.rm(path.join(this.root, String(communityId)), { recursive: true, force: true });
  }
}
