import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import {
  downloadRelationshipExport,
  getRelationshipPrivacy,
  networkKeys,
  saveRelationshipPrivacy,
} from '../network/network-api';
import { Switch } from '../notifications/Switch';
import { AnalyticsPrivacySection } from './AnalyticsPrivacySection';

/** A file name when the server gives none, dated so downloads do not overwrite each other. */
function exportFileName(now: Date): string {
  return `rapport-relationships-${now.toISOString().slice(0, 10)}.json`;
}

/** Hands a downloaded blob to the browser as a file. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `/settings/privacy`: relationship insights on or off, and a download of one's own data. */
export function PrivacySettingsPage() {
  const t = useT();
  usePageTitle(t('network.privacy.tab'));
  const titleId = useId();
  const exportId = useId();
  const queryClient = useQueryClient();
  const privacy = useQuery({ queryKey: networkKeys.privacy, queryFn: getRelationshipPrivacy });
  const save = useMutation({
    mutationFn: saveRelationshipPrivacy,
    onSuccess: (answer) => {
      queryClient.setQueryData(networkKeys.privacy, answer);
      // Lists, cards and advice change (or vanish) with the setting.
      void queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const download = useMutation({
    mutationFn: downloadRelationshipExport,
    onSuccess: ({ blob, name }) => saveBlob(blob, name ?? exportFileName(new Date())),
  });
  const enabled = save.isPending ? save.variables.enabled : privacy.data?.enabled;

  return (
    <div className="stack-lg">
      <section className="card" aria-labelledby={titleId}>
        <h2 id={titleId} className="card-title">
          {t('network.privacy.title')}
        </h2>
        <p className="muted">{t('network.privacy.intro')}</p>
        {privacy.isPending ? (
          <LoadingBlock />
        ) : privacy.isError ? (
          <ErrorState error={privacy.error} onRetry={() => privacy.refetch()} />
        ) : (
          <div className="form">
            <Switch
              checked={enabled === true}
              disabled={save.isPending}
              onChange={(on) => save.mutate({ enabled: on })}
            >
              <span>{t('network.privacy.switch')}</span>
            </Switch>
            <p className="field-hint">
              {t('network.privacy.on')} {t('network.privacy.offMeans')}
            </p>
            <ErrorMessage error={save.error} />
            <SuccessMessage>
              {save.isSuccess &&
                (save.data.enabled ? t('network.privacy.saved') : t('network.privacy.savedOff'))}
            </SuccessMessage>
          </div>
        )}
      </section>
      <AnalyticsPrivacySection />
      <section className="card" aria-labelledby={exportId}>
        <h2 id={exportId} className="card-title">
          {t('network.privacy.exportTitle')}
        </h2>
        <p className="muted">{t('network.privacy.exportBody')}</p>
        <div className="form-actions privacy-export">
          <Button pending={download.isPending} onClick={() => download.mutate()}>
            {t('network.privacy.export')}
          </Button>
        </div>
        <ErrorMessage error={download.error} />
        <SuccessMessage>{download.isSuccess && t('network.privacy.exported')}</SuccessMessage>
      </section>
    </div>
  );
}
