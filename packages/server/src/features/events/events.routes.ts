import {
  AttendeesQuery,
  CalendarEvent,
  CommunityRef,
  CreateEventInput,
  EventAttendee,
  EventListQuery,
  IdParams,
  RsvpInput,
  UpdateEventInput,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { calendarFileName, eventCalendar } from './events.ics';
import { findMemberCommunities } from './events.queries';
import {
  createEvent,
  deleteEvent,
  getVisibleEvent,
  listVisibleEvents,
  presentEvent,
  updateEvent,
} from './events.service';
import { answerEvent, listEventAttendees } from './rsvps.service';

const tags = ['events'];
const read = { auth: 'user' as const, scopes: ['read:statuses' as const] };
const write = { auth: 'user' as const, scopes: ['write:statuses' as const] };

/** Events: gatherings in a community or organisation-wide, their answers and calendar files. */
export function eventsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/events',
    {
      config: read,
      schema: { tags, querystring: EventListQuery, response: { 200: CalendarEvent.array() } },
    },
    async (request, reply) => {
      const page = await listVisibleEvents(ctx, viewerOf(request), request.query);
      setCursorLink(request, reply, ctx.config.publicUrl, page.lastKey, page.full);
      return page.events;
    },
  );

  app.post(
    '/api/rapport/v1/events',
    {
      config: write,
      schema: { tags, body: CreateEventInput, response: { 200: CalendarEvent } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      return presentEvent(ctx, viewer, await createEvent(ctx, viewer, request.body));
    },
  );

  // Static, so it wins over `/events/:id`.
  app.get(
    '/api/rapport/v1/events/communities',
    {
      config: read,
      schema: { tags, response: { 200: CommunityRef.array() } },
    },
    async (request) => {
      const rows = await findMemberCommunities(ctx.db, viewerOf(request).id, 200);
      return rows.map((row) => ({
        id: String(row.id),
        name: row.name,
        privacy: row.privacy,
        url: `${ctx.config.publicUrl}/communities/${row.id}`,
      }));
    },
  );

  app.get(
    '/api/rapport/v1/events/:id',
    {
      config: read,
      schema: { tags, params: IdParams, response: { 200: CalendarEvent } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { row } = await getVisibleEvent(ctx, viewer, Number(request.params.id));
      return presentEvent(ctx, viewer, row);
    },
  );

  // find-my-way matches the static ".ics" suffix inside the segment, before `/events/:id`.
  app.get(
    '/api/rapport/v1/events/:id.ics',
    {
      config: read,
      schema: { tags, params: IdParams, produces: ['text/calendar'] },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const { row } = await getVisibleEvent(ctx, viewer, Number(request.params.id));
      const event = await presentEvent(ctx, viewer, row);
      const name = calendarFileName(row.title);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(eventCalendar(row, event, ctx.config.domain));
    },
  );

  app.patch(
    '/api/rapport/v1/events/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateEventInput, response: { 200: CalendarEvent } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const row = await updateEvent(ctx, viewer, Number(request.params.id), request.body);
      return presentEvent(ctx, viewer, row);
    },
  );

  app.delete(
    '/api/rapport/v1/events/:id',
    {
      config: write,
      schema: { tags, params: IdParams, response: { 200: z.object({}) } },
    },
    async (request) => {
      await deleteEvent(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );

  app.post(
    '/api/rapport/v1/events/:id/rsvp',
    {
      config: write,
      schema: { tags, params: IdParams, body: RsvpInput, response: { 200: CalendarEvent } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const row = await answerEvent(ctx, viewer, Number(request.params.id), request.body.status);
      return presentEvent(ctx, viewer, row);
    },
  );

  app.get(
    '/api/rapport/v1/events/:id/attendees',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: AttendeesQuery,
        response: { 200: EventAttendee.array() },
      },
    },
    async (request, reply) => {
      const page = await listEventAttendees(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        request.query,
      );
      setCursorLink(request, reply, ctx.config.publicUrl, page.lastKey, page.full);
      return page.attendees;
    },
  );
}
