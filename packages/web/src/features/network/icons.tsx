import { Icon, type IconProps } from '../../components/icons';

/** Three people linked: one's working relationships. */
export const NetworkIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="12" cy="5.5" r="2.5" />
    <circle cx="5" cy="18" r="2.5" />
    <circle cx="19" cy="18" r="2.5" />
    <path d="M10.8 7.7 6.2 15.8M13.2 7.7l4.6 8.1M7.5 18h9" />
  </Icon>
);
