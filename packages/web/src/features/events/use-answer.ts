import type { CalendarEvent, RsvpStatus } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answerEvent } from '../../api/events';
import { queryKeys } from '../../api/query-keys';

/**
 * Answering an event: the event's page takes the server's answer at once; lists and
 * attendee lists, which show counts and people, are fetched again.
 */
export function useAnswer(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: RsvpStatus) => answerEvent(eventId, status),
    onSuccess: (event: CalendarEvent) => {
      queryClient.setQueryData(queryKeys.event(event.id), event);
      void queryClient.invalidateQueries({ queryKey: queryKeys.eventLists });
      void queryClient.invalidateQueries({ queryKey: ['events', 'attendees', event.id] });
    },
  });
}
