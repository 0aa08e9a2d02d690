/**
 * After a failed client-side check, focus the first field marked invalid, so keyboard and
 * screen-reader users land on it and hear its error (linked by aria-describedby).
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
