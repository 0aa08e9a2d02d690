import { Icon } from '../../components/icons';

/** Icons of questions and expertise, drawn in the common frame (components/icons.tsx). */
export const QuestionIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.6 9.3a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.4" />
    <path d="M12 16.8h.01" />
  </Icon>
);

export const VoteIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 4 5 12h4.5v8h5v-8H19z" />
  </Icon>
);

export const AcceptedIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12.5 2.7 2.7L16.2 9.5" />
  </Icon>
);

export const ExpertIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M9 18h6" />
    <path d="M10 21h4" />
    <path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1 2V16h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" />
  </Icon>
);
