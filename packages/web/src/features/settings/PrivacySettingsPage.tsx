import type { RelationshipPrivacy } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import {
  downloadRelationshipExport,
  getRelationshipPrivacy,
  networkKeys,
  saveRelationshipPrivacy,
} from '../network/network-api';
import { AnalyticsPrivacySection } from './AnalyticsPrivacySection';
import { PrivacySwitchSection } from './PrivacySwitchSection';

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
  const exportId = useId();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: downloadRelationshipExport,
    onSuccess: ({ blob, name }) => saveBlob(blob, name ?? exportFileName(new Date())),
  });

  return (
    <div className="stack-lg">
      <PrivacySwitchSection<RelationshipPrivacy>
        messages="network.privacy"
        queryKey={networkKeys.privacy}
        load={getRelationshipPrivacy}
        store={saveRelationshipPrivacy}
        isOn={(privacy) => privacy.enabled}
        preferenceOf={(enabled) => ({ enabled })}
        // Lists, cards and advice change (or vanish) with the setting.
        onSaved={() => void queryClient.invalidateQueries({ queryKey: networkKeys.all })}
      />
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
