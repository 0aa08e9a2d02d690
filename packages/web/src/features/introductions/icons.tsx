import { Icon, type IconProps } from '../../components/icons';

/** Two people and the link between them: an introduction. */
export const IntroductionIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="6" cy="8" r="2.5" />
    <circle cx="18" cy="8" r="2.5" />
    <path d="M2 19c0-2.8 1.8-4.5 4-4.5s4 1.7 4 4.5" />
    <path d="M14 19c0-2.8 1.8-4.5 4-4.5s4 1.7 4 4.5" />
    <path d="M10 8h4" />
  </Icon>
);
