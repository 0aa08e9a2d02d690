import type { AdminAccount, Role } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  type AdminAccountFilters,
  changeRole,
  listAdminAccounts,
  setSuspended,
} from '../../api/admin';
import { queryKeys } from '../../api/query-keys';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/Field';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { SearchIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { LoadingBlock } from '../../components/Spinner';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { AccountRow } from './AccountRow';

const nameOf = (account: AdminAccount) => account.display_name || account.username;

export function AdminAccountsPage() {
  const t = useT();
  const me = useCurrentAccount();
  const queryClient = useQueryClient();
  const searchId = useId();
  usePageTitle(t('admin.accounts.title'));
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<'active' | 'suspended' | ''>('');
  const q = useDebouncedValue(search.trim(), 300);
  const filters: AdminAccountFilters = {
    q: q || undefined,
    role: role || undefined,
    status: status || undefined,
  };

  const accounts = useInfiniteQuery({
    queryKey: queryKeys.adminAccounts(filters),
    queryFn: ({ pageParam }) => listAdminAccounts(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AdminAccount | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.adminAccountsAll });

  const roleChange = useMutation({
    mutationFn: ({ account, role }: { account: AdminAccount; role: Role }) =>
      changeRole(account.id, role),
    onMutate: () => setNotice(null),
    onSuccess: (updated) => {
      setNotice(
        t('admin.accounts.roleDone', { name: nameOf(updated), role: t(`role.${updated.role}`) }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.peopleAll });
    },
    onSettled: refresh,
  });

  const suspension = useMutation({
    mutationFn: (account: AdminAccount) => setSuspended(account.id, !account.suspended),
    onMutate: () => setNotice(null),
    onSuccess: (updated) => {
      setConfirming(null);
      setNotice(
        updated.suspended
          ? t('admin.accounts.suspendDone', { name: nameOf(updated) })
          : t('admin.accounts.unsuspendDone', { name: nameOf(updated) }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.peopleAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      return refresh();
    },
  });

  const confirmName = confirming ? nameOf(confirming) : '';
  return (
    <section aria-labelledby={`${searchId}-title`}>
      <div className="section-heading">
        <div>
          <h2 id={`${searchId}-title`} className="section-title">
            {t('admin.accounts.title')}
          </h2>
          <p className="muted">{t('admin.accounts.intro')}</p>
        </div>
      </div>

      <div className="filters">
        <div className="field filter-search">
          <label htmlFor={searchId} className="field-label">
            {t('admin.accounts.search')}
          </label>
          <div className="search-box search-box-compact">
            <SearchIcon size={18} />
            <input
              id={searchId}
              type="search"
              className="input search-input"
              placeholder={t('admin.accounts.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              autoComplete="off"
            />
          </div>
        </div>
        <SelectField
          label={t('admin.accounts.role')}
          value={role}
          onValueChange={(value) => setRole(value as Role | '')}
          options={[
            { value: '', label: t('admin.accounts.allRoles') },
            { value: 'admin', label: t('role.admin') },
            { value: 'member', label: t('role.member') },
            { value: 'guest', label: t('role.guest') },
          ]}
        />
        <SelectField
          label={t('admin.accounts.status')}
          value={status}
          onValueChange={(value) => setStatus(value as 'active' | 'suspended' | '')}
          options={[
            { value: '', label: t('admin.accounts.allStatuses') },
            { value: 'active', label: t('admin.accounts.active') },
            { value: 'suspended', label: t('admin.accounts.suspended') },
          ]}
        />
      </div>

      <SuccessMessage>{notice}</SuccessMessage>
      <ErrorMessage error={roleChange.error} />

      {accounts.isPending ? (
        <LoadingBlock />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.accounts.empty')} />
      ) : (
        <div className={accounts.isPlaceholderData ? 'is-refreshing' : undefined}>
          <div className="table-wrap">
            <table className="table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.accounts.person')}</th>
                  <th scope="col">{t('admin.accounts.role')}</th>
                  <th scope="col">{t('admin.accounts.status')}</th>
                  <th scope="col">{t('admin.accounts.joined')}</th>
                  <th scope="col">{t('admin.accounts.lastSignIn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.accounts.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((account) => (
                  <AccountRow
                    key={account.id}
                    account={account}
                    own={account.id === me.id}
                    actions={{
                      changeRole: (target, role) => roleChange.mutate({ account: target, role }),
                      askSuspend: (target) => {
                        suspension.reset();
                        setConfirming(target);
                      },
                      pendingRoleId: roleChange.isPending
                        ? (roleChange.variables?.account.id ?? null)
                        : null,
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore list={accounts} />
        </div>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.suspended
            ? t('admin.accounts.unsuspendTitle', { name: confirmName })
            : t('admin.accounts.suspendTitle', { name: confirmName })
        }
        confirmLabel={
          confirming?.suspended
            ? t('admin.accounts.unsuspendShort')
            : t('admin.accounts.suspendShort')
        }
        danger={!confirming?.suspended}
        pending={suspension.isPending}
        error={suspension.error}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && suspension.mutate(confirming)}
      >
        <p>
          {confirming?.suspended
            ? t('admin.accounts.unsuspendBody', { name: confirmName })
            : t('admin.accounts.suspendBody', { name: confirmName })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
