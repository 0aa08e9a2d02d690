import type { Context, Status } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { signedInPage } from './support/session';
import { checkPage, follow, member, post, statusCard, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

describe.each(VIEWPORTS)('threads on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('replies from the thread view, and a third person sees the ancestors and the replies', async () => {
    const carla = await member(e.t, 'carla', 'Carla Mendes');
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const dan = await member(e.t, 'dan', 'Dan Okoro');
    await follow(ana, carla);
    const root = await post(carla, 'Who has the slides from the all-hands on Monday?');

    // Ana opens Carla's status from her home timeline by its time.
    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/');
    await statusCard(page, 'slides from the all-hands').locator('time').click();
    await page.waitForURL(`**/@carla/${root.id}`);
    await page.getByRole('heading', { name: 'Status by Carla Mendes' }).waitFor();
    expect(await statusCard(page, 'slides from the all-hands').getAttribute('aria-current')).toBe(
      'page',
    );

    const form = page.getByRole('form', { name: 'Reply to Carla Mendes' });
    const text = form.getByRole('combobox', { name: 'Reply to Carla Mendes' });
    // A reply starts by mentioning the person it answers.
    expect(await text.inputValue()).toBe('@carla ');
    await text.click();
    await page.keyboard.press('End');
    await text.pressSequentially('They are in the shared drive, folder Q3');
    await form.getByRole('button', { name: 'Reply', exact: true }).click();
    await form.getByText('Your reply was posted.').waitFor();
    const replies = page.getByRole('region', { name: 'Replies' });
    const anaReply = statusCard(replies, 'They are in the shared drive');
    await anaReply.waitFor();
    await anaReply.getByRole('link', { name: '@carla', exact: true }).waitFor();
    // The status replied to counts its reply.
    await statusCard(page, 'slides from the all-hands')
      .getByRole('button', { name: 'Reply 1' })
      .waitFor();
    await checkPage(page, `social-thread-replied-${label}`, anaReply);
    const replyId = (await anaReply.getAttribute('data-status-id')) as string;
    const reply = (await carla.api.get<Status>(`/api/v1/statuses/${replyId}`)).body;
    expect(reply.in_reply_to_id).toBe(root.id);

    // Carla answers Ana's reply through the API.
    await post(carla, { status: '@ana Thanks, found them!', in_reply_to_id: replyId });

    // Dan, who follows nobody, finds the status on the organisation timeline.
    const other = await signedInPage(e.browser, e.t, dan.account, viewport);
    await other.goto('/timeline');
    await statusCard(other, 'slides from the all-hands').locator('time').click();
    await other.getByRole('heading', { name: 'Status by Carla Mendes' }).waitFor();
    const allReplies = other.getByRole('region', { name: 'Replies' });
    await statusCard(allReplies, 'Thanks, found them').waitFor();
    // Replies are indented by how deep they are.
    expect(
      await statusCard(allReplies, 'They are in the shared drive').getAttribute('class'),
    ).toContain('status-depth-1');
    expect(await statusCard(allReplies, 'Thanks, found them').getAttribute('class')).toContain(
      'status-depth-2',
    );

    // From the middle of the thread: what it answers above, the answer to it below.
    await statusCard(allReplies, 'They are in the shared drive').locator('time').click();
    await other.waitForURL(`**/@ana/${replyId}`);
    await other.getByRole('heading', { name: 'Status by Ana Silva' }).waitFor();
    const ancestors = other.getByRole('region', { name: 'Earlier in the thread' });
    await statusCard(ancestors, 'slides from the all-hands').waitFor();
    const focused = statusCard(other, 'They are in the shared drive');
    expect(await focused.getAttribute('aria-current')).toBe('page');
    await statusCard(
      other.getByRole('region', { name: 'Replies' }),
      'Thanks, found them',
    ).waitFor();
    await checkPage(other, `social-thread-middle-${label}`, focused);

    const context = (await dan.api.get<Context>(`/api/v1/statuses/${replyId}/context`)).body;
    expect(context.ancestors.map((status) => status.id)).toEqual([root.id]);
    expect(context.descendants).toHaveLength(1);

    // The author's profile lists the status, with the replies under "With replies".
    await other.getByRole('link', { name: 'Carla Mendes' }).first().click();
    await other.getByRole('heading', { level: 1, name: 'Carla Mendes' }).waitFor();
    const carlaStatuses = other.getByRole('region', { name: 'Statuses by Carla Mendes' });
    await statusCard(carlaStatuses, 'slides from the all-hands').waitFor();
    expect(await statusCard(carlaStatuses, 'Thanks, found them').count()).toBe(0);
    await other.getByRole('link', { name: 'With replies' }).click();
    await statusCard(
      other.getByRole('region', { name: 'Statuses by Carla Mendes' }),
      'Thanks, found them',
    ).waitFor();
    await checkPage(other, `social-thread-profile-${label}`);

    await Promise.all([page, other].map((each) => each.context().close()));
  });
});
