import { useEffect, useRef } from 'react';

/**
 * HTML the server already sanitised (bios, profile field values). Links open in a new tab,
 * without giving the opened page a handle on this one.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the links change with the HTML
  useEffect(() => {
    for (const link of ref.current?.querySelectorAll('a[href]') ?? []) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }, [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitiser is the single gate for user HTML
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
