import { describe, expect, it } from 'vitest';
import { excerptOf } from './excerpt';

describe('excerptOf', () => {
  it('turns a status into one line of text', () => {
    expect(
      excerptOf(
        '<p><span class="h-card"><a href="/@ana">@<span>ana</span></a></span> Q3 &amp; Q4 plans</p><p>Line two<br>three &#39;quoted&#39; &lt;b&gt;</p>',
      ),
    ).toBe("@ana Q3 & Q4 plans Line two three 'quoted' <b>");
  });

  it('cuts long text with an ellipsis', () => {
    expect(excerptOf(`<p>${'word '.repeat(50)}</p>`, 20)).toBe('word word word word…');
    expect(excerptOf('<p>&unknown; &#x1F600;</p>')).toBe('&unknown; 😀');
  });
});
