import { forwardRef } from 'react';
import type { MessageAction, ShopperMessage } from '../model/checkout-messages';
import { alertClass, MessageContent } from './message-view';

/**
 * The checkout's message regions. They exist from page load (so screen readers announce what is
 * put in them); the alert region takes focus when a message appears.
 */
export const CheckoutFeedback = forwardRef<
  HTMLDivElement,
  {
    message: ShopperMessage | null;
    progress: string;
    onCommand?: (action: Extract<MessageAction, { kind: 'command' }>) => void;
  }
>(function CheckoutFeedback({ message, progress, onCommand }, ref) {
  return (
    <>
      <div role="status" className="visually-hidden">
        {progress}
      </div>
      <div
        ref={ref}
        role="alert"
        tabIndex={-1}
        className={message ? alertClass(message) : undefined}
      >
        {message ? <MessageContent message={message} onCommand={onCommand} /> : null}
      </div>
    </>
  );
});
