import sharp from 'sharp';
import { escapeHtml } from '../lib/html';
import type { Draft, Plan } from './plan';
import type { Random } from './random';

/** An image a status carries: drawn as SVG when planned, rendered when posted. */
export interface Picture {
  /** What it shows, so a demo does not fill up with birthday cakes. */
  subject: string;
  svg: string;
  description: string;
}

const WIDTH = 960;
const HEIGHT = 540;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

function frame(title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>
<text x="48" y="64" ${FONT} font-size="30" font-weight="bold" fill="#1f2933">${escapeHtml(title)}</text>
<line x1="80" y1="470" x2="${WIDTH - 48}" y2="470" stroke="#9aa5b1" stroke-width="2"/>
${body}
</svg>`;
}

/** A bar chart of a dashboard, as people screenshot them into updates. */
function barChart(title: string, labels: string[], values: number[], colour: string): string {
  const top = Math.max(...values) * 1.15;
  const slot = (WIDTH - 160) / values.length;
  const bars = values
    .map((value, i) => {
      const height = (value / top) * 360;
      const x = 100 + i * slot + slot * 0.15;
      return `<rect x="${x}" y="${470 - height}" width="${slot * 0.7}" height="${height}" rx="6" fill="${colour}"/>
<text x="${x + slot * 0.35}" y="${460 - height}" ${FONT} font-size="20" text-anchor="middle" fill="#323f4b">${value}</text>
<text x="${x + slot * 0.35}" y="500" ${FONT} font-size="20" text-anchor="middle" fill="#52606d">${escapeHtml(labels[i] ?? '')}</text>`;
    })
    .join('\n');
  return frame(title, bars);
}

/** A line chart over weeks, with its points marked. */
function lineChart(title: string, values: number[], colour: string): string {
  const top = Math.max(...values) * 1.15;
  const step = (WIDTH - 180) / (values.length - 1);
  const points = values.map((value, i) => [100 + i * step, 470 - (value / top) * 360] as const);
  const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`);
  const dots = points
    .map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${colour}"/>`)
    .join('');
  const labels = values
    .map((_, i) =>
      i % 2 === 0
        ? `<text x="${(100 + i * step).toFixed(1)}" y="500" ${FONT} font-size="18" text-anchor="middle" fill="#52606d">W${i + 1}</text>`
        : '',
    )
    .join('');
  const [lastX, lastY] = points.at(-1) ?? [0, 0];
  return frame(
    title,
    `<path d="${path.join(' ')}" fill="none" stroke="${colour}" stroke-width="5" stroke-linejoin="round"/>${dots}${labels}
<text x="${lastX - 10}" y="${lastY - 18}" ${FONT} font-size="22" text-anchor="end" fill="#1f2933">${values.at(-1)}</text>`,
  );
}

/** A drawn snapshot of office life: a birthday cake or a celebratory coffee. */
function officeScene(random: Random, subject: 'cake' | 'coffee'): string {
  const wall = random.pick(['#f6e7d8', '#e3f0f6', '#eef3e2', '#f3e4ef']);
  const table = random.pick(['#b07d4f', '#8d6748', '#c49a6c']);
  const item =
    subject === 'cake'
      ? `<ellipse cx="480" cy="380" rx="220" ry="36" fill="#ffffff"/>
<rect x="320" y="250" width="320" height="130" rx="18" fill="${random.pick(['#f4a6b8', '#8fd3c8', '#f7d070'])}"/>
<rect x="320" y="250" width="320" height="34" rx="14" fill="#fff7ef"/>
${[370, 430, 490, 550, 610].map((x) => `<rect x="${x - 6}" y="196" width="12" height="56" rx="4" fill="#7fb7e6"/><ellipse cx="${x}" cy="186" rx="9" ry="15" fill="#ffb347"/>`).join('')}`
      : `<rect x="380" y="220" width="200" height="170" rx="26" fill="#ffffff" stroke="#d9d4cc" stroke-width="6"/>
<path d="M580 260 Q660 270 640 330 Q625 370 578 360" fill="none" stroke="#d9d4cc" stroke-width="18"/>
<ellipse cx="480" cy="226" rx="92" ry="18" fill="#6b4226"/>
<ellipse cx="480" cy="226" rx="40" ry="8" fill="#d7a574"/>
${[440, 480, 520].map((x) => `<path d="M${x} 190 q-14 -26 0 -52 q14 -26 0 -52" fill="none" stroke="#c8c2bb" stroke-width="6" stroke-linecap="round"/>`).join('')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="${wall}"/>
<rect x="0" y="380" width="${WIDTH}" height="160" fill="${table}"/>
<rect x="90" y="80" width="180" height="150" rx="8" fill="#ffffff" opacity="0.7"/>
${item}
</svg>`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** Splits `total` over `parts` with some day-to-day variation. */
function spread(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.7 + random.next() * 0.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((w / sum) * total));
}

