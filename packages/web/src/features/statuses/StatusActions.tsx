import type { Status } from '@rapport/schema';
import { useContext, useEffect, useState } from 'react';
import type { StatusToggle } from '../../api/statuses';
import { ConfirmDialog } from '../../components/Dialog';
import { DropdownMenu, type MenuEntry } from '../../components/DropdownMenu';
import { BookmarkIcon, BoostIcon, MoreIcon, ReplyIcon, StarIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { ReportDialog } from '../moderation/ReportDialog';
import { EditHistoryDialog } from './EditHistoryDialog';
import { EditStatusDialog } from './EditStatusDialog';
import { StatusMenuExtrasContext } from './status-menu-extras';
import { threadPath } from './status-paths';
import { canBoost, isToggled } from './status-toggles';
import { useDeleteStatus, useStatusToggle } from './use-status-actions';

function absoluteUrl(status: Status): string {
  return status.url ?? new URL(threadPath(status), window.location.origin).toString();
}

/**
 * Reply, boost, favourite and bookmark with their counts and pressed state, and a menu
 * with the rest (copy link; edit and delete for the author, report for everyone else).
 */
export function StatusActions({
  status,
  viewerId,
  onReply,
  replyExpanded,
  onDeleted,
}: {
  status: Status;
  viewerId: string;
  onReply: () => void;
  /** Set when Reply opens a composer under the status (a disclosure). */
  replyExpanded?: boolean;
  onDeleted?: () => void;
}) {
  const t = useT();
  const toggle = useStatusToggle(status);
  const remove = useDeleteStatus();
  const [dialog, setDialog] = useState<'delete' | 'edit' | 'history' | 'report' | null>(null);
  const [notice, setNotice] = useState('');
  const own = status.account.id === viewerId;
  const extras = useContext(StatusMenuExtrasContext)?.(status) ?? [];
  const boostable = canBoost(status, viewerId);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const press = (action: StatusToggle) => toggle.mutate({ action, on: !isToggled(status, action) });

  const copyLink = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(absoluteUrl(status));
      setNotice(t('status.linkCopied'));
    } catch {
      setNotice(t('status.copyFailed', { url: absoluteUrl(status) }));
    }
  };

  const entries: MenuEntry[] = [
    { kind: 'link', label: t('status.openThread'), to: threadPath(status) },
    { kind: 'action', label: t('status.copyLink'), onSelect: copyLink },
  ];
  if (status.edited_at) {
    entries.push({
      kind: 'action',
      label: t('status.history'),
      onSelect: () => setDialog('history'),
    });
  }
  if (extras.length > 0) entries.push({ kind: 'separator' }, ...extras);
  if (own) {
    entries.push(
      { kind: 'separator' },
      { kind: 'action', label: t('status.edit'), onSelect: () => setDialog('edit') },
      {
        kind: 'action',
        label: t('status.delete'),
        danger: true,
        onSelect: () => setDialog('delete'),
      },
    );
  } else {
    entries.push(
      { kind: 'separator' },
      {
        kind: 'action',
        label: t('moderation.report.statusMenu'),
        onSelect: () => setDialog('report'),
      },
    );
  }

  const favourited = isToggled(status, 'favourite');
  const reblogged = isToggled(status, 'reblog');
  const bookmarked = isToggled(status, 'bookmark');
  // The name comes from the content ("Favourite 2"), so the visible count is part of it.
  const label = (text: string, value?: number) => (
    <>
      <span className="visually-hidden">{text}</span>
      {value !== undefined && value > 0 && <span className="status-action-count">{value}</span>}
    </>
  );

  return (
    <>
      <div className="status-actions">
        <button
          type="button"
          className="status-action"
          aria-expanded={replyExpanded}
          title={t('status.reply')}
          onClick={onReply}
        >
          <ReplyIcon size={18} />
          {label(t('status.reply'), status.replies_count)}
        </button>
        <button
          type="button"
          className="status-action status-action-boost"
          aria-pressed={reblogged}
          disabled={!boostable}
          title={boostable ? t('status.boost') : t('status.boostDisabled')}
          onClick={() => press('reblog')}
        >
          <BoostIcon size={18} />
          {label(boostable ? t('status.boost') : t('status.boostDisabled'), status.reblogs_count)}
        </button>
        <button
          type="button"
          className="status-action status-action-favourite"
          aria-pressed={favourited}
          title={t('status.favourite')}
          onClick={() => press('favourite')}
        >
          <StarIcon size={18} filled={favourited} />
          {label(t('status.favourite'), status.favourites_count)}
        </button>
        <button
          type="button"
          className="status-action status-action-bookmark"
          aria-pressed={bookmarked}
          title={t('status.bookmark')}
          onClick={() => press('bookmark')}
        >
          <BookmarkIcon size={18} filled={bookmarked} />
          {label(t('status.bookmark'))}
        </button>
        <DropdownMenu
          className="status-menu"
          buttonClassName="status-action"
          label={t('status.more')}
          icon={<MoreIcon size={18} />}
          entries={entries}
        />
      </div>
      <div className="live-region" role="status" aria-live="polite">
        {notice && <p className="status-notice">{notice}</p>}
      </div>
      {toggle.isError && (
        <p className="status-notice status-notice-error" role="alert">
          {t('status.actionFailed')}
        </p>
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('status.deleteTitle')}
        confirmLabel={t('status.deleteConfirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          remove.reset();
          setDialog(null);
        }}
        onConfirm={() =>
          remove.mutate(status, {
            onSuccess: () => {
              setDialog(null);
              onDeleted?.();
            },
          })
        }
      >
        <p>{t('status.deleteBody')}</p>
      </ConfirmDialog>
      {dialog === 'edit' && <EditStatusDialog status={status} onClose={() => setDialog(null)} />}
      {dialog === 'history' && (
        <EditHistoryDialog statusId={status.id} onClose={() => setDialog(null)} />
      )}
      {dialog === 'report' && (
        <ReportDialog account={status.account} status={status} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
