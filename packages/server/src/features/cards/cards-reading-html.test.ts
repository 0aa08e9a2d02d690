import { describe, expect, it } from 'vitest';
import { decodePage, extractPageMetadata, firstPreviewableLink, LIMITS } from './page-metadata';

// ---- Reading HTML ------------------------------------------------------------------------

describe('firstPreviewableLink', () => {
  const own = 'https://rapport.example.com';

  it('skips mentions, hashtags, our own pages and other schemes', () => {
    const content =
      '<p><span class="h-card"><a href="https://rapport.example.com/@bo" class="u-url mention">@<span>bo</span></a></span> ' +
      '<a href="https://rapport.example.com/tags/x" class="mention hashtag" rel="tag">#<span>x</span></a> ' +
      '<a href="https://elsewhere.example/@cy" class="u-url mention">@cy</a> ' +
      '<a href="https://elsewhere.example/tags/y" rel="tag">#y</a> ' +
      '<a href="https://rapport.example.com/@ana/1">our status</a> ' +
      '<a href="mailto:ana@example.com">mail</a> ' +
      '<a href="https://news.example/a?x=1&amp;y=2#top" rel="nofollow noopener noreferrer" target="_blank">' +
      '<span class="invisible">https://</span><span class="">news.example/a</span></a> ' +
      '<a href="https://news.example/b">second</a></p>';
    expect(firstPreviewableLink(content, own)).toBe('https://news.example/a?x=1&y=2');
  });

  it('finds nothing in text without links', () => {
    expect(firstPreviewableLink('<p>Hello &lt;a href="https://x.example"&gt;</p>', own)).toBe(
      undefined,
    );
    expect(firstPreviewableLink('', own)).toBeUndefined();
  });

  it('ignores overlong URLs', () => {
    const long = `https://news.example/${'a'.repeat(LIMITS.url)}`;
    expect(firstPreviewableLink(`<a href="${long}">x</a>`, own)).toBeUndefined();
  });
});

describe('extractPageMetadata', () => {
  const page = 'https://news.example/section/article';

  it('prefers OpenGraph, then Twitter cards, then plain HTML', () => {
    const html = `<head>
      <TITLE>Plain &amp; simple</TITLE>
      <meta name="description" content="plain description">
      <meta name="twitter:title" content="Twitter title">
      <meta name="twitter:description" content="Twitter description">
      <meta name="twitter:image" content="https://cdn.example/t.png">
      <meta property="og:description" content="OG description">
    </head>`;
    expect(extractPageMetadata(html, page)).toEqual({
      title: 'Twitter title',
      description: 'OG description',
      providerName: '',
      authorName: '',
      imageUrl: 'https://cdn.example/t.png',
      imageDescription: '',
    });
    expect(extractPageMetadata('<title>\n  Only   a\ttitle </title>', page).title).toBe(
      'Only a title',
    );
  });

  it('reads attributes however they are quoted, in any order and case', () => {
    const html = `<meta content='Single "quoted"' property=og:title>
      <META CONTENT="a > b" NAME="Description">
      <meta property="og:image" content="../img/x.png?a=1&amp;b=2">`;
    expect(extractPageMetadata(html, page)).toMatchObject({
      title: 'Single "quoted"',
      description: 'a > b',
      imageUrl: 'https://news.example/img/x.png?a=1&b=2',
    });
  });

  it('ignores tags in comments, scripts and styles, and the first value of a key wins', () => {
    const html = `<!-- <meta property="og:title" content="commented"> -->
      <script>document.write('<meta property="og:title" content="scripted">')</script>
      <style>/* <meta property="og:title" content="styled"> */</style>
      <title>The <meta property="og:title" content="in title"> title</title>
      <meta property="og:title" content="Real">
      <meta property="og:title" content="Second">`;
    const metadata = extractPageMetadata(html, page);
    expect(metadata.title).toBe('Real');
  });

  it('takes only http(s) images', () => {
    for (const image of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/x']) {
      const html = `<title>x</title><meta property="og:image" content="${image}">`;
      expect(extractPageMetadata(html, page).imageUrl).toBeUndefined();
    }
  });

  it('decodes character references and strips control characters', () => {
    const html =
      '<title>Caf&#233; &#x1F600; &lt;b&gt; &ldquo;q&rdquo; &unknown; &#0; &#xD800;\u0007end</title>';
    expect(extractPageMetadata(html, page).title).toBe(
      'Café 😀 <b> “q” &unknown; \uFFFD \uFFFD end',
    );
  });

  it('caps lengths without splitting characters', () => {
    const title = '😀'.repeat(LIMITS.title + 10);
    const metadata = extractPageMetadata(`<title>${title}</title>`, page);
    expect(Array.from(metadata.title)).toHaveLength(LIMITS.title);
    expect(metadata.title.endsWith('😀…')).toBe(true);
  });

  it('survives broken markup', () => {
    expect(extractPageMetadata('<meta property="og:title" content="never closed', page).title).toBe(
      '',
    );
    expect(extractPageMetadata('<<<>>> <title>ok</title> <a href=', page).title).toBe('ok');
  });

  it('stays fast on hostile input', () => {
    const hostile = `${'<meta a="'.repeat(50_000)}${'<a '.repeat(100_000)}<title>x`;
    const started = Date.now();
    extractPageMetadata(hostile, page);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('decodePage', () => {
  it('uses the Content-Type charset, then a meta charset, then UTF-8', () => {
    const latin1 = Buffer.from('<title>Caf\u00e9</title>', 'latin1');
    expect(decodePage(latin1, 'iso-8859-1')).toContain('Café');
    const declared = Buffer.concat([
      Buffer.from('<meta charset="windows-1252">'),
      Buffer.from('<title>\u0093Caf\u00e9\u0094</title>', 'latin1'),
    ]);
    expect(decodePage(declared, undefined)).toContain('“Café”');
    const httpEquiv = Buffer.from(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>\u00e9</title>',
      'latin1',
    );
    expect(decodePage(httpEquiv, undefined)).toContain('<title>é</title>');
    expect(decodePage(Buffer.from('<title>Café</title>'), undefined)).toContain('Café');
    expect(decodePage(Buffer.from('<title>Café</title>'), 'no-such-charset')).toContain('Café');
  });
});
