import { describe, expect, it } from 'vitest';
import { attachmentName } from './network-api';

describe('attachmentName', () => {
  it('reads the file name the server gives the export', () => {
    expect(attachmentName('attachment; filename="rapport-relationships-ana.json"')).toBe(
      'rapport-relationships-ana.json',
    );
    expect(attachmentName('attachment; filename=data.json')).toBe('data.json');
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });
});
