import { Icon, type IconProps } from '../../components/icons';

export const MessageIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4H6.5A2.5 2.5 0 0 1 4 13.5z" />
    <path d="M8 8h8M8 11.5h5" />
  </Icon>
);

export const SendIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4 12 20 4l-4.5 16-3.5-6.5z" />
    <path d="m12 13.5 8-9.5" />
  </Icon>
);

export const MutedIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M9.5 20a2.5 2.5 0 0 0 5 0" />
    <path d="M17.5 13.5V10a5.5 5.5 0 0 0-8.6-4.5M6.8 8.4A5.6 5.6 0 0 0 6.5 10v4L4.5 17h12" />
    <path d="m3 3 18 18" />
  </Icon>
);

export const BackIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);
