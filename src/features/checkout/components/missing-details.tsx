import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * What a section shows when the shopper has none on file yet (an address, a card): the fact, and a
 * button that opens the form to add one, moving focus to its first field. Closed at first, so the
 * checkout keeps its layout when it learns the shopper has none: the section is as tall as the
 * loading state it replaces, not a form that pushes everything below it down the screen.
 */
export function MissingDetails({
  message,
  action,
  children,
}: {
  message: string;
  /** The button's words, which also name what it opens. */
  action: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const formId = useId();
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  return (
    <div className="details-missing">
      <p>
        {message}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={formId}
          hidden={open}
          onClick={() => setOpen(true)}
        >
          {action}
        </button>
      </p>
      <div id={formId} ref={form} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
