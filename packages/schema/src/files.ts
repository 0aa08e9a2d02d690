import { z } from 'zod';
import { Account } from './accounts';
import { CursorQuery, DateTime, FormInt, Id, UploadedFile } from './common';
import { CommunityRef } from './communities';
import { FILE_LIMITS } from './limits';

/**
 * A file in a community's library. Its type, size and download are those of its current
 * version; older versions stay downloadable until the file is deleted.
 */
export const CommunityFile = z.object({
  id: Id,
  /** The name it is downloaded under; kept across versions. */
  name: z.string(),
  description: z.string(),
  /** The type detected from the current version's bytes. */
  mime: z.string(),
  /** Bytes of the current version. */
  size: z.number().int(),
  community: CommunityRef,
  /** Who uploaded the first version: the file's owner, who may delete it. */
  uploaded_by: Account,
  versions_count: z.number().int(),
  /** Number of the current version (1, 2, ...). */
  current_version: z.number().int(),
  created_at: DateTime,
  updated_at: DateTime,
  download_url: z.string(),
  /** Whether the viewer may delete it (its owner, or an owner or moderator of the community). */
  can_delete: z.boolean(),
  /** Whether the viewer may upload a new version (a member of the community). */
  can_add_version: z.boolean(),
});
export type CommunityFile = z.infer<typeof CommunityFile>;

export const FileVersion = z.object({
  id: Id,
  /** 1 for the first upload, then 2, 3, ... */
  n: z.number().int(),
  /** The name the version was uploaded with (the file keeps its own name). */
  filename: z.string(),
  size: z.number().int(),
  mime: z.string(),
  /** Hex SHA-256 of the bytes, to check a download. */
  sha256: z.string(),
  uploaded_by: Account,
  created_at: DateTime,
  current: z.boolean(),
  download_url: z.string(),
});
export type FileVersion = z.infer<typeof FileVersion>;

/** A community's library as a whole: room left, limits, and whether the viewer may add to it. */
export const FileLibrary = z.object({
  community: CommunityRef,
  files_count: z.number().int(),
  /** Bytes of every stored version of every file. */
  used_bytes: z.number().int(),
  quota_bytes: z.number().int(),
  max_file_bytes: z.number().int(),
  /** Extensions accepted, without the dot. */
  accepted_extensions: z.array(z.string()),
  can_upload: z.boolean(),
});
export type FileLibrary = z.infer<typeof FileLibrary>;

export const FileUploadInput = z.object({
  file: UploadedFile,
  description: z
    .string()
    .max(FILE_LIMITS.description, `must be at most ${FILE_LIMITS.description} characters`)
    .optional(),
});
export type FileUploadInput = z.infer<typeof FileUploadInput>;

export const FileVersionInput = z.object({ file: UploadedFile });
export type FileVersionInput = z.infer<typeof FileVersionInput>;

export const FilesQuery = CursorQuery;
export type FilesQuery = z.infer<typeof FilesQuery>;

export const FileDownloadQuery = z.object({
  version: FormInt.pipe(z.number().int().min(1)).optional(),
});
export type FileDownloadQuery = z.infer<typeof FileDownloadQuery>;
