import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiRequestError } from './api/errors';
import { StreamingProvider } from './api/streaming';
import { handleSessionLoss } from './features/auth/session';
import { I18nProvider } from './i18n/I18nProvider';
import './styles/base.css';
import './styles/layout.css';
import './styles/buttons.css';
import './styles/cards.css';
import './styles/overlays.css';
import './styles/feedback.css';
import './styles/tables.css';
import './styles/forms.css';
import './styles/auth.css';
import './styles/people.css';
import './styles/profile.css';
import './styles/admin.css';
import './styles/statuses.css';
import './styles/status-media.css';
import './styles/thread.css';
import './styles/compose.css';
import './styles/social.css';
import './styles/communities.css';
import './styles/questions.css';
import './styles/pages.css';
import './styles/events.css';
import './styles/files.css';
import './styles/moderation.css';
import './styles/search.css';
import './styles/chats.css';
import './styles/email.css';
import './styles/inbox.css';
import './styles/notification-groups.css';
import './styles/notification-settings.css';
import './styles/network.css';
import './styles/relationship-card.css';
import './styles/introductions.css';
import './styles/charts.css';
import './styles/analytics.css';
import './styles/insights.css';

/** Retry only what may pass on a second try: network failures and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  return (error.status === 0 || error.status >= 500) && failureCount < 2;
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => handleSessionLoss(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => handleSessionLoss(queryClient, error) }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <StreamingProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </StreamingProvider>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
