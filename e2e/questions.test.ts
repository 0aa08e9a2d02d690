import type { Expert, Notification, Status } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updateAccount } from '../packages/server/src/features/accounts/accounts.queries';
import type { TestApp } from '../packages/server/test/harness';
import { signedInPage } from './support/session';
import {
  checkPage,
  type Member,
  member,
  post,
  shoot,
  statusCard,
  VIEWPORTS,
} from './support/social';
import { e2eSuite } from './support/suite';

/** Live arrivals may take a moment more than a page's own requests. */
const LIVE = { timeout: 10_000 };

/** Resolves once the page's WebSocket has subscribed to the organisation's stream. */
function organisationStreamOpened(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && /"stream":"public:local"/.test(payload)) resolve();
      });
    });
  });
}

/** Skills on a profile, as the profile editor saves them (search terms included). */
async function withSkills(t: TestApp, person: Member, skills: string[], title: string) {
  person.account = await updateAccount(t.ctx.db, person.account.id, {
    skills: JSON.stringify(skills),
    title,
  });
}

describe.each(VIEWPORTS)('questions and answers on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('asks, asks the people who may know, gets an answer, a vote and accepts it, live', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carla = await member(e.t, 'carla', 'Carla Mendes');
    const dan = await member(e.t, 'dan', 'Dan Okoro');
    await withSkills(e.t, bruno, ['Kubernetes', 'Terraform'], 'Site Reliability Engineer');
    // Bruno answered a Kubernetes question before, and his answer was accepted.
    const earlier = await post(carla, {
      status: 'How do Kubernetes CronJobs retry?',
      kind: 'question',
    });
    const good = await post(bruno, {
      status: 'Set backoffLimit on the job.',
      in_reply_to_id: earlier.id,
    });
    await carla.api.post(`/api/rapport/v1/questions/${earlier.id}/accept`, { answer_id: good.id });

    // Dan watches the unanswered questions in another browser.
    const watcher = await signedInPage(e.browser, e.t, dan.account, viewport);
    const streaming = organisationStreamOpened(watcher);
    await watcher.goto('/questions');
    await watcher.getByRole('heading', { name: 'Questions', level: 1 }).waitFor();
    const openList = watcher.getByRole('region', { name: 'Unanswered' });
    await openList.getByText('No unanswered questions').waitFor();
    await streaming;

    // Ana asks from the Questions page.
    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    await page.goto('/questions');
    const form = page.getByRole('form', { name: 'Ask a question' });
    const text = form.getByRole('combobox', { name: 'Ask a question' });
    await text.click();
    await text.pressSequentially('How do we rotate the Kubernetes certificates on staging?');
    expect(
      await form.getByRole('button', { name: 'Ask a question' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await form.getByRole('button', { name: 'Ask', exact: true }).click();
    await form.getByText('Question asked.').waitFor();

    // People who may know: Bruno, for his accepted answer and his skill.
    const panel = page.getByRole('region', { name: 'People who may know' });
    const suggestion = panel.getByRole('article', { name: 'Bruno Costa' });
    await suggestion.waitFor();
    await suggestion.getByText('Accepted answer').waitFor();
    await suggestion.getByRole('link', { name: 'How do Kubernetes CronJobs retry?' }).waitFor();
    await checkPage(page, `questions-suggested-${label}`, panel);
    await panel.getByRole('button', { name: 'Ask them' }).click();
    await panel.getByText('We asked 1 person to answer.').waitFor();
    const told = (await bruno.api.get<Notification[]>('/api/v1/notifications')).body;
    expect(told.map((n) => n.type)).toContain('question_suggested');

    // The question arrives in Dan's unanswered list without a reload.
    const asked = statusCard(openList, 'rotate the Kubernetes certificates');
    await asked.waitFor(LIVE);
    await asked.getByText('Unanswered').waitFor();
    await checkPage(watcher, `questions-unanswered-live-${label}`, asked);

    // Bruno answers from his notification.
    const answerer = await signedInPage(e.browser, e.t, bruno.account, viewport);
    await answerer.goto('/notifications');
    const notification = answerer.getByRole('article', {
      name: 'Ana Silva thinks you may know the answer to a question',
    });
    await statusCard(notification, 'rotate the Kubernetes certificates').locator('time').click();
    await answerer.getByRole('heading', { name: 'Status by Ana Silva' }).waitFor();
    const reply = answerer.getByRole('form', { name: 'Reply to Ana Silva' });
    const replyText = reply.getByRole('combobox', { name: 'Reply to Ana Silva' });
    await replyText.click();
    await answerer.keyboard.press('End');
    await replyText.pressSequentially(
      'cert-manager renews them; run the rotate job in the platform repo.',
    );
    await reply.getByRole('button', { name: 'Reply', exact: true }).click();
    await reply.getByText('Your reply was posted.').waitFor();
    const answers = answerer.getByRole('region', { name: 'Answers' });
    await statusCard(answers, 'cert-manager renews them').waitFor();
    // His own answer shows its votes but offers him no vote.
    await statusCard(answers, 'cert-manager renews them').getByText('0 votes').waitFor();

    // Answered: it leaves Dan's unanswered list, live.
    await asked.waitFor({ state: 'detached', ...LIVE });

    // Carla votes for the answer.
    const voter = await signedInPage(e.browser, e.t, carla.account, viewport);
    const question = (
      await ana.api.get<Status[]>('/api/rapport/v1/questions?state=answered')
    ).body.find((status) => status.content.includes('rotate the Kubernetes'));
    expect(question?.question).toMatchObject({ state: 'answered', answers_count: 1 });
    await voter.goto(`/@ana/${question?.id}`);
    const answerCard = statusCard(voter.getByRole('region', { name: 'Answers' }), 'cert-manager');
    const vote = answerCard.getByRole('button', { name: /Vote for this answer/ });
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    await answerCard.getByText('1 vote').waitFor();
    // Only the asker and the community's moderators accept.
    expect(await answerCard.getByRole('button', { name: 'Accept this answer' }).count()).toBe(0);
    await checkPage(voter, `questions-voted-${label}`, answerCard);

    // Ana accepts it from her thread.
    await page.goto(`/@ana/${question?.id}`);
    const accepting = statusCard(page.getByRole('region', { name: 'Answers' }), 'cert-manager');
    await accepting.getByText('1 vote').waitFor();
    await accepting.getByRole('button', { name: 'Accept this answer' }).click();
    await accepting.getByText('Accepted answer').waitFor();
    await accepting.getByRole('button', { name: 'Withdraw acceptance' }).waitFor();
    await statusCard(page, 'rotate the Kubernetes certificates')
      .getByText('Answer accepted')
      .first()
      .waitFor();
    await checkPage(page, `questions-accepted-${label}`, accepting);
    const notified = (await bruno.api.get<Notification[]>('/api/v1/notifications')).body;
    expect(notified.map((n) => n.type)).toContain('answer_accepted');

    // Dan finds it among the accepted questions.
    await watcher.getByRole('link', { name: 'Accepted' }).click();
    const acceptedList = watcher.getByRole('region', { name: 'Accepted' });
    await statusCard(acceptedList, 'rotate the Kubernetes certificates').waitFor();
    await shoot(watcher, `questions-accepted-list-${label}`);
    for (const p of [page, watcher, answerer, voter]) await p.context().close();
  });

  it('finds who knows about a topic, with the evidence listed and linked', async () => {
    const eva = await member(e.t, 'eva', 'Eva Schmidt');
    const finn = await member(e.t, 'finn', 'Finn Weber');
    const gina = await member(e.t, 'gina', 'Gina Rossi');
    await withSkills(e.t, gina, ['Pricing'], 'Product Manager');
    const q = await post(eva, {
      status: 'What is our pricing for the enterprise tier?',
      kind: 'question',
    });
    const a = await post(finn, { status: 'Per seat, with a floor.', in_reply_to_id: q.id });
    await eva.api.post(`/api/rapport/v1/questions/${q.id}/accept`, { answer_id: a.id });
    await post(finn, 'Notes from the pricing workshop: anchor on value, not cost.');
    const ranking = (await eva.api.get<Expert[]>('/api/rapport/v1/experts?topic=pricing')).body;
    expect(ranking.map((expert) => expert.account.username)).toEqual(['finn', 'gina']);

    const page = await signedInPage(e.browser, e.t, eva.account, viewport);
    await page.goto('/');
    // Reached from the More menu.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'More' })
      .click();
    await page.getByRole('menuitem', { name: 'Experts' }).click();
    await page.getByRole('heading', { name: 'Experts', level: 1 }).waitFor();
    await page.getByText('Who knows about…?').first().waitFor();
    await checkPage(page, `experts-empty-${label}`);
    const box = page.getByRole('searchbox', { name: 'Who knows about…?' });
    await box.fill('pricing');
    await box.press('Enter');
    const list = page.getByRole('list', { name: 'People who know about pricing' });
    const first = list.getByRole('article').first();
    await first.getByRole('link', { name: 'Finn Weber' }).waitFor();
    await first.getByText('Accepted answer').waitFor();
    await first
      .getByRole('link', { name: 'What is our pricing for the enterprise tier?' })
      .waitFor();
    await list.getByRole('article', { name: 'Gina Rossi' }).getByText('Skill').waitFor();
    await checkPage(page, `experts-pricing-${label}`, first);
    await first.getByRole('link', { name: 'What is our pricing for the enterprise tier?' }).click();
    await page.getByRole('heading', { name: 'Status by Finn Weber' }).waitFor();
    await page.context().close();
  });
});
