import type { CredentialAccount } from '@rapport/schema';
import { isMissingAvatar } from '../../components/avatar';

export const PROFILE_ITEMS = [
  'avatar',
  'title',
  'department',
  'location',
  'skills',
  'bio',
] as const;
export type ProfileItem = (typeof PROFILE_ITEMS)[number];

/** What a colleague would miss on this profile, in the order the editor shows it. */
export function missingProfileItems(account: CredentialAccount): ProfileItem[] {
  const present: Record<ProfileItem, boolean> = {
    avatar: !isMissingAvatar(account.avatar),
    title: account.title.trim() !== '',
    department: account.department.trim() !== '',
    location: account.location.trim() !== '',
    skills: account.skills.length > 0,
    bio: account.source.note.trim() !== '',
  };
  return PROFILE_ITEMS.filter((item) => !present[item]);
}
