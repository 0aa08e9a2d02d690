import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { type StreamEvent, useStream, useStreamReconnect } from '../../api/streaming';

/**
 * Keeps the question lists live. New questions come as `update`s of statuses of kind
 * `question` (the organisation's stream for public ones, the home stream for those of one's
 * communities and people); an answer, an acceptance or a vote comes as a `status.update`
 * of the question, whose state may have moved it between lists. Each re-reads the lists,
 * and so does coming back from a lost connection.
 */
export function useLiveQuestions(): void {
  const queryClient = useQueryClient();
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.questionLists });
  };
  const onEvent = (event: StreamEvent) => {
    if (event.event === 'update' || event.event === 'status.update') {
      if (event.status.kind === 'question') reload();
    } else if (event.event === 'delete') {
      reload();
    }
  };
  useStream({ name: 'public:local' }, onEvent);
  useStream({ name: 'user' }, onEvent);
  useStreamReconnect(reload);
}
