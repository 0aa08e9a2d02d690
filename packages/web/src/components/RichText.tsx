import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { inAppPath, type MentionRef } from './rich-text-links';

/**
 * HTML the server already sanitised (statuses, bios, profile field values). Mentions and
 * hashtags navigate inside the app; other links open in a new tab, without giving the
 * opened page a handle on this one.
 */
export function RichText({
  html,
  className,
  mentions,
  id,
}: {
  html: string;
  className?: string;
  mentions?: readonly MentionRef[];
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the links change with the HTML
  useEffect(() => {
    for (const link of ref.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? []) {
      const path = inAppPath(
        {
          href: link.getAttribute('href') ?? '',
          className: link.className,
          text: link.textContent ?? '',
        },
        window.location.origin,
        mentions,
      );
      if (path) {
        link.setAttribute('href', path);
        link.dataset.appLink = 'true';
        link.removeAttribute('target');
      } else {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
  }, [html]);

  // One listener for every link: React does not manage the links inside the HTML.
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[data-app-link]');
      if (!link || !container.contains(link)) return;
      event.preventDefault();
      navigate(link.getAttribute('href') ?? '/');
    };
    container.addEventListener('click', onClick);
    return () => container.removeEventListener('click', onClick);
  }, [navigate]);

  return (
    <div
      ref={ref}
      id={id}
      className={className}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitiser is the single gate for user HTML
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
