import sharp from 'sharp';
import type { Random } from './random';

const BACKGROUNDS = [
  '#f4d6cc',
  '#cfe3f0',
  '#d7ecd9',
  '#f1e4b8',
  '#e2d5f0',
  '#f6d0dc',
  '#cde8e4',
  '#e9dfd3',
];
const SKIN = ['#f5d3b8', '#eab894', '#d49a6a', '#b07548', '#8d5a3b', '#5f3b24'];
const HAIR = ['#1f1a17', '#3b2a20', '#6b4226', '#a0662f', '#d6a75a', '#b8b2a7', '#8c2f1b'];
const SHIRTS = [
  '#2f5d8a',
  '#3d7a5a',
  '#8a3d5f',
  '#5b4a8a',
  '#2e6e73',
  '#444b57',
  '#a83b3b',
  '#c79a2a',
];

/**
 * A drawn head-and-shoulders portrait in SVG: skin, hair style, glasses and clothes are
 * drawn from the seeded generator, so every demo person has a distinct, stable face.
 */
export function drawAvatarSvg(random: Random): string {
  const skin = random.pick(SKIN);
  const hair = random.pick(HAIR);
  const shirt = random.pick(SHIRTS);
  const background = random.pick(BACKGROUNDS);
  const style = random.int(0, 5);
  const glasses = random.chance(0.3);
  const beard = style <= 2 && random.chance(0.25);
  const hairBack =
    style === 3
      ? `<path d="M58 120 Q58 40 128 40 Q198 40 198 120 L206 210 Q170 228 128 226 Q86 228 50 210 Z" fill="${hair}"/>`
      : style === 4
        ? `<circle cx="128" cy="46" r="24" fill="${hair}"/>`
        : '';
  const hairTop = [
    `<path d="M72 112 Q70 56 128 54 Q186 56 184 112 Q170 80 128 80 Q86 80 72 112 Z" fill="${hair}"/>`,
    `<path d="M70 118 Q66 50 128 50 Q190 50 186 118 Q176 74 150 72 Q120 92 84 86 Q76 100 70 118 Z" fill="${hair}"/>`,
    `<g fill="${hair}">${[78, 98, 118, 138, 158, 178].map((x) => `<circle cx="${x}" cy="${74 + Math.abs(128 - x) / 3}" r="18"/>`).join('')}</g>`,
    `<path d="M68 124 Q64 48 128 48 Q192 48 188 124 Q180 84 128 82 Q76 84 68 124 Z" fill="${hair}"/>`,
    `<path d="M72 108 Q72 58 128 58 Q184 58 184 108 Q160 78 128 78 Q96 78 72 108 Z" fill="${hair}"/>`,
    `<path d="M84 86 Q128 62 172 86 Q150 74 128 74 Q106 74 84 86 Z" fill="${hair}" opacity="0.5"/>`,
  ][style];
  const beardPath = beard
    ? `<path d="M88 140 Q92 196 128 200 Q164 196 168 140 Q160 172 128 174 Q96 172 88 140 Z" fill="${hair}"/>`
    : '';
  const glassesPath = glasses
    ? `<g fill="none" stroke="#2b2b2b" stroke-width="4"><circle cx="108" cy="128" r="15"/><circle cx="148" cy="128" r="15"/><path d="M123 128 H133"/></g>`
    : '';
  const smile = random.chance(0.7)
    ? `<path d="M112 160 Q128 174 144 160" fill="none" stroke="#2a130d" stroke-width="4" stroke-linecap="round"/>`
    : `<path d="M114 163 H142" stroke="#2a130d" stroke-width="4" stroke-linecap="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<rect width="256" height="256" fill="${background}"/>
${hairBack}
<path d="M40 256 Q44 200 128 196 Q212 200 216 256 Z" fill="${shirt}"/>
<rect x="112" y="170" width="32" height="34" rx="12" fill="${skin}"/>
<ellipse cx="128" cy="128" rx="56" ry="64" fill="${skin}"/>
<ellipse cx="72" cy="132" rx="9" ry="13" fill="${skin}"/><ellipse cx="184" cy="132" rx="9" ry="13" fill="${skin}"/>
${hairTop}
<circle cx="108" cy="128" r="6" fill="#2b2b2b"/><circle cx="148" cy="128" r="6" fill="#2b2b2b"/>
${glassesPath}
${beardPath}
${smile}
</svg>`;
}

export function renderAvatar(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
