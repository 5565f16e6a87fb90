import { Link } from 'wouter';
import type { Inline, MessageAction, ShopperMessage } from '../model/checkout-messages';

const SYMBOLS = { success: '✓ ', info: 'ℹ ', warning: '! ', error: '⚠ ' } as const;

/** The box's class for a message's tone (good news uses the info box). */
export function alertClass(message: ShopperMessage): string {
  return `alert alert-${message.tone === 'success' ? 'info' : message.tone}`;
}

function InlineView({ inline }: { inline: Inline }) {
  if (typeof inline === 'string') return <>{inline}</>;
  if ('href' in inline) return <Link href={inline.href}>{inline.text}</Link>;
  return (
    <strong>
      <span aria-hidden="true">{inline.symbol} </span>
      {inline.status}
    </strong>
  );
}

/** The body of a message from `checkout-messages.ts`: title, paragraphs, actions, reference. */
export function MessageContent({
  message,
  onCommand,
}: {
  message: ShopperMessage;
  /** Runs a `command` action (extra actions plugged in by the app). */
  onCommand?: (action: Extract<MessageAction, { kind: 'command' }>) => void;
}) {
  return (
    <>
      <p className="alert-title">
        <span aria-hidden="true">{SYMBOLS[message.tone]}</span>
        {message.title}
      </p>
      {message.body.map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((inline, part) => (
            <InlineView key={part} inline={inline} />
          ))}
        </p>
      ))}
      {message.actions.length > 0 ? (
        <p className="alert-actions">
          {message.actions.map((action) =>
            action.kind === 'link' ? (
              <Link key={action.label} href={action.href}>
                {action.label}
              </Link>
            ) : (
              <button key={action.id} type="button" onClick={() => onCommand?.(action)}>
                {action.label}
              </button>
            ),
          )}
        </p>
      ) : null}
      {message.reference ? <p className="alert-reference">Reference: {message.reference}</p> : null}
    </>
  );
}

/** A banner (breaker, health, offline): a polite status box. */
export function MessageBanner({ message }: { message: ShopperMessage }) {
  return (
    <div className={alertClass(message)} role="status" tabIndex={-1}>
      <MessageContent message={message} />
    </div>
  );
}
