import { Icon } from '../../components/icons';

/** A flag, for reports (drawn in the common frame of components/icons.tsx). */
export function FlagIcon({ size = 20 }: { size?: number; filled?: boolean }) {
  return (
    <Icon size={size}>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </Icon>
  );
}
