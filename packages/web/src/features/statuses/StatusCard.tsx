import type { Status, Visibility } from '@rapport/schema';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { AtIcon, BoostIcon, CommunitiesIcon, LockIcon, UnlockIcon } from '../../components/icons';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ComposeBox } from '../compose/ComposeBox';
import { HiddenBanner } from '../moderation/HiddenBanner';
import { AnswerBar } from '../questions/AnswerBar';
import { QuestionMark } from '../questions/QuestionMark';
import { EditHistoryDialog } from './EditHistoryDialog';
import { StatusActions } from './StatusActions';
import { StatusContent } from './StatusContent';
import { StatusStats } from './StatusStats';
import { profilePath, shownStatus, threadPath } from './status-paths';
import { VISIBILITY_LABELS } from './visibility-labels';

function VisibilityMark({ visibility }: { visibility: Visibility }) {
  const t = useT();
  if (visibility === 'public') return null;
  const label = t(VISIBILITY_LABELS[visibility] as 'visibility.public');
  const Icon = visibility === 'direct' ? AtIcon : visibility === 'private' ? LockIcon : UnlockIcon;
  return (
    <span className="status-visibility" title={label}>
      <Icon size={15} />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function EditedMark({ status }: { status: Status }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState(false);
  if (!status.edited_at) return null;
  return (
    <>
      <button
        type="button"
        className="status-edited"
        title={t('status.editedAt', { date: formatDateTime(status.edited_at) })}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('status.edited')}
      </button>
      {open && <EditHistoryDialog statusId={status.id} onClose={() => setOpen(false)} />}
    </>
  );
}

export type StatusVariant = 'timeline' | 'focused' | 'thread';

/**
 * One status: who and when, the content, and the actions. A boost shows who boosted it
 * above the boosted status, and every action applies to the boosted status.
 */
export function StatusCard({
  status: row,
  variant = 'timeline',
  depth = 0,
  onReply,
  onDeleted,
}: {
  status: Status;
  variant?: StatusVariant;
  /** Replies in a thread are indented by how deep they are. */
  depth?: number;
  /** Overrides the inline reply composer (the thread page has its own). */
  onReply?: () => void;
  onDeleted?: () => void;
}) {
  const t = useT();
  const me = useCurrentAccount();
  const status = shownStatus(row);
  const booster = row.reblog ? row.account : null;
  const [replying, setReplying] = useState(false);
  const [replied, setReplied] = useState(false);
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!replied) return;
    const timer = setTimeout(() => setReplied(false), 5000);
    return () => clearTimeout(timer);
  }, [replied]);

  /** The inline composer closes; the focus goes back to the Reply button that opened it. */
  const closeReply = (posted: boolean) => {
    setReplying(false);
    setReplied(posted);
    requestAnimationFrame(() =>
      article.current?.querySelector<HTMLElement>('.status-actions > button')?.focus(),
    );
  };
  const boostId = useId();
  const nameId = useId();
  const timeId = useId();
  const author = status.account;
  const name = author.display_name || author.username;
  const focused = variant === 'focused';
  const classes = [
    'status',
    focused ? 'status-focused' : '',
    variant === 'thread' ? `status-depth-${Math.min(depth, 5)}` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      ref={article}
      className={classes}
      data-status-id={row.id}
      tabIndex={-1}
      aria-labelledby={[booster ? boostId : '', nameId, timeId].filter(Boolean).join(' ')}
      aria-current={focused ? 'page' : undefined}
    >
      {booster && (
        <p className="status-prepend" id={boostId}>
          <BoostIcon size={16} />
          <span>
            <Link to={profilePath(booster)} className="status-prepend-name">
              {booster.display_name || booster.username}
            </Link>{' '}
            {t('status.boosted')}
          </span>
        </p>
      )}
      <header className="status-header">
        <Link to={profilePath(author)} className="status-avatar" tabIndex={-1} aria-hidden="true">
          <Avatar person={author} size="md" />
        </Link>
        <div className="status-author">
          <Link to={profilePath(author)} className="status-name" id={nameId}>
            {name}
          </Link>
          <span className="status-handle">@{author.acct || author.username}</span>
          {status.community && (
            <Link to={`/communities/${status.community.id}`} className="status-community">
              <CommunitiesIcon size={14} />
              {t('communities.status.in', { name: status.community.name })}
            </Link>
          )}
        </div>
        <div className="status-meta">
          <VisibilityMark visibility={status.visibility} />
          {!focused && (
            <Link to={threadPath(status)} className="status-time" id={timeId}>
              <RelativeTime iso={status.created_at} />
            </Link>
          )}
          <EditedMark status={status} />
        </div>
      </header>
      <QuestionMark status={status} />
      {status.hidden && <HiddenBanner reason={status.hidden.reason} />}
      <StatusContent status={status} viewerId={me.id} large={focused} />
      {focused && <StatusStats status={status} timeId={timeId} />}
      <AnswerBar status={status} />
      <StatusActions
        status={status}
        viewerId={me.id}
        onReply={onReply ?? (() => setReplying(!replying))}
        replyExpanded={onReply ? undefined : replying}
        onDeleted={onDeleted}
      />
      {replying && !onReply && (
        <div className="status-reply">
          <ComposeBox
            mode={{ kind: 'reply', to: status }}
            autoFocus
            onDone={() => closeReply(true)}
            onCancel={() => closeReply(false)}
          />
        </div>
      )}
      <div className="live-region" role="status">
        {replied && <p className="status-notice">{t('compose.replied')}</p>}
      </div>
    </article>
  );
}
