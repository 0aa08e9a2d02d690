/** A file in a community's library; size, type and version number are its current version's. */
export interface CommunityFilesTable {
  id: number;
  community_id: number;
  name: string;
  description: string;
  current_version_id: number;
  current_version: number;
  size: number;
  mime: string;
  versions_count: number;
  /** The file's owner: who uploaded the first version. */
  uploaded_by_id: number;
  created_at: number;
  updated_at: number;
}

/** One uploaded version of a file; its bytes are at `storage_key` under the files folder. */
export interface FileVersionsTable {
  id: number;
  file_id: number;
  n: number;
  storage_key: string;
  /** The name it was uploaded with. */
  filename: string;
  size: number;
  mime: string;
  sha256: string;
  uploaded_by_id: number;
  created_at: number;
}

/** Words of each file's name, for prefix search. */
export interface CommunityFileTermsTable {
  term: string;
  file_id: number;
}

/** Bytes of every stored version in a community, kept in step with uploads and deletions. */
export interface CommunityFileUsageTable {
  community_id: number;
  bytes: number;
  files_count: number;
}
