import type { MediaAttachment } from '@rapport/schema';
import { STATUS_LIMITS } from '@rapport/schema/limits';
import { useEffect, useRef, useState } from 'react';
import { uploadMedia } from '../../api/statuses';
import { type DraftAttachment, MAX_ATTACHMENTS } from './compose-draft';

export interface Attachment extends DraftAttachment {
  /** A blob: URL of the chosen file, or the server's preview for an existing attachment. */
  preview: string | null;
  fileName: string;
  file: File | null;
  error: unknown;
}

export type FileProblem =
  | { kind: 'type'; name: string }
  | { kind: 'size'; name: string; size: number }
  | { kind: 'count' };

let counter = 0;
const nextKey = () => `attachment-${++counter}`;

export function existingAttachment(media: MediaAttachment): Attachment {
  const description = media.description ?? '';
  return {
    key: nextKey(),
    state: 'uploaded',
    progress: 1,
    mediaId: media.id,
    description,
    savedDescription: description,
    preview: media.preview_url ?? media.url,
    fileName: '',
    file: null,
    error: null,
  };
}

/** Checks a file before uploading it: type and size, as the server would. */
export function fileProblem(file: File): FileProblem | null {
  if (!(STATUS_LIMITS.imageTypes as readonly string[]).includes(file.type)) {
    return { kind: 'type', name: file.name };
  }
  if (file.size > STATUS_LIMITS.imageBytes)
    return { kind: 'size', name: file.name, size: file.size };
  return null;
}

/**
 * Images attached to a draft. Each uploads as soon as it is chosen (with progress), so the
 * status posts quickly; a failed upload can be retried or removed. Leaving the composer
 * cancels uploads still running.
 */
export function useMediaUploads(initial: () => Attachment[]) {
  const [items, setItems] = useState<Attachment[]>(initial);
  const controllers = useRef(new Map<string, AbortController>());
  const latest = useRef(items);
  latest.current = items;

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      for (const item of latest.current) {
        if (item.file && item.preview) URL.revokeObjectURL(item.preview);
      }
    };
  }, []);

  const patch = (key: string, change: Partial<Attachment>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const upload = (key: string, file: File, description: string) => {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    patch(key, { state: 'uploading', progress: 0, error: null });
    uploadMedia(file, description, (progress) => patch(key, { progress }), controller.signal)
      .then((media) => {
        patch(key, {
          state: 'uploaded',
          progress: 1,
          mediaId: media.id,
          savedDescription: description.trim() ? description : '',
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        patch(key, { state: 'failed', error });
      })
      .finally(() => controllers.current.delete(key));
  };

  /** Adds the files that fit; returns what was refused and why. */
  const add = (files: readonly File[]): FileProblem[] => {
    const problems: FileProblem[] = [];
    const room = MAX_ATTACHMENTS - latest.current.length;
    const accepted: Attachment[] = [];
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      if (accepted.length >= room) {
        if (!problems.some((item) => item.kind === 'count')) problems.push({ kind: 'count' });
        continue;
      }
      accepted.push({
        key: nextKey(),
        state: 'uploading',
        progress: 0,
        mediaId: null,
        description: '',
        savedDescription: '',
        preview: URL.createObjectURL(file),
        fileName: file.name,
        file,
        error: null,
      });
    }
    if (accepted.length > 0) {
      setItems((list) => [...list, ...accepted]);
      for (const item of accepted) if (item.file) upload(item.key, item.file, '');
    }
    return problems;
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    const item = latest.current.find((candidate) => candidate.key === key);
    if (item?.file && item.preview) URL.revokeObjectURL(item.preview);
    setItems((list) => list.filter((candidate) => candidate.key !== key));
  };

  const retry = (key: string) => {
    const item = latest.current.find((candidate) => candidate.key === key);
    if (item?.file) upload(key, item.file, item.description);
  };

  const describe = (key: string, description: string) => patch(key, { description });

  const markSaved = () =>
    setItems((list) => list.map((item) => ({ ...item, savedDescription: item.description })));

  const clear = () => {
    for (const item of latest.current) remove(item.key);
  };

  return { items, add, remove, retry, describe, markSaved, clear };
}
