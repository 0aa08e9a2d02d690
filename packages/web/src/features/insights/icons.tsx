import { Icon, type IconProps } from '../../components/icons';

/** A rising line over bars: one's own insights. */
export const InsightsIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4 20h16" />
    <path d="M7 16v-3M12 16v-6M17 16V8" />
    <path d="m5 9 5-4 4 3 5-4" />
  </Icon>
);
