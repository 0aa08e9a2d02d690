import type { ChannelChoice, NotificationChannel, PreferenceType } from '@rapport/schema';
import { useId } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { CHANNEL_LABELS, CHANNELS, TYPE_GROUPS, TYPE_LABELS } from './preference-types';
import { Switch } from './Switch';

/**
 * Every notification type with its three switches. A table on wide screens (a row per
 * type, a column per channel, a header row per group); on phones each row stacks the type
 * above its three labelled switches (notification-settings.css).
 */
export function ChannelTable({
  types,
  hidden,
  onChange,
}: {
  types: Record<PreferenceType, ChannelChoice>;
  hidden: ReadonlySet<PreferenceType>;
  onChange: (type: PreferenceType, channel: NotificationChannel, on: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const columnId = (channel: NotificationChannel) => `${id}-${channel}`;
  const rowId = (type: PreferenceType) => `${id}-${type.replace('.', '-')}`;
  return (
    <table className="channel-table">
      <caption className="visually-hidden">{t('notificationSettings.table')}</caption>
      <thead>
        <tr>
          <th scope="col" className="channel-head">
            {t('notificationSettings.typeColumn')}
          </th>
          {CHANNELS.map((channel) => (
            <th
              scope="col"
              key={channel}
              id={columnId(channel)}
              className="channel-head channel-column"
            >
              {t(CHANNEL_LABELS[channel])}
            </th>
          ))}
        </tr>
      </thead>
      {TYPE_GROUPS.map((group) => {
        const shown = group.types.filter((type) => !hidden.has(type));
        if (shown.length === 0) return null;
        return (
          <tbody key={group.title} className="channel-group">
            <tr className="channel-group-row">
              <th scope="colgroup" colSpan={CHANNELS.length + 1}>
                {t(group.title)}
              </th>
            </tr>
            {shown.map((type) => (
              <tr key={type} className="channel-row">
                <th scope="row" id={rowId(type)} className="channel-type">
                  {t(TYPE_LABELS[type])}
                </th>
                {CHANNELS.map((channel) => (
                  <td key={channel} className="channel-cell">
                    <Switch
                      checked={types[type][channel]}
                      onChange={(on) => onChange(type, channel, on)}
                      labelledBy={`${rowId(type)} ${columnId(channel)}`}
                    >
                      {/* The column header names it; phones show no header row. */}
                      <span className="switch-label" aria-hidden="true">
                        {t(CHANNEL_LABELS[channel])}
                      </span>
                    </Switch>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