/** A picture for the statuses that would carry one (a dashboard, a photo), if any. */
function pictureFor(random: Random, draft: Draft): Picture | undefined {
  const text = draft.text;
  let match = /^Support last week: (\d+) tickets/.exec(text);
  if (match) {
    const days = spread(random, Number(match[1]), 5);
    return {
      subject: 'support',
      svg: barChart('Support tickets per day, last week', WEEKDAYS, days, '#3d7a5a'),
      description: `Bar chart of support tickets per day last week: ${days.map((n, i) => `${WEEKDAYS[i]} ${n}`).join(', ')}.`,
    };
  }
  match = /Webinar recap: (\d+) registrations/.exec(text);
  if (match) {
    const regions = ['EMEA', 'Americas', 'APAC'];
    const counts = spread(random, Number(match[1]), 3);
    return {
      subject: 'webinar',
      svg: barChart('Webinar registrations by region', regions, counts, '#8a3d5f'),
      description: `Bar chart of webinar registrations by region: ${regions.map((r, i) => `${r} ${counts[i]}`).join(', ')}.`,
    };
  }
  match = /^Lantern update: .* from (\d+) ms to (\d+) ms/.exec(text);
  if (match) {
    const [from, to] = [Number(match[1]), Number(match[2])];
    const weeks = Array.from({ length: 8 }, (_, i) =>
      Math.round(from - ((from - to) * i) / 7 + (i > 0 && i < 7 ? random.int(-30, 30) : 0)),
    );
    return {
      subject: 'latency',
      svg: lineChart('Search p95 latency (ms), last 8 weeks', weeks, '#2f5d8a'),
      description: `Line chart of search p95 latency falling from ${from} ms to ${to} ms over eight weeks.`,
    };
  }
  if (text.startsWith('Weekly metrics:')) {
    let value = random.int(900, 1300);
    const weeks = Array.from({ length: 10 }, () => {
      value = Math.round(value * (1 + random.int(-2, 6) / 100));
      return value;
    });
    return {
      subject: 'admins',
      svg: lineChart('Weekly active admins', weeks, '#5b4a8a'),
      description: `Line chart of weekly active admins over ten weeks, from ${weeks[0]} to ${weeks.at(-1)}.`,
    };
  }
  if (/coffee machine is fixed/.test(text)) {
    return {
      subject: 'coffee',
      svg: officeScene(random, 'coffee'),
      description: 'Drawing of a steaming cup of coffee on the office kitchen table.',
    };
  }
  if (text.startsWith('Cake in the')) {
    return {
      subject: 'cake',
      svg: officeScene(random, 'cake'),
      description: 'Drawing of a birthday cake with five lit candles on the office kitchen table.',
    };
  }
  return undefined;
}

/**
 * Dashboards and office snapshots on statuses that would have them: at most `limit`, and
 * at most a quarter of them showing the same thing.
 */
export function planPictures(plan: Plan, limit: number) {
  const shown = new Map<string, number>();
  let count = 0;
  for (const draft of plan.random.sample(plan.drafts, plan.drafts.length)) {
    if (count >= limit) return;
    if (draft.parent || draft.visibility !== 'public') continue;
    const picture = pictureFor(plan.random, draft);
    const times = picture ? (shown.get(picture.subject) ?? 0) : 0;
    if (!picture || times >= Math.ceil(limit / 4)) continue;
    shown.set(picture.subject, times + 1);
    draft.picture = picture;
    count += 1;
  }
}

export function renderPicture(picture: Picture): Promise<Buffer> {
  return sharp(Buffer.from(picture.svg)).png({ compressionLevel: 9 }).toBuffer();
}
