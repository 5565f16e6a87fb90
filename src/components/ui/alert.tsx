import { forwardRef, type ReactNode } from 'react';
import { shortReference } from '@/lib/ids';

interface AlertProps {
  title: string;
  children?: ReactNode;
  /** Shown so a shopper can quote it to support. */
  reference?: string;
  tone?: 'error' | 'warning' | 'info';
}

/**
 * A message box. Errors are `role="alert"`; warnings and info are polite status messages.
 * It is focusable so a page can move focus to it when it appears.
 */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { title, children, reference, tone = 'error' },
  ref,
) {
  return (
    <div
      ref={ref}
      className={`alert alert-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
    >
      <p className="alert-title">
        <span aria-hidden="true">{tone === 'error' ? '⚠ ' : tone === 'warning' ? '! ' : 'ℹ '}</span>
        {title}
      </p>
      {children}
      {reference ? <p className="alert-reference">Reference: {shortReference(reference)}</p> : null}
    </div>
  );
});
